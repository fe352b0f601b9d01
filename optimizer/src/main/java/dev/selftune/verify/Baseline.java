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
    /*
     * Work bounds, in fuel ticks (loop steps) so that which rows are kept does not depend on how
     * loaded the machine is: a small generated row may take 1M steps (a loop to a full-range n is
     * dropped on its own; an O(n^3) product of 16-square matrices needs ~4k), a big row 200M (an
     * O(n^2) sort of 65536 elements, ~1G, is dropped with every heavier row), all rows together
     * 400M. Each variant re-runs every kept row, so this total is roughly the cost of one variant.
     * Wall-clock limits stay as a backstop for work that does not tick (JDK calls, allocation).
     */
    static final long SMALL_ROW_TICKS = 1_000_000;
    static final long BIG_ROW_TICKS = 200_000_000;
    static final long TOTAL_TICKS = 400_000_000;
    /* Rows holding at least this many array elements and chars get the big-row bound. Small generated
     * rows hold at most ~300 per parameter, big ones start at a size (a 1024-char String pair is a
     * big row of weight 2048); what must be dropped quickly is the light row with a huge int. */
    static final long BIG_ROW_WEIGHT = 256;
    static final long ORIGINAL_ROW_NANOS = 2_000_000_000L;
    static final long ORIGINAL_TOTAL_NANOS = 10_000_000_000L;

    final Object[][] before;
    /** Classes (internal names) whose static fields are compared after every call. */
    final java.util.List<String> staticClasses;
    final Outcome[] outcomes;
    final double[] scales;
    final OriginalProfile profile;
    final ClassLoader hierarchy;
    /** Whether the original passes {@link BytecodeCheck}; if not, the check cannot judge variants. */
    final boolean originalChecks;
    /** Wall time the original spent on the rows it ran. */
    final long totalNanos;
    /** The watched statics as the original's loader initialised them, before any row (null when none is watched). */
    final Object initialStatics;

    private Baseline(Object[][] before, Outcome[] outcomes, double[] scales, OriginalProfile profile, ClassLoader hierarchy,
                     boolean originalChecks, long totalNanos, java.util.List<String> staticClasses, Object initialStatics) {
        this.staticClasses = staticClasses;
        this.initialStatics = initialStatics;
        this.originalChecks = originalChecks;
        this.totalNanos = totalNanos;
        this.before = before;
        this.outcomes = outcomes;
        this.scales = scales;
        this.profile = profile;
        this.hierarchy = hierarchy;
    }

    /*
     * The original runs instrumented exactly like the variants, so its tick count on a row is the
     * unit a variant's fuel is measured in. Rows are ordered light to heavy; once the original
     * exceeds its bound on a big row, heavier rows are skipped rather than each costing as much.
     * Skipped rows have no outcome and are not counted as checked.
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
        List<String> staticClasses = StaticState.reachable(m.owner().replace('.', '/'), t.classBytes(), m.name(), m.descriptor(),
                sb.loader());
        sb.watch(staticClasses);
        Object initialStatics = sb.initialStatics();
        boolean isStatic = t.isStatic();
        Inputs.VerificationRows all = Inputs.verificationRowsFromCaller(m, isStatic, src, sb.loader());
        List<Object[]> rows = all.rows();
        if (src.provider() != null) {
            requireDeterministic(rows, Inputs.verificationRows(m, isStatic, src, sb.loader()), src);
        }
        int n = rows.size();
        Object[][] before = new Object[n][];
        Outcome[] outcomes = new Outcome[n];
        double[] scales = new double[n];
        long skipWeight = Long.MAX_VALUE;
        long spent = 0;
        long spentTicks = 0;
        /* The caller's rows (first in the list) are what they are: each may be as heavy as a big row. The
         * generated rows added after them are bounded by their weight, as without --inputs: given the
         * big bound, two small rows with a full-range int (a loop to Integer.MAX_VALUE) spent the whole
         * total, and a box blur with eleven --inputs rows kept 62 of 1441 rows and was refused. */
        int fromCaller = all.fromCaller();
        int ran = 0;
        int dropped = 0;
        int normal = 0;
        boolean mutates = false;
        String firstThrown = null;
        Differ exact = new Differ(null, 0);
        /* Each row is released once run: a call may leave a large array in its receiver, and keeping
         * a thousand such receivers alive would make the collector thrash. */
        boolean staticsLost = false;
        long allocated = 0;
        int allocatedRows = 0;
        for (int i = 0; i < n; i++) {
            Object[] row = rows.get(i);
            before[i] = snapshot(row, isStatic);
            long weight = weight(row);
            long left = TOTAL_TICKS - spentTicks;
            if (weight >= skipWeight || spent > ORIGINAL_TOTAL_NANOS || left <= 0 || staticsLost) {
                continue;
            }
            Object staticsBefore = sb.watchesStatics() ? sb.statics() : null;
            boolean big = weight >= BIG_ROW_WEIGHT || i < fromCaller;
            long ticks = Math.min(left, big ? BIG_ROW_TICKS : SMALL_ROW_TICKS);
            Outcome o;
            long t0 = System.nanoTime();
            try {
                o = sb.run(row, ticks, t0 + ORIGINAL_ROW_NANOS);
            } catch (Sandbox.Unrecordable e) {
                staticsLost = changed(staticsBefore, sb);
                continue;
            } finally {
                rows.set(i, null);
                spent += System.nanoTime() - t0;
            }
            spentTicks += o.ticks();
            if (o.timedOut()) {
                /* A variant never runs a row the original did not finish: if that row changed the
                 * static state, later rows would start from a state no variant reaches, so none is kept. */
                staticsLost = changed(staticsBefore, sb);
                skipWeight = weight >= BIG_ROW_WEIGHT ? Math.min(skipWeight, weight) : skipWeight;
                dropped++;
                continue;
            }
            outcomes[i] = o;
            scales[i] = maxInput(before[i]);
            if (!o.threw() && sb.lastAllocatedBytes() >= 0) {
                allocated += sb.lastAllocatedBytes();
                allocatedRows++;
            }
            ran++;
            normal += o.threw() ? 0 : 1;
            firstThrown = firstThrown == null && o.threw() ? o.thrown() : firstThrown;
            for (int j = 0; j < row.length && !mutates; j++) {
                mutates = exact.diff(before[i][j], o.argsAfter()[j], "") != null;
            }
        }
        String origin = src.provider() != null || src.file() != null ? "--inputs row" : "generated input";
        if (ran == 0) {
            throw new TuneException(m.toString(), m + " did not finish within its work bound (" + SMALL_ROW_TICKS
                    + " loop steps for a small row, " + BIG_ROW_TICKS + " for a big one) on any " + origin
                    + " (" + dropped + " tried): pass --inputs with smaller arguments");
        }
        if (normal == 0) {
            throw new TuneException(m.toString(), m + " throws on every " + origin + " (" + firstThrown
                    + "): pass --inputs with arguments it accepts");
        }
        boolean checks = BytecodeCheck.check(t.classBytes(), sb.loader()) == null;
        return new Baseline(before, outcomes, scales, new OriginalProfile(ran, normal, mutates,
                allocatedRows == 0 ? Double.NaN : (double) allocated / allocatedRows), sb.loader(), checks,
                spent, staticClasses, initialStatics);
    }

    private static boolean changed(Object staticsBefore, Sandbox sb) {
        return staticsBefore != null && new Differ(null, 0).diff(staticsBefore, sb.statics(), "static") != null;
    }

    private static void requireDeterministic(List<Object[]> a, List<Object[]> b, InputSource src) {
        Differ exact = new Differ(null, 0);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String d = i >= a.size() || i >= b.size() ? "row counts " + a.size() + " vs " + b.size()
                    : exact.diff(asSeq(snapshot(a.get(i), true)), asSeq(snapshot(b.get(i), true)), "row " + i);
            if (d != null) {
                throw new TuneException("--inputs", "inputs provider " + src.provider() + " returns different rows on each call ("
                        + d + "): make it deterministic, e.g. seed its Random");
            }
        }
    }

    static Snapshot.Seq asSeq(Object[] snapshots) {
        return new Snapshot.Seq("row", java.util.Arrays.asList(snapshots));
    }

    /** The row as one graph, so arguments that are one array show as such ("the same object as argument 1"). */
    static Object[] snapshot(Object[] row, boolean isStatic) {
        return Snapshot.row(row, new Snapshot.Walker(Snapshot.MAX_COPIED_ELEMENTS), Snapshot.names(row.length, isStatic));
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
