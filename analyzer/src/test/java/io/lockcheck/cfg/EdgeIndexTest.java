package io.lockcheck.cfg;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each node's edges, by source and by target, in the order of the CFG's edge list; shared edge objects. */
class EdgeIndexTest {
    private static final Edge A = new Edge(0, 2, Edge.Kind.TRUE), B = new Edge(1, 2, Edge.Kind.NEXT),
            C = new Edge(0, 1, Edge.Kind.FALSE), D = new Edge(2, 2, Edge.Kind.NEXT);

    @Test
    void keepsTheEdgeListOrderPerNode() {
        List<Edge> all = List.of(A, B, C, D);
        EdgeIndex out = EdgeIndex.of(all, 4, true), in = EdgeIndex.of(all, 4, false);
        assertEquals(List.of(A, C), out.of(0));
        assertEquals(List.of(B), out.of(1));
        assertEquals(List.of(D), out.of(2));
        assertEquals(List.of(), out.of(3));
        assertEquals(List.of(A, B, D), in.of(2));
        assertEquals(List.of(C), in.of(1));
        assertEquals(4, out.nodes());
        assertEquals(2, out.size(0));
        assertEquals(C, out.get(0, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> out.of(0).get(2));
    }

    @Test
    void edgesBetweenSmallNodeNumbersAreOneObject() {
        assertSame(Edge.of(0, 1, Edge.Kind.NEXT), Edge.of(0, 1, Edge.Kind.NEXT));
        assertNotSame(Edge.of(0, 1, Edge.Kind.NEXT), Edge.of(0, 1, Edge.Kind.TRUE));
        assertSame(Edge.of(63, 5, Edge.Kind.FALSE), Edge.of(63, 5, Edge.Kind.FALSE));
        assertEquals(new Edge(63, 5, Edge.Kind.FALSE), Edge.of(63, 5, Edge.Kind.FALSE));
        assertNotSame(Edge.of(64, 1, Edge.Kind.NEXT), Edge.of(64, 1, Edge.Kind.NEXT)); // the table stays small
        assertEquals(Edge.of(1, 64, Edge.Kind.NEXT), Edge.of(1, 64, Edge.Kind.NEXT));
    }
}
