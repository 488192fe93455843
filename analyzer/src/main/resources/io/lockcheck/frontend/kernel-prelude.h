/*
 * lockcheck kernel prelude (fast mode): macro definitions that give kernel-only syntax a shape
 * CDT can parse without the kernel's headers (annotations, attributes, declaration macros,
 * iterators, helpers that take types). Served after lock-shapes.h and before drm-prelude.h.
 * Iterators and string macros that no prelude names are derived per file (FileShapes.java).
 */

/* ---- function and variable attributes that carry no locking meaning ---- */
#define __init
#define __exit
#define __initdata
#define __initconst
#define __exitdata
#define __devinit
#define __ref
#define __refdata
#define __must_check
#define __always_inline          inline
#define __inline__               inline
#define noinline
#define __noinline
#define __maybe_unused
#define __always_unused
#define __used
#define __cold
#define __hot
#define __pure
#define __malloc
#define __weak
#define __noreturn
#define __iomem
#define __user
#define __kernel
#define __rcu
#define __percpu
#define __force
#define __bitwise
#define __nocast
#define __safe
#define __private
#define __packed
#define __randomize_layout
#define __no_randomize_layout
#define __counted_by(m)
#define __counted_by_le(m)
#define __counted_by_be(m)
#define __nonstring
#define __ro_after_init
#define __read_mostly
#define __cacheline_aligned
#define __cacheline_aligned_in_smp
#define ____cacheline_aligned
#define ____cacheline_aligned_in_smp
#define __aligned(x)
#define __printf(a, b)
#define __scanf(a, b)
#define __section(s)
#define __visible
#define __flatten
#define noinline_for_stack
#define __no_sanitize_address
#define __noscs
#define __must_be_array(a)       0
#define __diag_push()
#define __diag_pop()
#define __diag_ignore_all(...)
#define __attribute_const__
#define __latent_entropy
#define __alloc_size(...)
#define __realloc_size(...)
#define __assume_aligned(...)
#define notrace
#define asmlinkage
#define fallthrough              do {} while (0)
#define likely(x)                (x)
#define unlikely(x)              (x)
#define __is_constexpr(x)        0
#define __same_type(a, b)        0
#define BUILD_BUG_ON(c)          ((void)0)
#define BUILD_BUG_ON_MSG(c, m)   ((void)0)
#define BUILD_BUG_ON_ZERO(c)     0
#define static_assert(...)
#define _Static_assert(...)
#define typeof_unqual(x)         __typeof__(x)
#define __typeof_unqual__(x)     __typeof__(x)
#define _Generic(c, ...)         (c)
#define __auto_type              long
#define asm                      __asm__

