package io.lockcheck.flow;

import io.lockcheck.cfg.FunctionUnit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strongly connected components of the call graph, iteratively (a call chain thousands deep
 * must not overflow the stack). SCCs come out callees first.
 */
final class Tarjan {
    private final List<FunctionUnit> nodes;
    private final Map<FunctionUnit, List<FunctionUnit>> edges;
    private final Map<FunctionUnit, Integer> index = new IdentityHashMap<>();
    private final Map<FunctionUnit, Integer> low = new IdentityHashMap<>();
    private final Deque<FunctionUnit> stack = new ArrayDeque<>();
    private final Set<FunctionUnit> onStack = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<List<FunctionUnit>> out = new ArrayList<>();
    private int counter;

    Tarjan(List<FunctionUnit> nodes, Map<FunctionUnit, List<FunctionUnit>> edges) {
        this.nodes = nodes;
        this.edges = edges;
    }

    List<List<FunctionUnit>> sccs() {
        for (FunctionUnit f : nodes) if (!index.containsKey(f)) visit(f);
        return out;
    }

    private void visit(FunctionUnit root) {
        Deque<Object[]> work = new ArrayDeque<>(); // {node, next edge index}
        enter(root);
        work.push(new Object[] {root, 0});
        while (!work.isEmpty()) {
            Object[] top = work.peek();
            FunctionUnit v = (FunctionUnit) top[0];
            List<FunctionUnit> succ = edges.getOrDefault(v, List.of());
            int i = (Integer) top[1];
            if (i < succ.size()) {
                top[1] = i + 1;
                FunctionUnit w = succ.get(i);
                if (!index.containsKey(w)) {
                    enter(w);
                    work.push(new Object[] {w, 0});
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            } else {
                work.pop();
                if (!work.isEmpty()) {
                    FunctionUnit parent = (FunctionUnit) work.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    List<FunctionUnit> scc = new ArrayList<>();
                    FunctionUnit w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        scc.add(w);
                    } while (w != v);
                    out.add(List.copyOf(scc)); // kept through the pass: most are one function
                }
            }
        }
    }

    private void enter(FunctionUnit f) {
        index.put(f, counter);
        low.put(f, counter++);
        stack.push(f);
        onStack.add(f);
    }
}
