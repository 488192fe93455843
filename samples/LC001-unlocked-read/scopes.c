/*
 * LC001: reads and scope-based guards (linux/cleanup.h).
 *
 * guard(mutex)(&l) holds l from that line to the end of the enclosing
 * block, whichever way the block is left.  scoped_guard(T, &l) { ... }
 * holds it for the braces only.  A read placed after the scoped_guard
 * block, or after the closing brace of the block that declared the guard,
 * runs without the lock, even though it sits right next to locked code.
 * A guard on another lock of the same object does not cover the field
 * either.
 *
 * Not a bug: guard() at the top of a function covers every later line,
 * early returns included; a guard declared inside a branch covers the
 * reads in that branch; scoped_guard(spinlock_irqsave, ...) covers its
 * body like the explicit irqsave/irqrestore pair.
 */
#include "../include/kernel-stubs.h"

struct my_ctx_mgr {
	struct mutex lock;
	spinlock_t fence_lock;
	struct list_head contexts __guarded_by(&lock);
	u32 num_contexts __guarded_by(&lock);
	u32 next_id __guarded_by(&lock);
	bool closed __guarded_by(&lock);
	u64 last_fence __guarded_by(&fence_lock);
};

struct my_ctx {
	struct kref ref;
	struct list_head node;
	u32 id;
};

void my_mgr_idle(struct my_ctx_mgr *mgr);
void my_mgr_print_fence(struct my_ctx_mgr *mgr, u64 seqno);

/* guard() covers the list walk and every return. */
static struct my_ctx *good_guard_lookup(struct my_ctx_mgr *mgr, u32 id)
{
	struct my_ctx *ctx;

	guard(mutex)(&mgr->lock);
	if (mgr->closed)
		return NULL;
	list_for_each_entry(ctx, &mgr->contexts, node) {
		if (ctx->id == id) {
			kref_get(&ctx->ref);
			return ctx;
		}
	}
	return NULL;
}

/* A guard declared inside the branch covers the read in that branch. */
static void good_guard_in_branch(struct my_ctx_mgr *mgr, bool verbose)
{
	if (verbose) {
		guard(spinlock)(&mgr->fence_lock);
		my_mgr_print_fence(mgr, mgr->last_fence);
	}
}

/* The irqsave guard form: held for the body, restored at the brace. */
static u64 good_scoped_guard_irqsave(struct my_ctx_mgr *mgr)
{
	u64 seqno = 0;

	scoped_guard(spinlock_irqsave, &mgr->fence_lock) {
		seqno = mgr->last_fence;
	}
	return seqno;
}

/*
 * The idle check runs after the scoped_guard block has released the lock:
 * a context added in between is missed and the manager goes idle anyway.
 */
static void bad_read_after_scoped_guard(struct my_ctx_mgr *mgr,
					struct my_ctx *ctx)
{
	scoped_guard(mutex, &mgr->lock) {
		list_del_init(&ctx->node);
		mgr->num_contexts--;
	}
	if (!mgr->num_contexts) /* expect: LC001 */
		my_mgr_idle(mgr);
}

/*
 * The guard was moved into the branch that allocates an id, so it ends at
 * that branch's closing brace and the `closed` test runs unlocked.
 */
static int bad_guard_in_inner_block(struct my_ctx_mgr *mgr,
				    struct my_ctx *ctx)
{
	if (!ctx->id) {
		guard(mutex)(&mgr->lock);
		ctx->id = mgr->next_id++;
	}
	if (mgr->closed) /* expect: LC001 */
		return -ENODEV;
	return 0;
}

/*
 * A debugfs snapshot taken under the fence spinlock; the context count is
 * guarded by the mutex, which is not held.
 */
static u32 bad_scoped_guard_wrong_lock(struct my_ctx_mgr *mgr, u64 *seqno)
{
	u32 n = 0;

	scoped_guard(spinlock, &mgr->fence_lock) {
		*seqno = mgr->last_fence;
		n = mgr->num_contexts; /* expect: LC001 */
	}
	return n;
}