/* ---- module and symbol boilerplate: declarations with no code ---- */
#define EXPORT_SYMBOL(s)
#define EXPORT_SYMBOL_GPL(s)
#define EXPORT_SYMBOL_NS(s, ns)
#define EXPORT_SYMBOL_NS_GPL(s, ns)
#define EXPORT_SYMBOL_FOR_TESTS_ONLY(s)
#define EXPORT_SYMBOL_IF_KUNIT(s)
#define MODULE_LICENSE(s)
#define MODULE_AUTHOR(s)
#define MODULE_DESCRIPTION(s)
#define MODULE_ALIAS(s)
#define MODULE_DEVICE_TABLE(t, n)
#define MODULE_FIRMWARE(s)
#define MODULE_IMPORT_NS(s)
#define MODULE_VERSION(s)
#define MODULE_SOFTDEP(s)
#define MODULE_PARM_DESC(p, d)
#define module_param(n, t, p)
#define module_param_named(n, v, t, p)
#define module_param_unsafe(n, t, p)
#define module_param_named_unsafe(n, v, t, p)
#define module_param_string(n, s, l, p)
#define module_param_cb(n, o, a, p)
#define module_param_cb_unsafe(n, o, a, p)
#define kunit_test_suite(s)
#define kunit_test_suites(...)
#define VISIBLE_IF_KUNIT         static
#define DECLARE_DYNDBG_CLASSMAP(...)
#define module_init(f)
#define module_exit(f)
#define module_platform_driver(d)
#define module_pci_driver(d)
#define module_i2c_driver(d)
#define module_spi_driver(d)
#define module_auxiliary_driver(d)
#define module_mipi_dsi_driver(d)
#define module_driver(...)
#define late_initcall(f)
#define subsys_initcall(f)
#define device_initcall(f)
#define core_initcall(f)
#define arch_initcall(f)
#define fs_initcall(f)
#define postcore_initcall(f)
#define late_initcall_sync(f)
#define DEFINE_MUTEX(n)          struct mutex n
#define DEFINE_SPINLOCK(n)       spinlock_t n
#define DEFINE_RAW_SPINLOCK(n)   raw_spinlock_t n
#define DEFINE_RWLOCK(n)         rwlock_t n
#define DECLARE_RWSEM(n)         struct rw_semaphore n
#define DEFINE_IDA(n)            struct ida n
#define DEFINE_IDR(n)            struct idr n
#define DEFINE_XARRAY(n)         struct xarray n
#define DEFINE_XARRAY_ALLOC(n)   struct xarray n
#define DEFINE_XARRAY_FLAGS(n, f) struct xarray n
#define DECLARE_WAIT_QUEUE_HEAD(n) struct wait_queue_head n
#define DECLARE_COMPLETION(n)    struct completion n
#define DECLARE_WORK(n, f)       struct work_struct n
#define DECLARE_DELAYED_WORK(n, f) struct delayed_work n
#define DEFINE_STATIC_KEY_FALSE(n) struct static_key_false n
#define DEFINE_STATIC_KEY_TRUE(n) struct static_key_true n
#define DEFINE_PER_CPU(t, n)     t n
#define DECLARE_BITMAP(n, bits)  unsigned long n[1]
#define DEFINE_DRM_GEM_FOPS(n)   const struct file_operations n
#define DEFINE_DRM_GEM_DMA_FOPS(n) const struct file_operations n
#define DEFINE_SHOW_ATTRIBUTE(n)
#define DEFINE_SIMPLE_ATTRIBUTE(...)
#define DEFINE_DEBUGFS_ATTRIBUTE(...)
#define DEFINE_DRM_ACCEL_FOPS(n) const struct file_operations n
#define DEFINE_RES_MEM(s, z)     ((struct resource){ .start = (s), .end = (s) + (z) - 1 })
#define DEFINE_PROP_END_OF_LIST() { 0 }
#define ATTRIBUTE_GROUPS(n)
#define DEVICE_ATTR(n, m, s, t) struct device_attribute dev_attr_##n
#define DEVICE_ATTR_RO(n)        struct device_attribute dev_attr_##n
#define DEVICE_ATTR_RW(n)        struct device_attribute dev_attr_##n
#define DEVICE_ATTR_WO(n)        struct device_attribute dev_attr_##n
#define DEVICE_ATTR_ADMIN_RO(n)  struct device_attribute dev_attr_##n
#define DEVICE_ATTR_ADMIN_RW(n)  struct device_attribute dev_attr_##n
#define SENSOR_DEVICE_ATTR(n, ...)    struct sensor_device_attribute sensor_dev_attr_##n
#define SENSOR_DEVICE_ATTR_RO(n, ...) struct sensor_device_attribute sensor_dev_attr_##n
#define SENSOR_DEVICE_ATTR_RW(n, ...) struct sensor_device_attribute sensor_dev_attr_##n
#define SENSOR_DEVICE_ATTR_WO(n, ...) struct sensor_device_attribute sensor_dev_attr_##n
#define SENSOR_DEVICE_ATTR_2(n, ...)  struct sensor_device_attribute_2 sensor_dev_attr_##n
#define SENSOR_DEVICE_ATTR_2_RO(n, ...) struct sensor_device_attribute_2 sensor_dev_attr_##n
#define SENSOR_DEVICE_ATTR_2_RW(n, ...) struct sensor_device_attribute_2 sensor_dev_attr_##n
#define BIN_ATTR(n, ...)         struct bin_attribute bin_attr_##n
#define BIN_ATTR_RO(n, ...)      struct bin_attribute bin_attr_##n
#define SIMPLE_DEV_PM_OPS(n, s, r) const struct dev_pm_ops n
#define DEFINE_SIMPLE_DEV_PM_OPS(n, s, r) const struct dev_pm_ops n
#define DEFINE_RUNTIME_DEV_PM_OPS(n, s, r, i) const struct dev_pm_ops n
#define SET_SYSTEM_SLEEP_PM_OPS(s, r)
#define SET_RUNTIME_PM_OPS(s, r, i)
#define SYSTEM_SLEEP_PM_OPS(s, r)
#define RUNTIME_PM_OPS(s, r, i)
#define pm_ptr(p)                (p)
#define pm_sleep_ptr(p)          (p)
#define of_match_ptr(p)          (p)
#define ACPI_PTR(p)              (p)
#define KUNIT_CASE(f)            { 0 }
#define DRM_GEM_SHMEM_DRIVER_OPS .gem_create_object = 0
#define DRM_GEM_DMA_DRIVER_OPS   .gem_create_object = 0
#define DRM_FBDEV_DMA_DRIVER_OPS .fbdev_probe = 0
#define DRM_FBDEV_SHMEM_DRIVER_OPS .fbdev_probe = 0

