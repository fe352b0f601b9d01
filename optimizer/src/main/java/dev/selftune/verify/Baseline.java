package dev.selftune.verify;

import dev.selftune.api.MethodRef;
import dev.selftune.api.TuneException;
import dev.selftune.inputs.InputSource;
import dev.selftune.inputs.Inputs;
import dev.selftune.target.Target;
import java.lang.reflect.Array;
import java.util.List;

/** The original's behaviour on every verification row, recorded once and compared against each variant. */
final class Baseline {
    /* A row on which the original itself runs longer than this is dropped, with every heavier row. */
    static final long ORIGINAL_ROW_NANOS = 2_000_000_000L;

    final Object[][] before;
    final Outcome[] outcomes;
    final double[] scales;
    final OriginalProfile profile;
    final ClassLoader hierarchy;

    private Baseline(Object[][] before, Outcome[] outcomes, double[] scales, OriginalProfile profile, ClassLoader hierarchy) {
        this.before = before;
        this.outcomes = outcomes;
        this.scales = scales;
        this.profile = profile;
        this.hierarchy = hierarchy;
    }

    /*
     * The original runs instrumented exactly like the variants, so its tick count on a row is the
     * unit a variant's fuel is measured in. Rows are ordered light to heavy; once the original
     * exceeds the per-row time, heavier rows are skipped rather than each costing two seconds.
     */
    static Baseline record(Target t, InputSource src) {
        MethodRef m = t.method();
        Sandbox sb;
        try {
            sb = Sandbox.load(t, t.classBytes());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new TuneException(m.toString(), "the original " + m + " cannot be loaded for verification (" + e
                    + "): check that --classpath holds all of its dependencies");
        }
        boolean isStatic = t.isStatic();
        List<Object[]> rows = Inputs.verificationRows(m, isStatic, src, sb.loader());
        if (src.provider() != null) {
            requireDeterministic(rows, Inputs.verificationRows(m, isStatic, src, sb.loader()), src);
        }
        int n = rows.size();
        Object[][] before = new Object[n][];
        Outcome[] outcomes = new Outcome[n];
        double[] scales = new double[n];
        long skipWeight = Long.MAX_VALUE;
        int ran = 0;
        int normal = 0;
        boolean mutates = false;
        String firstThrown = null;
        Differ exact = new Differ(null, 0);
        for (int i = 0; i < n; i++) {
            Object[] row = rows.get(i);
            before[i] = snapshot(row);
            long weight = weight(row);
            if (weight >= skipWeight) {
                continue;
            }
            Outcome o = sb.run(row, Long.MAX_VALUE, System.nanoTime() + ORIGINAL_ROW_NANOS);
            if (o.timedOut()) {
                skipWeight = weight;
                continue;
            }
            outcomes[i] = o;
            scales[i] = maxInput(before[i]);
            ran++;
            normal += o.threw() ? 0 : 1;
            firstThrown = firstThrown == null && o.threw() ? o.thrown() : firstThrown;
            for (int j = 0; j < row.length && !mutates; j++) {
                mutates = exact.diff(before[i][j], o.argsAfter()[j], "") != null;
            }
        }
        String origin = src.provider() != null || src.file() != null ? "--inputs row" : "generated input";
        if (ran == 0) {
            throw new TuneException(m.toString(), m + " runs longer than " + ORIGINAL_ROW_NANOS / 1_000_000_000L
                    + " s on every " + origin + ": pass --inputs with smaller arguments");
        }
        if (normal == 0) {
            throw new TuneException(m.toString(), m + " throws on every " + origin + " (" + firstThrown
                    + "): pass --inputs with arguments it accepts");
        }
        return new Baseline(before, outcomes, scales, new OriginalProfile(ran, normal, mutates), sb.loader());
    }

    private static void requireDeterministic(List<Object[]> a, List<Object[]> b, InputSource src) {
        Differ exact = new Differ(null, 0);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String d = i >= a.size() || i >= b.size() ? "row counts " + a.size() + " vs " + b.size()
                    : exact.diff(asSeq(snapshot(a.get(i))), asSeq(snapshot(b.get(i))), "row " + i);
            if (d != null) {
                throw new TuneException("--inputs", "inputs provider " + src.provider() + " returns different rows on each call ("
                        + d + "): make it deterministic, e.g. seed its Random");
            }
        }
    }

    static Snapshot.Seq asSeq(Object[] snapshots) {
        return new Snapshot.Seq("row", java.util.Arrays.asList(snapshots));
    }

    static Object[] snapshot(Object[] row) {
        Object[] s = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            s[i] = Snapshot.of(row[i]);
        }
        return s;
    }

    /** Elements in the row's arrays and strings: the order of magnitude of the work a call may do. */
    static long weight(Object[] row) {
        long w = 0;
        for (Object v : row) {
            w += weightOf(v);
        }
        return w;
    }

    private static long weightOf(Object v) {
        if (v instanceof String) {
            return ((String) v).length();
        }
        if (v == null || !v.getClass().isArray()) {
            return 1;
        }
        if (v.getClass().getComponentType().isPrimitive()) {
            return Array.getLength(v);
        }
        long w = 0;
        for (Object o : (Object[]) v) {
            w += weightOf(o);
        }
        return w;
    }

    /** The largest finite magnitude among the row's floating-point inputs. */
    private static double maxInput(Object[] snap) {
        double max = 0;
        for (Object v : snap) {
            max = Math.max(max, maxAbs(v));
        }
        return max;
    }

    private static double maxAbs(Object v) {
        double m = 0;
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? Math.abs(d) : 0;
        }
        if (v instanceof double[]) {
            for (double d : (double[]) v) {
                m = Double.isFinite(d) ? Math.max(m, Math.abs(d)) : m;
            }
        } else if (v instanceof float[]) {
            for (float d : (float[]) v) {
                m = Float.isFinite(d) ? Math.max(m, Math.abs(d)) : m;
            }
        } else if (v instanceof Snapshot.Seq) {
            for (Object o : ((Snapshot.Seq) v).items()) {
                m = Math.max(m, maxAbs(o));
            }
        }
        return m;
    }
}
