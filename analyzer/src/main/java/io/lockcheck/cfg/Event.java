package io.lockcheck.cfg;

import io.lockcheck.lock.LockPath;

import java.util.List;

/**
 * One step of a function as lockcheck sees it. The front end lowers each C function to a
 * CFG whose nodes hold these events, so the AST can be dropped right after lowering.
 */
public sealed interface Event {
    Span span();

    /** The lock {@code e} takes, tries or asserts held; null for any other event. */
    static LockPath namedLock(Event e) {
        if (e instanceof Acquire a) return a.lock();
        if (e instanceof TryAcquire t) return t.lock();
        if (e instanceof AssertHeld h) return h.lock();
        return null;
    }

    /**
     * Takes {@code lock}; {@code text} is the lock expression as written (for messages);
     * {@code ctx}: taken with a ww acquire context, which owns it from then on.
     */
    record Acquire(LockPath lock, String text, boolean shared, String api, boolean ctx, Span span) implements Event {
        public Acquire {
            text = Texts.shared(text);
            api = Texts.shared(api);
        }
    }

    record Release(LockPath lock, String text, boolean shared, String api, Span span) implements Event {
        public Release {
            text = Texts.shared(text);
            api = Texts.shared(api);
        }
    }

    /**
     * A lock attempt whose result lands in {@code resultVar} (a local, or a synthetic
     * {@code $N} for a call used directly as a condition; null when the result is ignored).
     */
    record TryAcquire(LockPath lock, String text, boolean shared, String api, String resultVar, boolean successIsZero,
                      boolean ctx, Span span) implements Event {
        public TryAcquire {
            text = Texts.shared(text);
            api = Texts.shared(api);
            resultVar = Texts.shared(resultVar);
        }
    }

    /** lockdep_assert_held() and WARN_ON(!mutex_is_locked()): the caller must hold {@code lock}. */
    record AssertHeld(LockPath lock, String text, boolean shared, String api, Span span) implements Event {
        public AssertHeld {
            text = Texts.shared(text);
            api = Texts.shared(api);
        }
    }

    /** A call of a function that is not a lock primitive; {@code callee} null for indirect calls. */
    record Call(String callee, List<Arg> args, String resultVar, Span span) implements Event {
        public Call {
            callee = Texts.shared(callee);
            resultVar = Texts.shared(resultVar);
            args = List.copyOf(args);
        }
    }

    /**
     * A load or store of memory at {@code path}. {@code marked} for READ_ONCE/WRITE_ONCE,
     * data_race(), atomics and RCU accessors; {@code text} is the expression as written.
     */
    record Access(LockPath path, String text, AccessKind kind, boolean marked, Span span, Store store) implements Event {
        public Access {
            text = Texts.shared(text);
        }
    }

    /** A plain {@code lhs = value} store: the whole assignment's span and the value's text (for fixes). */
    record Store(Span span, String value) {
        public Store {
            value = Texts.shared(value);
        }
    }

    /**
     * A local variable gets a new value; {@code source} is the path it was loaded from, if
     * any; {@code nonzero} is known for constants ({@code locked = true}), else null.
     */
    record Assign(String var, LockPath source, Boolean nonzero, Span span) implements Event {
        public Assign {
            var = Texts.shared(var);
        }
    }

    record Return(ReturnKind kind, String var, Span span) implements Event {
        public Return {
            var = Texts.shared(var);
        }
    }
}
