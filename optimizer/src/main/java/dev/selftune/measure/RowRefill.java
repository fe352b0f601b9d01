package dev.selftune.measure;

import dev.selftune.inputs.Inputs;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * One scratch copy of each measurement row, made once, whose arrays are refilled in place from the
 * pristine row before every call: a method that mutates its arguments always starts from the same
 * data, and a measured op allocates nothing.
 */
final class RowRefill {
    /*
     * Why not a fresh deep copy per call (what GenericBenchmark did until session 14): the copies are
     * garbage the moment the call returns, so a row set of 740 KB (ColumnStats.columnSums, a 256x256
     * matrix among six rows) allocated 7 GB/s. The op then timed the allocator more than the method:
     * eden filled every 67 ms, G1 grew the young generation mid-run (388 MB -> 776 MB) and the first
     * pass over the newly committed regions page-faulted, so warm-up iterations ran 3x slow and some
     * forks stayed 5-20x slow for a whole measurement (103-108 us/op in five forks, 532 in one:
     * docs/measuring-mutating-methods.md). A refill writes the same bytes into memory that is
     * already mapped and in cache: no allocation, no GC, nothing that depends on the heap's state.
     *
     * The scratch rows are made by Inputs.copyRow, so they have the row's alias structure (f(a, a)
     * stays one array passed twice; shared rows of a matrix stay shared). Every array reachable from
     * a row is refilled: a primitive array from the pristine row's array, a reference array from an
     * image of its scratch elements taken at construction, so a method that replaces m[i] (swaps two
     * rows of a double[][]) finds the original rows back, themselves refilled. Receivers, Strings and
     * boxes are shared, as they were with copies. System.arraycopy between arrays of one runtime
     * type is a plain memory copy (no per-element store check).
     */
    private final Object[][] scratch;
    private final int[] firstArray;
    private final Object[] sources;
    private final Object[] targets;
    private final int[] lengths;

    private RowRefill(Object[][] scratch, int[] firstArray, List<Object[]> pairs) {
        this.scratch = scratch;
        this.firstArray = firstArray;
        int n = pairs.size();
        sources = new Object[n];
        targets = new Object[n];
        lengths = new int[n];
        for (int k = 0; k < n; k++) {
            sources[k] = pairs.get(k)[0];
            targets[k] = pairs.get(k)[1];
            lengths[k] = java.lang.reflect.Array.getLength(targets[k]);
        }
    }

    /** Scratch copies of {@code rows}; the rows themselves are never passed to the method and stay pristine. */
    static RowRefill of(Object[][] rows) {
        Object[][] scratch = new Object[rows.length][];
        int[] first = new int[rows.length + 1];
        List<Object[]> pairs = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            first[i] = pairs.size();
            scratch[i] = Inputs.copyRow(rows[i]);
            IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
            for (int j = 0; j < rows[i].length; j++) {
                collect(rows[i][j], scratch[i][j], seen, pairs);
            }
        }
        first[rows.length] = pairs.size();
        return new RowRefill(scratch, first, pairs);
    }

    private static void collect(Object source, Object target, IdentityHashMap<Object, Boolean> seen, List<Object[]> pairs) {
        if (target == null || !target.getClass().isArray() || target == source || seen.put(target, Boolean.TRUE) != null) {
            return;
        }
        if (target.getClass().getComponentType().isPrimitive()) {
            pairs.add(new Object[] {source, target});
            return;
        }
        Object[] src = (Object[]) source;
        Object[] dst = (Object[]) target;
        pairs.add(new Object[] {dst.clone(), dst});
        for (int k = 0; k < dst.length; k++) {
            collect(src[k], dst[k], seen, pairs);
        }
    }

    /** How many rows there are. */
    int size() {
        return scratch.length;
    }

    /** Row {@code i}'s scratch copy, its arrays just refilled from the pristine row. */
    Object[] refill(int i) {
        for (int k = firstArray[i], end = firstArray[i + 1]; k < end; k++) {
            System.arraycopy(sources[k], 0, targets[k], 0, lengths[k]);
        }
        return scratch[i];
    }
}
