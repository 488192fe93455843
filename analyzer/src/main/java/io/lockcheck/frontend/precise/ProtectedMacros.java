package io.lockcheck.frontend.precise;

import io.lockcheck.frontend.Prelude;
import io.lockcheck.lock.LockApi;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Macros whose kernel definitions would hide what the lowering must see. In a real header
 * {@code spin_lock_irqsave()} expands to {@code _raw_spin_lock_irqsave()}, {@code READ_ONCE()} to
 * a volatile load, {@code WARN_ON()} to a statement expression, {@code unlikely()} to
 * {@code __builtin_expect()}; precise mode drops those definitions from the headers it serves,
 * so the names stay calls (lock API, marking primitives, WARN tests) or keep the shape
 * lock-shapes.h gives them. Lock wrappers defined as macros are dropped too (see
 * {@link #takesLocks}).
 */
final class ProtectedMacros {
    /** Names the lowering recognises as calls besides the lock API table. */
    private static final Set<String> CALLS = Set.of(
            // cfg/MarkedAccess.java
            "rcu_dereference", "rcu_dereference_check", "rcu_dereference_protected", "rcu_dereference_raw",
            "rcu_dereference_bh", "rcu_dereference_sched", "srcu_dereference", "rcu_access_pointer",
            "rcu_assign_pointer", "RCU_INIT_POINTER", "rcu_replace_pointer", "smp_load_acquire", "smp_store_release",
            "smp_store_mb",
            // cfg/LockEvents.java WARN_MACROS and tests the lowering reads
            "WARN_ON", "WARN_ON_ONCE", "BUG_ON", "WARN", "WARN_ONCE", "lockdep_assert", "lockdep_assert_once",
            "GEM_BUG_ON", "GEM_WARN_ON", "XE_WARN_ON", "drm_WARN_ON", "drm_WARN_ON_ONCE", "drm_WARN", "drm_WARN_ONCE",
            "IS_ERR", "IS_ERR_OR_NULL", "ERR_PTR", "PTR_ERR");
    /** Kept as in the fast prelude: tests stay tests of the variable, not __builtin_expect calls. */
    private static final Set<String> SHAPES = Set.of("likely", "unlikely");

    private static final Pattern DEFINE = Pattern.compile("(?m)^\\s*#\\s*define\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Set<String> LOCK_SHAPES = names(new String(Prelude.lockShapes()));
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> GUARDS = Set.of("guard", "scoped_guard", "scoped_cond_guard");
    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*#\\s*(define|undef)\\s+([A-Za-z_][A-Za-z0-9_]*)");

    private ProtectedMacros() {
    }

    static boolean isProtected(String name) {
        return LOCK_SHAPES.contains(name) || CALLS.contains(name) || SHAPES.contains(name) || LockApi.lookup(name) != null;
    }

    /** The text of {@code shapes}: the likely/unlikely shapes precise mode keeps. */
    static String shapes() {
        return "#define likely(x) (x)\n#define unlikely(x) (x)\n";
    }

    /**
     * {@code header} without its #define and #undef of protected names (continuation lines
     * included), blanked so that line numbers stay.
     */
    static char[] strip(char[] header) {
        String text = new String(header);
        if (text.indexOf('#') < 0) return header;
        String[] lines = text.split("\n", -1);
        boolean changed = false;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = DIRECTIVE.matcher(lines[i]);
            if (!m.find()) continue;
            int last = i;
            while (last + 1 < lines.length && (lines[last].endsWith("\\") || lines[last].endsWith("\\\r"))) last++;
            if (!isProtected(m.group(2)) && !(m.group(1).equals("define") && takesLocks(lines, i, last))) continue;
            changed = true;
            for (int k = i; k <= last; k++) lines[k] = "";
            i = last;
        }
        return changed ? String.join("\n", lines).toCharArray() : header;
    }

    /**
     * Whether a definition spanning {@code lines[from..to]} calls the lock API or a scope guard
     * in its body (DRM_MODESET_LOCK_ALL_BEGIN(), i915_gem_object_lock()): a lock wrapper. Its
     * expansion would put the lock expression's text out of reach (every token of it reports
     * the invocation's text), so it stays an ordinary call, as in fast mode.
     */
    private static boolean takesLocks(String[] lines, int from, int to) {
        StringBuilder body = new StringBuilder();
        for (int k = from; k <= to; k++) body.append(lines[k]).append(' ');
        Matcher head = DIRECTIVE.matcher(body);
        if (!head.find()) return false;
        Matcher id = IDENT.matcher(body.substring(head.end()));
        while (id.find()) {
            String n = id.group();
            if (LockApi.lookup(n) != null || GUARDS.contains(n)) return true;
        }
        return false;
    }

    private static Set<String> names(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = DEFINE.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
