package dev.selftune.verify;

import java.util.Iterator;
import java.util.Map;

/** Finds the first difference between two snapshots: bit-exact by default, or within an FP tolerance. */
final class Differ {
    /* Above this input magnitude a product or sum of a row's values may overflow in one order and not another. */
    static final double OVERFLOW_PRONE = 1e150;

    private final Double tolerance;
    private final double scale;
    private final boolean comparesFloats;

    /** {@code tolerance} null means bit-exact; {@code maxInput} is the largest finite FP input magnitude of the row. */
    Differ(Double tolerance, double maxInput) {
        this.tolerance = tolerance;
        this.scale = maxInput > 1 ? Math.min(Double.MAX_VALUE, maxInput * maxInput) : maxInput;
        this.comparesFloats = tolerance == null || maxInput <= OVERFLOW_PRONE;
    }

    /*
     * With reassociation allowed, a row whose inputs reach 1e150 can overflow to infinity in one
     * summation order and stay finite in another ([MAX, MAX, -MAX]); no tolerance relates the two.
     * On such rows only control flow and non-FP state are compared; every other row compares floats.
     * Without a tolerance nothing is exempt.
     * Keeping the NaN, infinity or sign checks on these rows is not sound either: a sum unrolled
     * into two accumulators turns [MAX, -MAX, MAX, -MAX] into inf + -inf = NaN where the loop in
     * order gives 0, and [-inf, MAX, MAX] into NaN where the original gives -inf (VerifierTest's
     * reassociated sum meets exactly that row). So instead the generator keeps these checks
     * meaningful elsewhere: its SPECIAL rows hold NaN, infinities, -0.0 and subnormals but no
     * magnitude beyond 1e150, and on them every FP check applies with a tolerance too.
     */
    boolean comparesFloats() {
        return comparesFloats;
    }

    /** Null when equal, else "{@code path}: expected vs actual" for the first difference. */
    String diff(Object a, Object b, String path) {
        if (a == null || b == null) {
            return a == b ? null : at(path, a, b);
        }
        if (a instanceof Double && b instanceof Double) {
            return same((Double) a, (Double) b) ? null : at(path, a, b);
        }
        if (a instanceof Float && b instanceof Float) {
            return same((Float) a, (Float) b) ? null : at(path, a, b);
        }
        if (a instanceof double[] && b instanceof double[]) {
            double[] x = (double[]) a;
            double[] y = (double[]) b;
            if (tolerance == null && java.util.Arrays.equals(x, y)) {
                return null;
            }
            if (x.length != y.length) {
                return path + ": length " + x.length + " vs " + y.length;
            }
            for (int i = 0; i < x.length; i++) {
                if (!same(x[i], y[i])) {
                    return at(path + "[" + i + "]", x[i], y[i]);
                }
            }
            return null;
        }
        if (a instanceof float[] && b instanceof float[]) {
            float[] x = (float[]) a;
            float[] y = (float[]) b;
            if (x.length != y.length) {
                return path + ": length " + x.length + " vs " + y.length;
            }
            for (int i = 0; i < x.length; i++) {
                if (!same(x[i], y[i])) {
                    return at(path + "[" + i + "]", x[i], y[i]);
                }
            }
            return null;
        }
        if (a.getClass().isArray() && b.getClass() == a.getClass()) {
            if (java.util.Objects.deepEquals(a, b)) {
                return null;
            }
            int n = java.lang.reflect.Array.getLength(a);
            int m = java.lang.reflect.Array.getLength(b);
            if (n != m) {
                return path + ": length " + n + " vs " + m;
            }
            for (int i = 0; i < n; i++) {
                Object x = java.lang.reflect.Array.get(a, i);
                Object y = java.lang.reflect.Array.get(b, i);
                if (!x.equals(y)) {
                    return at(path + "[" + i + "]", x, y);
                }
            }
            return null;
        }
        if (a instanceof Snapshot.Seq && b instanceof Snapshot.Seq) {
            Snapshot.Seq x = (Snapshot.Seq) a;
            Snapshot.Seq y = (Snapshot.Seq) b;
            if (!x.type().equals(y.type()) || x.items().size() != y.items().size()) {
                return at(path, Abbrev.show(a), Abbrev.show(b));
            }
            for (int i = 0; i < x.items().size(); i++) {
                String d = diff(x.items().get(i), y.items().get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a instanceof Snapshot.Obj && b instanceof Snapshot.Obj) {
            Snapshot.Obj x = (Snapshot.Obj) a;
            Snapshot.Obj y = (Snapshot.Obj) b;
            if (!x.type().equals(y.type()) || !x.fields().keySet().equals(y.fields().keySet())) {
                return at(path, x.type(), y.type());
            }
            Iterator<Map.Entry<String, Object>> it = x.fields().entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Object> e = it.next();
                String d = diff(e.getValue(), y.fields().get(e.getKey()), path + "." + e.getKey());
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a instanceof Snapshot.Digest && b instanceof Snapshot.Digest) {
            return a.equals(b) ? null : path + ": contents of a " + ((Snapshot.Digest) a).length() + "-element array differ";
        }
        return a.equals(b) ? null : at(path, a, b);
    }

    /*
     * Bit-exact is Double.equals: NaN equals NaN, -0.0 differs from 0.0 (Arrays.equals agrees).
     * With a tolerance, NaN matches only NaN and infinities only themselves; finite values may
     * differ by tolerance x max(|a|, |b|, scale). The scale (largest input magnitude, squared when
     * above 1 to cover products) is there because reassociating a sum moves its error relative to
     * its terms, not to its result: a result near zero after cancellation would otherwise fail.
     */
    boolean same(double a, double b) {
        if (!comparesFloats) {
            return true;
        }
        if (tolerance == null) {
            return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
        }
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return a == b;
        }
        double bound = tolerance * Math.max(Math.max(Math.abs(a), Math.abs(b)), scale);
        return Math.abs(a - b) <= bound;
    }

    private static String at(String path, Object a, Object b) {
        return path + ": " + Abbrev.show(a) + " vs " + Abbrev.show(b);
    }

    static boolean nonFinite(Object v) {
        return v instanceof Double && !Double.isFinite((Double) v) || v instanceof Float && !Float.isFinite((Float) v);
    }
}
