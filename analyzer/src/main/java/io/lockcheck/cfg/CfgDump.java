package io.lockcheck.cfg;

import java.util.stream.Collectors;

/** The stable text form of a CFG printed by {@code lockcheck dump-cfg} and used in golden tests. */
public final class CfgDump {
    private CfgDump() {
    }

    public static String render(FunctionUnit f) {
        StringBuilder b = new StringBuilder();
        b.append("function ").append(f.name()).append(" (line ").append(f.span().line()).append(")");
        if (f.hasProblems()) b.append(" [parse problems]");
        b.append('\n');
        for (FunctionUnit.Annotation a : f.annotations()) {
            b.append("  annotation ").append(a.kind()).append('(').append(a.text()).append(")\n");
        }
        Cfg cfg = f.cfg();
        for (Node n : cfg.nodes()) {
            b.append("  n").append(n.id()).append(' ').append(n.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (n.kind() == Node.Kind.STMT || n.kind() == Node.Kind.COND) {
                b.append(" L").append(n.line()).append(" '").append(n.label()).append('\'');
            }
            if (n.condVar() != null) b.append(" test ").append(n.condVar());
            b.append('\n');
            for (Event e : n.events()) b.append("      ").append(event(e)).append('\n');
            String succ = cfg.successors(n.id()).stream()
                    .map(e -> (e.kind() == Edge.Kind.NEXT ? "" : e.kind().name().toLowerCase(java.util.Locale.ROOT) + ":") + "n" + e.to())
                    .collect(Collectors.joining(" "));
            if (!succ.isEmpty()) b.append("      -> ").append(succ).append('\n');
        }
        return b.toString();
    }

    static String event(Event e) {
        if (e instanceof Event.Acquire a) return "acquire " + a.lock() + shared(a.shared()) + " via " + a.api();
        if (e instanceof Event.Release r) return "release " + r.lock() + shared(r.shared()) + " via " + r.api();
        if (e instanceof Event.TryAcquire t) {
            return "try " + t.lock() + shared(t.shared()) + " via " + t.api() + " -> " + t.resultVar()
                    + (t.successIsZero() ? " (held if 0)" : " (held if nonzero)");
        }
        if (e instanceof Event.AssertHeld a) return "assert-held " + a.lock() + " via " + a.api();
        if (e instanceof Event.Call c) {
            String args = c.args().stream().map(a -> a.path() == null ? "?" : (a.address() ? "&" : "") + a.path())
                    .collect(Collectors.joining(", "));
            return "call " + (c.callee() == null ? "<indirect>" : c.callee()) + "(" + args + ")"
                    + (c.resultVar() == null ? "" : " -> " + c.resultVar());
        }
        if (e instanceof Event.Access a) {
            return a.kind().name().toLowerCase(java.util.Locale.ROOT) + (a.marked() ? " marked " : " ") + a.path();
        }
        if (e instanceof Event.Assign a) return "assign " + a.var() + (a.source() == null ? "" : " = " + a.source());
        if (e instanceof Event.Return r) {
            return "return " + r.kind().name().toLowerCase(java.util.Locale.ROOT) + (r.var() == null ? "" : " " + r.var());
        }
        return e.toString();
    }

    private static String shared(boolean s) {
        return s ? " (shared)" : "";
    }
}
