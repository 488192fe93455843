package io.lockcheck.rules;

/**
 * A two-file driver for the changed-file tests: {@code ring_core.c} defines the ring, whose head
 * and tail are {@code __guarded_by} its mutex, and the lock wrappers; {@code ring_submit.c} uses
 * them. Checked alone, {@code ring_submit.c} knows neither the struct nor the wrappers: its own
 * mistakes show only with {@code ring_core.c} as context.
 */
final class RingDriver {
    static final String CORE_FILE = "ring_core.c";
    static final String SUBMIT_FILE = "ring_submit.c";

    /** Also has a finding of its own (line 30), which must never be reported for a change elsewhere. */
    static final String CORE = """
            // SPDX-License-Identifier: GPL-2.0
            /* A command ring: head and tail move under the ring's mutex. */
            #include <linux/mutex.h>

            struct my_ring {
            	struct mutex lock;
            	unsigned int head __guarded_by(&lock);
            	unsigned int tail __guarded_by(&lock);
            };

            void my_ring_lock(struct my_ring *ring)
            {
            	mutex_lock(&ring->lock);
            }

            void my_ring_unlock(struct my_ring *ring)
            {
            	mutex_unlock(&ring->lock);
            }

            unsigned int my_ring_space_locked(struct my_ring *ring)
            {
            	lockdep_assert_held(&ring->lock);
            	return ring->tail - ring->head;
            }

            /* debugfs: a racy snapshot */
            unsigned int my_ring_debug_head(struct my_ring *ring)
            {
            	return ring->head;
            }
            """;

    static final String SUBMIT = """
            // SPDX-License-Identifier: GPL-2.0
            /* Submission side of the command ring. */
            #include <linux/errno.h>

            int my_ring_submit(struct my_ring *ring, unsigned int n)
            {
            	int ret = 0;

            	my_ring_lock(ring);
            	if (my_ring_space_locked(ring) < n)
            		ret = -EBUSY;
            	else
            		ring->tail += n;
            	my_ring_unlock(ring);

            	return ret;
            }
            """;

    /** The mistake: "empty?" is decided before the lock is taken (line 9 reads tail and head). */
    static final String SUBMIT_BAD = SUBMIT.replace("\tmy_ring_lock(ring);\n",
            "\tif (ring->tail == ring->head)\n\t\treturn 0;\n\n\tmy_ring_lock(ring);\n");
    static final int BAD_LINE = 9;

    /** The same early return, decided under the lock. */
    static final String SUBMIT_FIXED = SUBMIT.replace("\tmy_ring_lock(ring);\n",
            "\tmy_ring_lock(ring);\n\tif (ring->tail == ring->head) {\n\t\tmy_ring_unlock(ring);\n\t\treturn 0;\n\t}\n");

    private RingDriver() {
    }
}
