package dev.selftune.measure;

import dev.selftune.inputs.Inputs;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * One scratch copy of each measurement row, made once, whose arrays are refilled in place from the
 * pristine row before every call: a method that mutates its arguments always starts from the same
 * data, and a measured op allocates nothing. Only the arrays the method was seen to change are refilled.
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
     *
     * Which arrays: refilling one the method only reads (columnSums's 512 KB matrix next to a 2 KB
     * sums) is a cost both sides pay that dilutes every ratio (12% of that op). probe() runs each row
     * PROBES times from fully refilled scratch and keeps the arrays some call changed; an array no
     * call changed is left as it is. That is exact for a method whose writes depend only on its
     * arguments: every measured call starts from the same arguments, so it changes the same arrays.
     * A method whose writes depend on hidden state (a receiver counter) could change another array on
     * a later call. So the probe only narrows rows whose values are all plain (arrays of primitives,
     * Strings, boxes, null): a row with a receiver or any other object (a java.util.Random whose
     * draws decide what gets written) keeps every array refilled. Static state remains; intact()
     * compares every array left out with its pristine source, and GenericBenchmark calls it after
     * each iteration (outside the score) and fails the fork rather than report a score measured on
     * changed data.
     */
    static final int PROBES = 2;

    private final Object[][] scratch;
    private final int[] firstArray;
    private final Object[] sources;
    private final Object[] targets;
    private final int[] lengths;
    private final boolean[] changed;

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
        changed = new boolean[n];
        Arrays.fill(changed, true);
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

    /** Row {@code i}'s scratch copy, the arrays it may have changed just refilled from the pristine row. */
    Object[] refill(int i) {
        for (int k = firstArray[i], end = firstArray[i + 1]; k < end; k++) {
            if (changed[k]) {
                System.arraycopy(sources[k], 0, targets[k], 0, lengths[k]);
            }
        }
        return scratch[i];
    }

    /**
     * Calls {@code invoker} ({@code (Object[])Object}) {@value #PROBES} times on each row, each time
     * from fully refilled scratch, and from then on refills only the arrays some call changed (all of
     * a row's arrays when a call throws or the row holds anything but arrays, Strings and boxes).
     * Leaves every array pristine.
     */
    RowRefill probe(MethodHandle invoker) {
        boolean[] seen = new boolean[changed.length];
        for (int i = 0; i < scratch.length; i++) {
            if (!plain(scratch[i])) {
                Arrays.fill(seen, firstArray[i], firstArray[i + 1], true);
                continue;
            }
            for (int p = 0; p < PROBES; p++) {
                Arrays.fill(changed, true);
                refill(i);
                boolean threw = false;
                try {
                    Object ignored = (Object) invoker.invokeExact(scratch[i]);
                } catch (Throwable t) {
                    threw = true;
                }
                for (int k = firstArray[i]; k < firstArray[i + 1]; k++) {
                    seen[k] |= threw || !same(sources[k], targets[k]);
                }
            }
        }
        Arrays.fill(changed, true);
        for (int i = 0; i < scratch.length; i++) {
            refill(i);
        }
        System.arraycopy(seen, 0, changed, 0, seen.length);
        return this;
    }

    /** Null when every array left out of the refill still equals its pristine source; else which one changed. */
    String intact() {
        for (int i = 0; i < scratch.length; i++) {
            for (int k = firstArray[i]; k < firstArray[i + 1]; k++) {
                if (!changed[k] && !same(sources[k], targets[k])) {
                    return "measurement row " + i + ": a " + targets[k].getClass().getSimpleName() + " of length " + lengths[k]
                            + " that the method left unchanged in " + PROBES + " probe calls was changed by a later call"
                            + " (its writes depend on state other than its arguments), so later calls ran on changed data";
                }
            }
        }
        return null;
    }

    /** How many of the rows' arrays are refilled before each call (the rest were never changed). */
    int refilledArrays() {
        int n = 0;
        for (boolean c : changed) {
            n += c ? 1 : 0;
        }
        return n;
    }

    private static final Set<Class<?>> BOXES = Set.of(String.class, Integer.class, Long.class, Double.class, Float.class,
            Short.class, Byte.class, Character.class, Boolean.class);

    private static boolean plain(Object v) {
        return plain(v, new IdentityHashMap<>());
    }

    private static boolean plain(Object v, IdentityHashMap<Object, Boolean> seen) {
        if (v == null || BOXES.contains(v.getClass())) {
            return true;
        }
        if (!v.getClass().isArray()) {
            return false;
        }
        if (v.getClass().getComponentType().isPrimitive() || seen.put(v, Boolean.TRUE) != null) {
            return true;
        }
        for (Object e : (Object[]) v) {
            if (!plain(e, seen)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof int[]) return Arrays.equals((int[]) a, (int[]) b);
        if (a instanceof double[]) return sameBits((double[]) a, (double[]) b);
        if (a instanceof long[]) return Arrays.equals((long[]) a, (long[]) b);
        if (a instanceof float[]) return sameBits((float[]) a, (float[]) b);
        if (a instanceof byte[]) return Arrays.equals((byte[]) a, (byte[]) b);
        if (a instanceof char[]) return Arrays.equals((char[]) a, (char[]) b);
        if (a instanceof short[]) return Arrays.equals((short[]) a, (short[]) b);
        if (a instanceof boolean[]) return Arrays.equals((boolean[]) a, (boolean[]) b);
        Object[] x = (Object[]) a;
        Object[] y = (Object[]) b;
        for (int k = 0; k < x.length; k++) {
            if (x[k] != y[k]) {
                return false;
            }
        }
        return true;
    }

    /* Bit for bit, as the verifier compares: Arrays.equals(double[]) folds every NaN into one. */
    private static boolean sameBits(double[] a, double[] b) {
        for (int k = 0; k < a.length; k++) {
            if (Double.doubleToRawLongBits(a[k]) != Double.doubleToRawLongBits(b[k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameBits(float[] a, float[] b) {
        for (int k = 0; k < a.length; k++) {
            if (Float.floatToRawIntBits(a[k]) != Float.floatToRawIntBits(b[k])) {
                return false;
            }
        }
        return true;
    }
}