/* ---- compile-time helpers that take types ---- */
#define sizeof_field(t, m)       sizeof(((t *)0)->m)
#define ARRAY_SIZE(a)            (sizeof(a) / sizeof((a)[0]))
#define FIELD_SIZEOF(t, m)       sizeof(((t *)0)->m)
#define struct_size(p, m, n)     (sizeof(*(p)) + (n))
#define struct_size_t(t, m, n)   (sizeof(t) + (n))
#define flex_array_size(p, m, n) (n)
#define array_size(a, b)         ((a) * (b))
#define array3_size(a, b, c)     ((a) * (b) * (c))
#define min_t(t, a, b)           ((t)(a) < (t)(b) ? (t)(a) : (t)(b))
#define max_t(t, a, b)           ((t)(a) > (t)(b) ? (t)(a) : (t)(b))
#define clamp_t(t, v, lo, hi)    min_t(t, max_t(t, v, lo), hi)
#define typecheck(t, x)          1
#define va_arg(ap, t)            (*(t *)__lockcheck_va_arg(ap))
#define for_each_set_bit(bit, addr, size) for ((bit) = 0; (bit) < (size); (bit)++)
#define for_each_clear_bit(bit, addr, size) for ((bit) = 0; (bit) < (size); (bit)++)
#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < 1; (cpu)++)
#define for_each_online_cpu(cpu) for ((cpu) = 0; (cpu) < 1; (cpu)++)
#define for_each_sg(sglist, sg, nr, i) for ((i) = 0, (sg) = (sglist); (i) < (nr); (i)++, (sg) = __lockcheck_next(sg))
#define idr_for_each_entry(idr, entry, id) for ((id) = 0; ((entry) = __lockcheck_idr_next(idr, &(id))) != 0; (id)++)
#define xa_for_each(xa, index, entry) for ((index) = 0, (entry) = __lockcheck_xa_find(xa, &(index)); (entry); (entry) = __lockcheck_xa_find(xa, &(index)))
#define xa_for_each_start(xa, index, entry, start) xa_for_each(xa, index, entry)
#define xa_for_each_range(xa, index, entry, start, last) xa_for_each(xa, index, entry)
#define xa_for_each_marked(xa, index, entry, filter) xa_for_each(xa, index, entry)
#define kzalloc_obj(p, ...)      __lockcheck_alloc(sizeof(p))

/* ---- printk (include/linux/kern_levels.h, printk.h) and what the build defines ---- */
#define KERN_SOH                 "\001"
#define KERN_EMERG               KERN_SOH "0"
#define KERN_ALERT               KERN_SOH "1"
#define KERN_CRIT                KERN_SOH "2"
#define KERN_ERR                 KERN_SOH "3"
#define KERN_WARNING             KERN_SOH "4"
#define KERN_NOTICE              KERN_SOH "5"
#define KERN_INFO                KERN_SOH "6"
#define KERN_DEBUG               KERN_SOH "7"
#define KERN_DEFAULT             ""
#define KERN_CONT                KERN_SOH "c"
#define HW_ERR                   "[Hardware Error]: "
#define KBUILD_MODNAME           "lockcheck"
#define UTS_RELEASE              "6.12"
#define __stringify(x)           #x

/* ---- more helpers that take types or member names ---- */
#define offsetofend(t, m)        (__builtin_offsetof(t, m) + sizeof(((t *)0)->m))
#define typeof_member(t, m)      __typeof__(((t *)0)->m)
#define rb_entry(ptr, type, member)          container_of(ptr, type, member)
#define rb_entry_safe(ptr, type, member)     container_of(ptr, type, member)
#define hlist_entry_safe(ptr, type, member)  container_of(ptr, type, member)
#define llist_entry(ptr, type, member)       container_of(ptr, type, member)
#define list_entry_rcu(ptr, type, member)    container_of(ptr, type, member)
#define container_of_user(ptr, type, member) container_of(ptr, type, member)
#define list_first_or_null_rcu(ptr, type, member) ((type *)__lockcheck_list_first_or_null(ptr))
#define overflows_type(n, t)     __lockcheck_overflows(n)
#define range_overflows_t(t, start, size, max)     ((start) >= (max) || (size) > (max) - (start))
#define range_overflows_end_t(t, start, size, max) ((start) > (max) || (size) > (max) - (start))
#define u64_to_ptr(t, x)         ((t *)(unsigned long)(x))
/* include/linux/iosys-map.h: typed loads and stores through a mapping */
#define iosys_map_rd(map, off, t)            (*(t *)__lockcheck_iosys_rd(map, off))
#define iosys_map_wr(map, off, t, val)       __lockcheck_iosys_wr(map, off, val)
#define iosys_map_rd_field(map, off, t, f)   (((t *)__lockcheck_iosys_rd(map, off))->f)
#define iosys_map_wr_field(map, off, t, f, val) __lockcheck_iosys_wr(map, off, val)
