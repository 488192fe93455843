/*
 * lockcheck kernel prelude (fast mode). Served to CDT as a macro file before each C file when
 * real kernel headers are not used. Two jobs:
 *  1. make kernel-only syntax parseable (annotations, attributes, iterator macros, _Generic);
 *  2. keep what matters for locking visible to the lowering as __lockcheck_* marker calls
 *     (scope-based guards, marked accesses) or as __attribute__((lockcheck_*)) annotations.
 * Lock API calls themselves (mutex_lock, spin_lock_irqsave, ...) stay ordinary calls.
 */

/* ---- lock annotations: sparse forms and Linux 7.0 context analysis forms ---- */
#define __acquires(...)          __attribute__((lockcheck_acquires(__VA_ARGS__)))
#define __releases(...)          __attribute__((lockcheck_releases(__VA_ARGS__)))
#define __must_hold(...)         __attribute__((lockcheck_must_hold(__VA_ARGS__)))
#define __cond_acquires(...)     __attribute__((lockcheck_cond_acquires(__VA_ARGS__)))
#define __cond_acquires_shared(...) __attribute__((lockcheck_cond_acquires(__VA_ARGS__)))
#define __acquires_shared(...)   __attribute__((lockcheck_acquires(__VA_ARGS__)))
#define __releases_shared(...)   __attribute__((lockcheck_releases(__VA_ARGS__)))
#define __must_hold_shared(...)  __attribute__((lockcheck_must_hold(__VA_ARGS__)))
#define __guarded_by(...)        __attribute__((lockcheck_guarded_by(__VA_ARGS__)))
#define __pt_guarded_by(...)     __attribute__((lockcheck_pt_guarded_by(__VA_ARGS__)))
#define __data_racy              __attribute__((lockcheck_data_racy))
#define __cond_lock(x, c)        (c)
#define __acquire(x)             ((void)0)
#define __release(x)             ((void)0)
#define __no_context_analysis
#define context_unsafe(...)      (__VA_ARGS__)

/* ---- marked accesses (tools/memory-model/Documentation/access-marking.txt) ---- */
#define READ_ONCE(x)             __lockcheck_read_once(x)
#define WRITE_ONCE(x, val)       __lockcheck_write_once(x, val)
#define data_race(...)           __lockcheck_data_race(__VA_ARGS__)
#define ASSERT_EXCLUSIVE_WRITER(v)  __lockcheck_assert_exclusive_writer(v)
#define ASSERT_EXCLUSIVE_ACCESS(v)  __lockcheck_assert_exclusive_access(v)

/* ---- scope-based guards (include/linux/cleanup.h); released at scope exit ---- */
#define guard(_name)                     __lockcheck_guard_##_name
#define scoped_guard(_name, ...)         for (__lockcheck_scoped_guard_##_name(__VA_ARGS__);;)
#define scoped_cond_guard(_name, _fail, ...) \
	if (!__lockcheck_cond_guard_##_name(__VA_ARGS__)) { _fail; } \
	else for (__lockcheck_scoped_held_##_name(__VA_ARGS__);;)
#define __free(f)
#define __cleanup(f)
#define no_free_ptr(p)           (p)
#define return_ptr(p)            return (p)
#define DEFINE_FREE(...)
#define DEFINE_GUARD(...)
#define DEFINE_GUARD_COND(...)
#define DEFINE_LOCK_GUARD_0(...)
#define DEFINE_LOCK_GUARD_1(...)
#define DEFINE_LOCK_GUARD_1_COND(...)
#define DEFINE_CLASS(...)
#define CLASS(_name, var)        void *var = __lockcheck_class_##_name

/* ---- container_of and lists: keep the list head read visible ---- */
#define offsetof(t, m)           __builtin_offsetof(t, m)
#define container_of(ptr, type, member)      ((type *)__lockcheck_container_of(ptr, #member))
#define container_of_const(ptr, type, member) ((type *)__lockcheck_container_of(ptr, #member))
#define list_entry(ptr, type, member)        container_of(ptr, type, member)
#define list_first_entry(ptr, type, member)  list_entry((ptr)->next, type, member)
#define list_last_entry(ptr, type, member)   list_entry((ptr)->prev, type, member)
#define list_first_entry_or_null(ptr, type, member) ((type *)__lockcheck_list_first_or_null(ptr))
#define list_last_entry_or_null(ptr, type, member)  ((type *)__lockcheck_list_first_or_null(ptr))
#define list_next_entry(pos, member)         list_entry((pos)->member.next, __typeof__(*(pos)), member)
#define list_prev_entry(pos, member)         list_entry((pos)->member.prev, __typeof__(*(pos)), member)
#define list_entry_is_head(pos, head, member) (&(pos)->member == (head))
#define list_for_each(pos, head)             for (pos = (head)->next; pos != (head); pos = pos->next)
#define list_for_each_safe(pos, n, head)     for (pos = (head)->next, n = pos->next; pos != (head); pos = n, n = pos->next)
#define list_for_each_prev(pos, head)        for (pos = (head)->prev; pos != (head); pos = pos->prev)
#define list_for_each_entry(pos, head, member) \
	for (pos = list_first_entry(head, __typeof__(*pos), member); !list_entry_is_head(pos, head, member); \
	     pos = list_next_entry(pos, member))
#define list_for_each_entry_reverse(pos, head, member) \
	for (pos = list_last_entry(head, __typeof__(*pos), member); !list_entry_is_head(pos, head, member); \
	     pos = list_prev_entry(pos, member))
#define list_for_each_entry_continue(pos, head, member) \
	for (pos = list_next_entry(pos, member); !list_entry_is_head(pos, head, member); pos = list_next_entry(pos, member))
#define list_for_each_entry_from(pos, head, member) \
	for (; !list_entry_is_head(pos, head, member); pos = list_next_entry(pos, member))
#define list_for_each_entry_safe(pos, n, head, member) \
	for (pos = list_first_entry(head, __typeof__(*pos), member), n = list_next_entry(pos, member); \
	     !list_entry_is_head(pos, head, member); pos = n, n = list_next_entry(n, member))
#define list_for_each_entry_safe_reverse(pos, n, head, member) \
	for (pos = list_last_entry(head, __typeof__(*pos), member), n = list_prev_entry(pos, member); \
	     !list_entry_is_head(pos, head, member); pos = n, n = list_prev_entry(n, member))
#define list_for_each_entry_rcu(pos, head, member, ...) list_for_each_entry(pos, head, member)
#define hlist_entry(ptr, type, member)       container_of(ptr, type, member)
#define hlist_for_each_entry(pos, head, member) \
	for (pos = (__typeof__(pos))__lockcheck_hlist_first(head); pos; pos = (__typeof__(pos))__lockcheck_hlist_next(&(pos)->member))
#define hlist_for_each_entry_safe(pos, n, head, member) \
	for (pos = (__typeof__(pos))__lockcheck_hlist_first(head); pos && ((n = (__typeof__(pos))__lockcheck_hlist_next(&(pos)->member)), 1); pos = n)
#define hlist_for_each_entry_rcu(pos, head, member, ...) hlist_for_each_entry(pos, head, member)
#define LIST_HEAD(name)          struct list_head name = { &(name), &(name) }

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
#define DEFINE_RES_MEM(s, z)     { 0 }
#define DEFINE_PROP_END_OF_LIST() { 0 }
#define ATTRIBUTE_GROUPS(n)
#define DEVICE_ATTR_RO(n)
#define DEVICE_ATTR_RW(n)
#define DEVICE_ATTR_WO(n)
#define DEVICE_ATTR(n, m, s, t)
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
