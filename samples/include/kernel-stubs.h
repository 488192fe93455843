/* SPDX-License-Identifier: MIT */
/*
 * kernel-stubs.h - just enough of the kernel's locking and DRM API for the
 * lockcheck samples to be real C.
 *
 * Every sample is checked with
 *
 *   gcc -std=gnu11 -fsyntax-only -Wall -Werror -I samples/include FILE.c
 *
 * so a sample that does not compile is a broken sample.  Names and signatures
 * follow Linux (6.12); the bodies do not: functions are prototypes, a few
 * macros and static inlines exist only so that the kernel's spellings
 * (guard(mutex)(&l), list_for_each_entry(), spin_lock_irqsave(l, flags), ...)
 * are accepted.  Nothing here is ever linked or run.
 *
 * lockcheck itself never reads this file: in its default fast mode it skips
 * #include and uses its own built-in prelude.  Samples must therefore use
 * only the ordinary kernel spellings of these APIs, not anything private to
 * this header (names starting with __stub_).
 */
#ifndef LOCKCHECK_SAMPLES_KERNEL_STUBS_H
#define LOCKCHECK_SAMPLES_KERNEL_STUBS_H

/* ------------------------------------------------------------------ */
/* Basic types and constants                                           */
/* ------------------------------------------------------------------ */

typedef _Bool bool;
enum { false = 0, true = 1 };

#define NULL ((void *)0)

typedef __SIZE_TYPE__ size_t;
typedef __PTRDIFF_TYPE__ ssize_t;
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;
typedef long long loff_t;
typedef unsigned int gfp_t;

typedef struct { int counter; } atomic_t;
typedef struct { atomic_t refs; } refcount_t;
struct kref { refcount_t refcount; };

#define GFP_KERNEL	((gfp_t)0xcc0u)
#define GFP_NOWAIT	((gfp_t)0x800u)

#define EPERM		1
#define ENOENT		2
#define EINTR		4
#define EIO		5
#define EAGAIN		11
#define ENOMEM		12
#define EFAULT		14
#define EBUSY		16
#define ENODEV		19
#define EINVAL		22
#define ENOSPC		28
#define EDEADLK		35
#define ETIMEDOUT	110
#define EALREADY	114

#define MAX_ERRNO	4095

/* ------------------------------------------------------------------ */
/* Compiler attributes and annotations                                 */
/* ------------------------------------------------------------------ */

#define __must_check		__attribute__((__warn_unused_result__))
#define __always_inline		inline __attribute__((__always_inline__))
#define __maybe_unused		__attribute__((__unused__))
#define __init			__attribute__((__cold__))
#define __exit			__attribute__((__cold__))
#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)

/*
 * Lock context annotations (sparse and Linux 7.0 context analysis).  They
 * are empty for gcc, exactly as in a kernel build without a checker.
 */
#define __acquires(x)
#define __releases(x)
#define __must_hold(x)
#define __cond_acquires(x)
#define __acquire(x)		((void)0)
#define __release(x)		((void)0)
#define __guarded_by(x)
#define __pt_guarded_by(x)
#define __data_racy

#define offsetof(type, member)	__builtin_offsetof(type, member)

#define container_of(ptr, type, member) ({				\
	char *__stub_mptr = (char *)(ptr);				\
	((type *)(__stub_mptr - offsetof(type, member))); })

/* Marked accesses: volatile loads and stores, as in the kernel. */
#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)						\
	do { *(volatile __typeof__(x) *)&(x) = (val); } while (0)
#define data_race(expr)		(expr)

/* ------------------------------------------------------------------ */
/* Warnings, errors, allocation                                        */
/* ------------------------------------------------------------------ */

void __stub_warn(const char *file, int line);

#define WARN_ON(condition) ({						\
	int __stub_warn_on = !!(condition);				\
	if (__stub_warn_on)						\
		__stub_warn(__FILE__, __LINE__);			\
	__builtin_expect(__stub_warn_on, 0); })
#define WARN_ON_ONCE(condition)	WARN_ON(condition)
#define BUG_ON(condition)	((void)WARN_ON(condition))

static inline void *ERR_PTR(long error) { return (void *)error; }
static inline long PTR_ERR(const void *ptr) { return (long)ptr; }
static inline bool IS_ERR(const void *ptr)
{
	return (unsigned long)ptr >= (unsigned long)-MAX_ERRNO;
}
static inline bool IS_ERR_OR_NULL(const void *ptr)
{
	return !ptr || IS_ERR(ptr);
}

