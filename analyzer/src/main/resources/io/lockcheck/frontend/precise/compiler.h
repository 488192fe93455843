/*
 * lockcheck precise mode: what gcc predefines for x86-64 (the subset kernel headers test), and
 * shapes for syntax CDT's C parser lacks. Served after lock-shapes.h, before -include files.
 */
#define __GNUC__ 12
#define __GNUC_MINOR__ 2
#define __GNUC_PATCHLEVEL__ 0
#define __STDC_VERSION__ 201112L
#define __STDC_HOSTED__ 0
#define __OPTIMIZE__ 1
#define __x86_64__ 1
#define __x86_64 1
#define __amd64__ 1
#define __LP64__ 1
#define _LP64 1
#define __ELF__ 1
#define __CHAR_BIT__ 8
#define __SIZEOF_INT__ 4
#define __SIZEOF_LONG__ 8
#define __SIZEOF_LONG_LONG__ 8
#define __SIZEOF_SHORT__ 2
#define __SIZEOF_POINTER__ 8
#define __SIZEOF_SIZE_T__ 8
#define __SIZEOF_INT128__ 16
#define __ORDER_LITTLE_ENDIAN__ 1234
#define __ORDER_BIG_ENDIAN__ 4321
#define __ORDER_PDP_ENDIAN__ 3412
#define __BYTE_ORDER__ __ORDER_LITTLE_ENDIAN__
#define __SIZE_TYPE__ long unsigned int
#define __PTRDIFF_TYPE__ long int
#define __INTPTR_TYPE__ long int
#define __UINTPTR_TYPE__ long unsigned int
#define __INT_MAX__ 0x7fffffff
#define __LONG_MAX__ 0x7fffffffffffffffL
#define __LONG_LONG_MAX__ 0x7fffffffffffffffLL
#define __SCHAR_MAX__ 0x7f
#define __SHRT_MAX__ 0x7fff
#define __SIZE_MAX__ 0xffffffffffffffffUL

/* gcc feature tests: answer "no", so headers take their portable fallbacks */
#define __has_attribute(x) 0
#define __has_builtin(x) 0
#define __has_feature(x) 0
#define __has_c_attribute(x) 0

/* C11/C23 and GNU syntax CDT's C parser does not know */
#define _Generic(c, ...)         (c)
#define typeof_unqual(x)         __typeof__(x)
#define __typeof_unqual__(x)     __typeof__(x)
#define __auto_type              long
#define asm                      __asm__
