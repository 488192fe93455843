package io.lockcheck.guard;

import io.lockcheck.cfg.Event;
import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.cfg.Span;
import io.lockcheck.flow.Held;
import io.lockcheck.flow.LockFlow;
import io.lockcheck.lock.LockPath;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Locks taken through a pointer that the same lock guards ({@code obj->lru} is guarded by
 * {@code obj->lru->lock}), where the pointer was loaded without that lock and is not loaded
 * again once the lock is held: by then the object may sit on another LRU, or the LRU may be
 * gone. The re-validation idiom (load, lock, re-load and compare, retry) is recognised by the
 * re-load under the lock.
 */
public final class UnstableLocks {
    /** One unstable acquire: {@code lock} taken at {@code at} through {@code pointer} loaded at {@code load}. */
    public record Unstable(LockPath lock, String lockText, Span at, LockPath pointer, String pointerText, Span load,
                           String fieldKey) {
    }

    private record Load(LockPath path, String text, Span span, boolean held) {
    }

    private UnstableLocks() {
    }

    public static List<Unstable> of(FunctionUnit fn, LockFlow.Result flow, GuardQuery q, Set<LockPath> entry) {
        List<Load> loads = new ArrayList<>();
        List<Object[]> acquires = new ArrayList<>(); // {lock, text, span}
        flow.replay((node, e, st) -> {
            if (e instanceof Event.Access a && a.kind() == io.lockcheck.cfg.AccessKind.READ) {
                boolean held = false;
                for (Requirement r : q.requirements(fn, a.path())) {
                    if (r.lock() != null && st.held(r.lock()) == Held.YES) held = true;
                }
                loads.add(new Load(a.path(), a.text(), a.span(), held));
            } else if (e instanceof Event.Acquire a) {
                acquires.add(new Object[] {a.lock(), a.text(), a.span()});
            } else if (e instanceof Event.TryAcquire t) {
                acquires.add(new Object[] {t.lock(), t.text(), t.span()});
            }
        });
        List<Unstable> out = new ArrayList<>();
        for (Object[] acq : acquires) {
            LockPath lock = (LockPath) acq[0];
            Span at = (Span) acq[2];
            for (int cut = lock.segments().size() - 1; cut >= 1; cut--) {
                LockPath pointer = new LockPath(lock.root(), lock.segments().subList(0, cut));
                if (!selfGuarding(fn, q, pointer, lock)) continue;
                Load before = loads.stream().filter(l -> l.path().equals(pointer) && before(l.span(), at))
                        .max(Comparator.comparing((Load l) -> l.span().line()).thenComparing(l -> l.span().column()))
                        .orElse(null);
                if (before == null || before.held()) continue;
                boolean rechecked = loads.stream().anyMatch(l -> l.path().equals(pointer) && l.held() && before(at, l.span()));
                if (rechecked) continue;
                out.add(new Unstable(lock, (String) acq[1], at, pointer, before.text(), before.span(),
                        FunctionFacts.key(fn, pointer, q.types())));
            }
        }
        return out;
    }

    /** The pointer is guarded by the lock reached through it (by instance or by kind). */
    private static boolean selfGuarding(FunctionUnit fn, GuardQuery q, LockPath pointer, LockPath lock) {
        for (Requirement r : q.requirements(fn, pointer)) {
            if (r.lock() != null && r.lock().equals(lock)) return true;
            String k = q.kindOf(fn, lock);
            if (r.lock() != null && r.lock().startsWith(pointer) && k != null && k.equals(r.typed())) return true;
        }
        return false;
    }

    private static boolean before(Span a, Span b) {
        return a.line() < b.line() || a.line() == b.line() && a.column() < b.column();
    }
}