void *kmalloc(size_t size, gfp_t flags);
void *kzalloc(size_t size, gfp_t flags);
void *kcalloc(size_t n, size_t size, gfp_t flags);
void kfree(const void *ptr);

void might_sleep(void);
int cond_resched(void);
void msleep(unsigned int msecs);
int signal_pending_current(void);

void kref_init(struct kref *kref);
void kref_get(struct kref *kref);
int kref_put(struct kref *kref, void (*release)(struct kref *kref));
int __must_check kref_get_unless_zero(struct kref *kref);

/* ------------------------------------------------------------------ */
/* Lists                                                               */
/* ------------------------------------------------------------------ */

struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name)	{ &(name), &(name) }
#define LIST_HEAD(name)		struct list_head name = LIST_HEAD_INIT(name)

static inline void INIT_LIST_HEAD(struct list_head *list)
{
	list->next = list;
	list->prev = list;
}

void list_add(struct list_head *new, struct list_head *head);
void list_add_tail(struct list_head *new, struct list_head *head);
void list_del(struct list_head *entry);
void list_del_init(struct list_head *entry);
void list_move(struct list_head *list, struct list_head *head);
void list_move_tail(struct list_head *list, struct list_head *head);
void list_splice_tail_init(struct list_head *list, struct list_head *head);
int list_empty(const struct list_head *head);

#define list_entry(ptr, type, member)	container_of(ptr, type, member)
#define list_first_entry(ptr, type, member)				\
	list_entry((ptr)->next, type, member)
#define list_first_entry_or_null(ptr, type, member) ({			\
	struct list_head *__stub_head = (ptr);				\
	struct list_head *__stub_pos = READ_ONCE(__stub_head->next);	\
	__stub_pos != __stub_head ?					\
		list_entry(__stub_pos, type, member) : NULL; })
#define list_next_entry(pos, member)					\
	list_entry((pos)->member.next, __typeof__(*(pos)), member)
#define list_entry_is_head(pos, head, member)				\
	(&(pos)->member == (head))

#define list_for_each_entry(pos, head, member)				\
	for (pos = list_first_entry(head, __typeof__(*pos), member);	\
	     !list_entry_is_head(pos, head, member);			\
	     pos = list_next_entry(pos, member))

#define list_for_each_entry_safe(pos, n, head, member)			\
	for (pos = list_first_entry(head, __typeof__(*pos), member),	\
	     n = list_next_entry(pos, member);				\
	     !list_entry_is_head(pos, head, member);			\
	     pos = n, n = list_next_entry(n, member))

/* ------------------------------------------------------------------ */
/* Lock types                                                          */
/* ------------------------------------------------------------------ */

struct lock_class_key { int unused; };

struct mutex {
	long owner;
	struct list_head wait_list;
};

typedef struct raw_spinlock {
	unsigned int raw_lock;
} raw_spinlock_t;

typedef struct spinlock {
	struct raw_spinlock rlock;
} spinlock_t;

typedef struct {
	unsigned int raw_lock;
} rwlock_t;

struct rw_semaphore {
	long count;
	struct list_head wait_list;
};

struct ww_class {
	long stamp;
	struct lock_class_key acquire_key;
	struct lock_class_key mutex_key;
};

struct ww_acquire_ctx {
	void *task;
	unsigned long stamp;
	unsigned int acquired;
};

struct ww_mutex {
	struct mutex base;
	struct ww_acquire_ctx *ctx;
};

#define SINGLE_DEPTH_NESTING	1

#define DEFINE_MUTEX(name)	struct mutex name = { 0, LIST_HEAD_INIT(name.wait_list) }
#define DEFINE_SPINLOCK(name)	spinlock_t name = { { 0 } }
#define DEFINE_RWLOCK(name)	rwlock_t name = { 0 }
#define DECLARE_RWSEM(name)	struct rw_semaphore name = { 0, LIST_HEAD_INIT(name.wait_list) }
#define DEFINE_WW_CLASS(name)	struct ww_class name = { 0, { 0 }, { 0 } }

/* ------------------------------------------------------------------ */
/* Mutexes                                                             */
/* ------------------------------------------------------------------ */

void __stub_mutex_init(struct mutex *lock);
#define mutex_init(lock)	__stub_mutex_init(lock)
void mutex_destroy(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);

