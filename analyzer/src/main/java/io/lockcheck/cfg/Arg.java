package io.lockcheck.cfg;

import io.lockcheck.lock.LockPath;

/**
 * A call argument as far as lock identity cares: its canonical path (null when it is not a
 * path, e.g. a constant or a call) and whether it was an address ({@code &x->lock}).
 */
public record Arg(LockPath path, boolean address, String text) {
    public Arg {
        text = Texts.shared(text);
    }
}
