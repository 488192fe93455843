package io.lockcheck.guard;

import io.lockcheck.lock.LockPath;

/**
 * An access needs a lock: {@code field} (as written, e.g. {@code obj->lru}) is guarded by
 * {@code guard}; {@code lock} is the instance it needs here (null when only a kind is known)
 * and {@code typed} the kind ({@code drm_gem_lru.lock}).
 */
public record Requirement(Guard guard, LockPath field, LockPath lock, String typed) {
    public String lockText() {
        return lock != null ? lock.toString() : typed;
    }
}