void mutex_lock(struct mutex *lock);
void mutex_lock_nested(struct mutex *lock, unsigned int subclass);
int __must_check mutex_lock_interruptible(struct mutex *lock);
int __must_check mutex_lock_killable(struct mutex *lock);
int __must_check mutex_lock_interruptible_nested(struct mutex *lock,
						 unsigned int subclass);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

/* ------------------------------------------------------------------ */
/* Spinlocks (raw and normal)                                          */
/* ------------------------------------------------------------------ */

void __stub_raw_spin_lock_init(raw_spinlock_t *lock);
#define raw_spin_lock_init(lock)	__stub_raw_spin_lock_init(lock)
void raw_spin_lock(raw_spinlock_t *lock);
void raw_spin_unlock(raw_spinlock_t *lock);
void raw_spin_lock_irq(raw_spinlock_t *lock);
void raw_spin_unlock_irq(raw_spinlock_t *lock);
unsigned long __stub_raw_spin_lock_irqsave(raw_spinlock_t *lock);
#define raw_spin_lock_irqsave(lock, flags)				\
	do { (flags) = __stub_raw_spin_lock_irqsave(lock); } while (0)
void raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags);
int raw_spin_trylock(raw_spinlock_t *lock);

void __stub_spin_lock_init(spinlock_t *lock);
#define spin_lock_init(lock)	__stub_spin_lock_init(lock)
void spin_lock(spinlock_t *lock);
void spin_lock_nested(spinlock_t *lock, int subclass);
void spin_unlock(spinlock_t *lock);
void spin_lock_bh(spinlock_t *lock);
void spin_unlock_bh(spinlock_t *lock);
void spin_lock_irq(spinlock_t *lock);
void spin_unlock_irq(spinlock_t *lock);
unsigned long __stub_spin_lock_irqsave(spinlock_t *lock);
#define spin_lock_irqsave(lock, flags)					\
	do { (flags) = __stub_spin_lock_irqsave(lock); } while (0)
void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);
int spin_trylock(spinlock_t *lock);
int spin_trylock_bh(spinlock_t *lock);
int spin_trylock_irq(spinlock_t *lock);
int __stub_spin_trylock_irqsave(spinlock_t *lock, unsigned long *flags);
#define spin_trylock_irqsave(lock, flags)				\
	__stub_spin_trylock_irqsave(lock, &(flags))
int spin_is_locked(spinlock_t *lock);
void assert_spin_locked(spinlock_t *lock);

/* ------------------------------------------------------------------ */
/* Reader-writer spinlocks                                             */
/* ------------------------------------------------------------------ */

void __stub_rwlock_init(rwlock_t *lock);
#define rwlock_init(lock)	__stub_rwlock_init(lock)
void read_lock(rwlock_t *lock);
void read_unlock(rwlock_t *lock);
void write_lock(rwlock_t *lock);
void write_unlock(rwlock_t *lock);
void read_lock_irq(rwlock_t *lock);
void read_unlock_irq(rwlock_t *lock);
void write_lock_irq(rwlock_t *lock);
void write_unlock_irq(rwlock_t *lock);
void read_lock_bh(rwlock_t *lock);
void read_unlock_bh(rwlock_t *lock);
void write_lock_bh(rwlock_t *lock);
void write_unlock_bh(rwlock_t *lock);
unsigned long __stub_read_lock_irqsave(rwlock_t *lock);
unsigned long __stub_write_lock_irqsave(rwlock_t *lock);
#define read_lock_irqsave(lock, flags)					\
	do { (flags) = __stub_read_lock_irqsave(lock); } while (0)
#define write_lock_irqsave(lock, flags)					\
	do { (flags) = __stub_write_lock_irqsave(lock); } while (0)
void read_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
void write_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
int read_trylock(rwlock_t *lock);
int write_trylock(rwlock_t *lock);

/* ------------------------------------------------------------------ */
/* Reader-writer semaphores                                            */
/* ------------------------------------------------------------------ */

