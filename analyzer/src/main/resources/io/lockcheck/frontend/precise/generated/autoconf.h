/*
 * lockcheck's stand-in for include/generated/autoconf.h when --kernel-tree is an unconfigured
 * source tree. A minimal x86-64 SMP configuration with PCI and modules, no debugging options:
 * lock primitives are then the plain functions and macros of a production kernel (no lockdep,
 * no DEBUG_LOCK_ALLOC variants). Drivers' own CONFIG_ options are all unset, so code under
 * #ifdef CONFIG_<driver option> is not parsed. A configured tree's real autoconf.h wins.
 */
#define CONFIG_X86 1
#define CONFIG_X86_64 1
#define CONFIG_64BIT 1
#define CONFIG_MMU 1
#define CONFIG_SMP 1
#define CONFIG_NR_CPUS 64
#define CONFIG_PCI 1
#define CONFIG_MODULES 1
#define CONFIG_PRINTK 1
#define CONFIG_BUG 1
#define CONFIG_HZ 250
#define CONFIG_PAGE_SHIFT 12
#define CONFIG_PGTABLE_LEVELS 4
#define CONFIG_X86_L1_CACHE_SHIFT 6
#define CONFIG_X86_INTERNODE_CACHE_SHIFT 6
#define CONFIG_X86_CMPXCHG64 1
#define CONFIG_ILLEGAL_POINTER_VALUE 0xdead000000000000
#define CONFIG_SPARSEMEM 1
#define CONFIG_SPARSEMEM_EXTREME 1
#define CONFIG_SPARSEMEM_VMEMMAP 1
#define CONFIG_NODES_SHIFT 1
#define CONFIG_GENERIC_BUG 1
#define CONFIG_TREE_RCU 1
#define CONFIG_TREE_SRCU 1
#define CONFIG_PREEMPT_NONE 1
#define CONFIG_ARCH_HAS_CACHE_LINE_SIZE 1
#define CONFIG_LOG_BUF_SHIFT 17
#define CONFIG_CC_VERSION_TEXT "gcc (lockcheck) 12.2.0"
#define CONFIG_GCC_VERSION 120200
