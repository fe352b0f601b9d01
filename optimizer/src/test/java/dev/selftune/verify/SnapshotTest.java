package dev.selftune.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SnapshotTest {
    @Test
    void row_sameArrayTwice_secondIsAliasNamingTheFirst() {
        int[] a = {1, 2};
        Object[] s = Snapshot.row(new Object[] {a, a}, new Snapshot.Walker(Snapshot.MAX_COPIED_ELEMENTS), Snapshot.names(2, true));
        assertEquals(new Snapshot.Alias("argument 1"), s[1]);
        assertEquals("the same object as argument 1", s[1].toString());
    }

    @Test
    void row_aliasedVersusEqualCopies_differ() {
        int[] a = {1, 2};
        Object[] aliased = Snapshot.row(new Object[] {a, a}, new Snapshot.Walker(Snapshot.MAX_COPIED_ELEMENTS), Snapshot.names(2, true));
        Object[] copies = Snapshot.row(new Object[] {a, a.clone()}, new Snapshot.Walker(Snapshot.MAX_COPIED_ELEMENTS), Snapshot.names(2, true));
        Differ exact = new Differ(null, 0);
        assertNotEquals(null, exact.diff(Baseline.asSeq(aliased), Baseline.asSeq(copies), "row"));
        assertNull(exact.diff(Baseline.asSeq(copies), Baseline.asSeq(copies), "row"));
    }

    @Test
    void walker_nodeLimit_cutsOffTheSameWayEachTime() {
        int[][] m = {{1}, {2}, {3}, {4}};
        Snapshot.Walker w = new Snapshot.Walker(Snapshot.MAX_COPIED_ELEMENTS);
        w.nodeLimit(3);
        Snapshot.Seq s = assertInstanceOf(Snapshot.Seq.class, w.of(m, "static"));
        assertInstanceOf(int[].class, s.items().get(1));
        assertInstanceOf(Snapshot.Opaque.class, s.items().get(2));
        assertInstanceOf(Snapshot.Opaque.class, s.items().get(3));
    }
}