void __stub_init_rwsem(struct rw_semaphore *sem);
#define init_rwsem(sem)		__stub_init_rwsem(sem)
void down_read(struct rw_semaphore *sem);
int __must_check down_read_interruptible(struct rw_semaphore *sem);
int __must_check down_read_killable(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
int __must_check down_write_killable(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
void downgrade_write(struct rw_semaphore *sem);
int rwsem_is_locked(struct rw_semaphore *sem);

/* ------------------------------------------------------------------ */
/* Wound/wait mutexes                                                  */
/* ------------------------------------------------------------------ */

void ww_mutex_init(struct ww_mutex *lock, struct ww_class *ww_class);
void ww_acquire_init(struct ww_acquire_ctx *ctx, struct ww_class *ww_class);
void ww_acquire_done(struct ww_acquire_ctx *ctx);
void ww_acquire_fini(struct ww_acquire_ctx *ctx);
int ww_mutex_lock(struct ww_mutex *lock, struct ww_acquire_ctx *ctx);
int __must_check ww_mutex_lock_interruptible(struct ww_mutex *lock,
					     struct ww_acquire_ctx *ctx);
void ww_mutex_lock_slow(struct ww_mutex *lock, struct ww_acquire_ctx *ctx);
int __must_check ww_mutex_trylock(struct ww_mutex *lock,
				  struct ww_acquire_ctx *ctx);
void ww_mutex_unlock(struct ww_mutex *lock);
bool ww_mutex_is_locked(struct ww_mutex *lock);

/* ------------------------------------------------------------------ */
/* Lockdep                                                             */
/* ------------------------------------------------------------------ */

int lockdep_is_held(const void *lock);

#define lockdep_assert_held(l)						\
	do { WARN_ON(!lockdep_is_held(l)); } while (0)
#define lockdep_assert_held_once(l)					\
	do { WARN_ON_ONCE(!lockdep_is_held(l)); } while (0)
#define lockdep_assert_held_write(l)					\
	do { WARN_ON(!lockdep_is_held(l)); } while (0)
#define lockdep_assert_held_read(l)					\
	do { WARN_ON(!lockdep_is_held(l)); } while (0)
#define lockdep_assert_not_held(l)					\
	do { WARN_ON(lockdep_is_held(l)); } while (0)

/* ------------------------------------------------------------------ */
/* RCU                                                                 */
/* ------------------------------------------------------------------ */

void rcu_read_lock(void);
void rcu_read_unlock(void);
void synchronize_rcu(void);
#define rcu_dereference(p)	READ_ONCE(p)
#define rcu_assign_pointer(p, v) WRITE_ONCE(p, v)

/* ------------------------------------------------------------------ */
/* Scope-based guards (linux/cleanup.h shapes, simplified)             */
/* ------------------------------------------------------------------ */
/*
 * guard(T)(args) declares a variable of type class_T_t initialised by
 * class_T_constructor(args) and destroyed by class_T_destructor() when it
 * goes out of scope.  scoped_guard() and scoped_cond_guard() run their
 * body once inside a for statement that owns such a variable, so `break`
 * leaves the body and `return` releases the lock on the way out.
 */

#define __STUB_PASTE_(a, b)	a##b
#define __STUB_PASTE(a, b)	__STUB_PASTE_(a, b)
#define __STUB_UNIQUE_ID(prefix) __STUB_PASTE(__stub_##prefix##_, __COUNTER__)

#define CLASS(name, var)						\
	class_##name##_t var						\
	__attribute__((__cleanup__(class_##name##_destructor))) =	\
	class_##name##_constructor

#define guard(name)	CLASS(name, __STUB_UNIQUE_ID(guard))

#define scoped_guard(name, args...)					\
	for (CLASS(name, __stub_scope)(args), *__stub_done = NULL;	\
	     class_##name##_lock_ptr(&__stub_scope) && !__stub_done;	\
	     __stub_done = (void *)1)

#define scoped_cond_guard(name, fail, args...)				\
	for (CLASS(name, __stub_scope)(args), *__stub_done = NULL;	\
	     !__stub_done; __stub_done = (void *)1)			\
		if (!class_##name##_lock_ptr(&__stub_scope)) {		\
			fail;						\
		} else

/* A guard whose state is just the lock pointer (NULL: not acquired). */
#define __STUB_PTR_GUARD(name, type, ctor_body, unlock)			\
	typedef type *class_##name##_t;					\
	static inline class_##name##_t					\
	class_##name##_constructor(type *_T)				\
	{ ctor_body }							\
	static inline void class_##name##_destructor(class_##name##_t *p) \
	{ if (*p) unlock(*p); }						\
	static inline void *class_##name##_lock_ptr(class_##name##_t *p) \
	{ return *p; }

__STUB_PTR_GUARD(mutex, struct mutex,
		 mutex_lock(_T); return _T;, mutex_unlock)
__STUB_PTR_GUARD(mutex_try, struct mutex,
		 return mutex_trylock(_T) ? _T : NULL;, mutex_unlock)
__STUB_PTR_GUARD(mutex_intr, struct mutex,
		 return mutex_lock_interruptible(_T) == 0 ? _T : NULL;,
		 mutex_unlock)
__STUB_PTR_GUARD(spinlock, spinlock_t,
		 spin_lock(_T); return _T;, spin_unlock)
__STUB_PTR_GUARD(spinlock_irq, spinlock_t,
		 spin_lock_irq(_T); return _T;, spin_unlock_irq)
__STUB_PTR_GUARD(spinlock_bh, spinlock_t,
		 spin_lock_bh(_T); return _T;, spin_unlock_bh)
__STUB_PTR_GUARD(spinlock_try, spinlock_t,
		 return spin_trylock(_T) ? _T : NULL;, spin_unlock)
__STUB_PTR_GUARD(raw_spinlock, raw_spinlock_t,
		 raw_spin_lock(_T); return _T;, raw_spin_unlock)
__STUB_PTR_GUARD(read_lock, rwlock_t,
		 read_lock(_T); return _T;, read_unlock)
__STUB_PTR_GUARD(write_lock, rwlock_t,
		 write_lock(_T); return _T;, write_unlock)
__STUB_PTR_GUARD(rwsem_read, struct rw_semaphore,
		 down_read(_T); return _T;, up_read)
__STUB_PTR_GUARD(rwsem_write, struct rw_semaphore,
		 down_write(_T); return _T;, up_write)

/* spinlock_irqsave needs a "fat" guard that also keeps the flags. */
typedef struct {
	spinlock_t *lock;
	unsigned long flags;
} class_spinlock_irqsave_t;

static inline class_spinlock_irqsave_t
class_spinlock_irqsave_constructor(spinlock_t *l)
{
	class_spinlock_irqsave_t t = { .lock = l };

	spin_lock_irqsave(l, t.flags);
	return t;
}

static inline void
class_spinlock_irqsave_destructor(class_spinlock_irqsave_t *t)
{
	if (t->lock)
		spin_unlock_irqrestore(t->lock, t->flags);
}

static inline void *
class_spinlock_irqsave_lock_ptr(class_spinlock_irqsave_t *t)
{
	return t->lock;
}

/* RCU read-side guard: guard(rcu)(); */
typedef struct { char unused; } class_rcu_t;
static inline class_rcu_t class_rcu_constructor(void)
{
	class_rcu_t t = { 0 };

	rcu_read_lock();
	return t;
}
static inline void class_rcu_destructor(class_rcu_t *t)
{
	(void)t;
	rcu_read_unlock();
}
static inline void *class_rcu_lock_ptr(class_rcu_t *t)
{
	(void)t;
	return (void *)1;
}

/* ------------------------------------------------------------------ */
/* dma-buf reservation objects                                         */
/* ------------------------------------------------------------------ */

struct dma_fence;

struct dma_resv {
	struct ww_mutex lock;
	void *fences;
};

void dma_resv_init(struct dma_resv *obj);
void dma_resv_fini(struct dma_resv *obj);
int dma_resv_lock(struct dma_resv *obj, struct ww_acquire_ctx *ctx);
int dma_resv_lock_interruptible(struct dma_resv *obj,
				struct ww_acquire_ctx *ctx);
void dma_resv_lock_slow(struct dma_resv *obj, struct ww_acquire_ctx *ctx);
bool __must_check dma_resv_trylock(struct dma_resv *obj);
void dma_resv_unlock(struct dma_resv *obj);
bool dma_resv_is_locked(struct dma_resv *obj);
#define dma_resv_assert_held(obj) lockdep_assert_held(&(obj)->lock.base)
int dma_resv_reserve_fences(struct dma_resv *obj, unsigned int num_fences);
void dma_resv_add_fence(struct dma_resv *obj, struct dma_fence *fence,
			int usage);

/* ------------------------------------------------------------------ */
/* Minimal DRM shapes                                                  */
/* ------------------------------------------------------------------ */

struct drm_device {
	struct mutex struct_mutex;
	struct mutex object_name_lock;
	struct mutex filelist_mutex;
	spinlock_t event_lock;
	void *dev_private;
};

struct drm_file {
	spinlock_t table_lock;
	struct list_head lhead;
	struct drm_device *minor_dev;
};

/*
 * A GEM LRU: a list of objects plus the mutex that protects moving objects
 * between LRUs.  Several LRUs usually share one lock, hence the pointer.
 */
struct drm_gem_lru {
	struct mutex *lock;
	long count;
	struct list_head list;
};

struct drm_gem_object {
	struct kref refcount;
	unsigned int handle_count;
	struct drm_device *dev;
	size_t size;
	int name;
	struct drm_gem_lru *lru;
	struct list_head lru_node;
	struct dma_resv *resv;
	struct dma_resv _resv;
};

void drm_gem_object_get(struct drm_gem_object *obj);
void drm_gem_object_put(struct drm_gem_object *obj);

void drm_gem_lru_init(struct drm_gem_lru *lru, struct mutex *lock);
void drm_gem_lru_remove(struct drm_gem_object *obj);
void drm_gem_lru_move_tail_locked(struct drm_gem_lru *lru,
				  struct drm_gem_object *obj);
void drm_gem_lru_move_tail(struct drm_gem_lru *lru,
			   struct drm_gem_object *obj);
unsigned long drm_gem_lru_scan(struct drm_gem_lru *lru,
			       unsigned int nr_to_scan,
			       unsigned long *remaining,
			       bool (*shrink)(struct drm_gem_object *obj));

/* ------------------------------------------------------------------ */
/* Busy-waiting, memory ordering, printk                               */
/* ------------------------------------------------------------------ */

void cpu_relax(void);

#define smp_load_acquire(p) ({						\
	__typeof__(*(p)) __stub_p1 = READ_ONCE(*(p));			\
	__stub_p1; })
#define smp_store_release(p, v)						\
	do { WRITE_ONCE(*(p), (v)); } while (0)
#define smp_rmb()	__asm__ __volatile__("" : : : "memory")
#define smp_wmb()	__asm__ __volatile__("" : : : "memory")

int _printk(const char *fmt, ...) __attribute__((__format__(__printf__, 1, 2)));
#define pr_debug(fmt, ...)	_printk(fmt, ##__VA_ARGS__)

/* ------------------------------------------------------------------ */
/* Pages and shrinkers                                                 */
/* ------------------------------------------------------------------ */

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)

struct shrink_control {
	gfp_t gfp_mask;
	int nid;
	unsigned long nr_to_scan;
	unsigned long nr_scanned;
};

#define SHRINK_STOP	(~0UL)
#define SHRINK_EMPTY	(~0UL - 1)

struct shrinker {
	unsigned long (*count_objects)(struct shrinker *shrinker,
				       struct shrink_control *sc);
	unsigned long (*scan_objects)(struct shrinker *shrinker,
				      struct shrink_control *sc);
	long batch;
	int seeks;
	unsigned int flags;
	void *private_data;
};

struct shrinker *shrinker_alloc(unsigned int flags, const char *fmt, ...);
void shrinker_register(struct shrinker *shrinker);
void shrinker_free(struct shrinker *shrinker);

/* ------------------------------------------------------------------ */
/* DRM after the GEM LRU locking fix (May 2026)                        */
/* ------------------------------------------------------------------ */
/*
 * The fix adds to struct drm_device one mutex that protects the LRU
 * membership (obj->lru, obj->lru_node) of all the device's GEM objects.
 * struct drm_device above stays the Linux 6.12 one; samples of the fixed
 * tree view a device through this struct, with the 6.12 members plus the
 * new one.  (lockcheck does not read this header: its built-in DRM pack
 * declares drm_device.gem_lru_mutex, and it sees through the cast.)
 */
struct drm_device_gem_lru_fix {
	struct mutex struct_mutex;
	struct mutex object_name_lock;
	struct mutex filelist_mutex;
	spinlock_t event_lock;
	void *dev_private;
	struct mutex gem_lru_mutex;
};

/* ---- KCSAN assertions (include/linux/kcsan-checks.h) ---- */
#define ASSERT_EXCLUSIVE_WRITER(var) ((void)sizeof(var))
#define ASSERT_EXCLUSIVE_ACCESS(var) ((void)sizeof(var))

#endif /* LOCKCHECK_SAMPLES_KERNEL_STUBS_H */
