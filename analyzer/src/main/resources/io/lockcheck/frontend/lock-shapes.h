/*
 * lockcheck lock shapes, served before each C file in both modes. They keep what matters for
 * locking visible to the lowering as __lockcheck_* marker calls (scope-based guards, marked
 * accesses, container_of) or as __attribute__((lockcheck_*)) annotations. Lock API calls
 * themselves (mutex_lock, spin_lock_irqsave, ...) stay ordinary calls. In precise mode the
 * real headers' definitions of these names are dropped, so these shapes win.
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
#define list_for_each_entry_continue_reverse(pos, head, member) \
	for (pos = list_prev_entry(pos, member); !list_entry_is_head(pos, head, member); pos = list_prev_entry(pos, member))
#define list_for_each_entry_from_reverse(pos, head, member) \
	for (; !list_entry_is_head(pos, head, member); pos = list_prev_entry(pos, member))
#define list_for_each_entry_safe_continue(pos, n, head, member) \
	for (pos = list_next_entry(pos, member), n = list_next_entry(pos, member); \
	     !list_entry_is_head(pos, head, member); pos = n, n = list_next_entry(n, member))
#define list_for_each_entry_safe_from(pos, n, head, member) \
	for (n = list_next_entry(pos, member); !list_entry_is_head(pos, head, member); pos = n, n = list_next_entry(n, member))
#define list_for_each_prev_safe(pos, n, head) \
	for (pos = (head)->prev, n = pos->prev; pos != (head); pos = n, n = pos->prev)
#define list_for_each_rcu(pos, head)         list_for_each(pos, head)
#define list_for_each_entry_continue_rcu(pos, head, member) list_for_each_entry_continue(pos, head, member)
#define list_for_each_entry_srcu(pos, head, member, ...) list_for_each_entry(pos, head, member)
#define list_for_each_entry_lockless(pos, head, member) list_for_each_entry(pos, head, member)
#define hlist_entry(ptr, type, member)       container_of(ptr, type, member)
#define hlist_for_each_entry(pos, head, member) \
	for (pos = (__typeof__(pos))__lockcheck_hlist_first(head); pos; pos = (__typeof__(pos))__lockcheck_hlist_next(&(pos)->member))
#define hlist_for_each_entry_safe(pos, n, head, member) \
	for (pos = (__typeof__(pos))__lockcheck_hlist_first(head); pos && ((n = (__typeof__(pos))__lockcheck_hlist_next(&(pos)->member)), 1); pos = n)
#define hlist_for_each_entry_rcu(pos, head, member, ...) hlist_for_each_entry(pos, head, member)
#define LIST_HEAD(name)          struct list_head name = { &(name), &(name) }
