package io.lockcheck.cfg;

import java.util.ArrayList;
import java.util.List;

/** Linear, iterative walks over a CFG's edge index (deep CFGs cannot overflow the stack). */
final class GraphWalks {
    private GraphWalks() {
    }

    record Components(int[] component, boolean[] cyclic) {
    }

    /** Strongly connected components, and the nodes on a cycle (Kosaraju, iterative, linear). */
    static Components components(EdgeIndex out, EdgeIndex in) {
        int n = out.nodes();
        int[] order = new int[n];
        int k = 0;
        boolean[] seen = new boolean[n];
        int[] next = new int[n];
        int[] stack = new int[n];
        for (int s0 = 0; s0 < n; s0++) {
            if (seen[s0]) continue;
            int sp = 0;
            stack[sp++] = s0;
            seen[s0] = true;
            while (sp > 0) {
                int v = stack[sp - 1];
                if (next[v] < out.size(v)) {
                    int w = out.get(v, next[v]++).to();
                    if (!seen[w]) {
                        seen[w] = true;
                        stack[sp++] = w;
                    }
                } else {
                    order[k++] = v;
                    sp--;
                }
            }
        }
        int[] comp = new int[n];
        java.util.Arrays.fill(comp, -1);
        int[] size = new int[n];
        int c = 0;
        for (int i = n - 1; i >= 0; i--) {
            int r = order[i];
            if (comp[r] >= 0) continue;
            int sp = 0;
            stack[sp++] = r;
            comp[r] = c;
            while (sp > 0) {
                int v = stack[--sp];
                size[c]++;
                for (int j = 0; j < in.size(v); j++) {
                    Edge e = in.get(v, j);
                    if (comp[e.from()] < 0) {
                        comp[e.from()] = c;
                        stack[sp++] = e.from();
                    }
                }
            }
            c++;
        }
        boolean[] result = new boolean[n];
        for (int v = 0; v < n; v++) {
            result[v] = size[comp[v]] > 1;
            for (int i = 0; i < out.size(v); i++) if (out.get(v, i).to() == v) result[v] = true;
        }
        return new Components(comp, result);
    }

    /** Node ids in reverse post-order from ENTRY (unreachable nodes last, by id). */
    static int[] reversePostOrder(EdgeIndex out) {
        int n = out.nodes();
        boolean[] seen = new boolean[n];
        List<Integer> post = new ArrayList<>();
        // iterative DFS so deep CFGs cannot overflow the stack
        int[] stack = new int[n + 1];
        int[] next = new int[n];
        int sp = 0;
        stack[sp++] = 0;
        seen[0] = true;
        while (sp > 0) {
            int v = stack[sp - 1];
            if (next[v] < out.size(v)) {
                int w = out.get(v, next[v]++).to();
                if (!seen[w]) {
                    seen[w] = true;
                    stack[sp++] = w;
                }
            } else {
                post.add(v);
                sp--;
            }
        }
        int[] order = new int[n];
        int k = 0;
        for (int i = post.size() - 1; i >= 0; i--) order[k++] = post.get(i);
        for (int i = 0; i < n; i++) if (!seen[i]) order[k++] = i;
        return order;
    }
}
