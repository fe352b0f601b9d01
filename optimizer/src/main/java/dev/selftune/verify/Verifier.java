package dev.selftune.verify;

import dev.selftune.api.TuneException;
import dev.selftune.api.Variant;
import dev.selftune.api.Verdict;
import dev.selftune.inputs.InputSource;
import dev.selftune.inputs.Inputs;
import dev.selftune.target.Target;
import java.util.List;

/**
 * Judges variants against the original: bytecode check, a fresh class loader, then a differential
 * test on every verification row (result, arguments, receiver, exception type, static state, which
 * objects are shared or returned) under a step budget; a pass needs {@link #MIN_CHECKED_ROWS} checked rows.
 * One thread at a time: the original's outcomes are recorded once, on first use.
 */
public final class Verifier {
    /* A variant gets 64x the original's steps on a row plus a constant: enough for a worse
     * threshold (an insertion-sort cut-off of 1024 instead of 16 is ~17x the steps), small enough
     * that an infinite loop on a small row is caught within milliseconds. */
    static final long FUEL_FACTOR = 64;
    static final long FUEL_CONSTANT = 1_000_000;
    static final long MIN_WALL_NANOS = 2_000_000_000L;
    static final long WALL_FACTOR = 20;
    /* The whole differential run may take 10x the original's time plus 2 s; a slower variant is
     * stopped (JIT noise on a loaded box stays well inside that) and could never win on speed. */
    static final long TOTAL_FACTOR = 10;
    /*
     * A pass must stand on at least this many checked rows. With rows drawn independently, a
     * variant wrong on a fraction p of inputs survives n rows with probability (1 - p)^n: 100 rows
     * leave a bug on 5% of inputs a 0.6% chance, a bug on 3% a 5% chance. Generated inputs give
     * ~1400 rows; user rows (--inputs) and rows the original could not finish cheaply count only
     * when checked. Below this the verdict is a rejection that says so, never a pass.
     */
    static final int MIN_CHECKED_ROWS = 100;

    private final Target original;
    private final InputSource src;
    private final Double fpTolerance;
    private Baseline baseline;

    /** {@code fpTolerance} null means bit-exact; otherwise floats and doubles may differ by that relative error. */
    public Verifier(Target original, InputSource src, Double fpTolerance) {
        if (fpTolerance != null && !(fpTolerance > 0 && fpTolerance < 1)) {
            throw new IllegalArgumentException("FP tolerance " + fpTolerance + " must be a relative error in (0, 1), like 1e-9");
        }
        this.original = original;
        this.src = src;
        this.fpTolerance = fpTolerance;
    }

    /** Runs the original on the verification rows (once); throws TuneException when it throws on every input. */
    public OriginalProfile profile() {
        return baseline().profile;
    }

    private Baseline baseline() {
        if (baseline == null) {
            Baseline b = Baseline.record(original, src);
            if (b.profile.rows() < MIN_CHECKED_ROWS) {
                throw new TuneException(original.method().toString(), "only " + b.profile.rows() + " inputs of "
                        + original.method() + " can be checked (the original finished " + b.profile.rows() + " of "
                        + b.outcomes.length + " rows within its work bound), and a variant needs " + MIN_CHECKED_ROWS
                        + " checked inputs to pass: pass --inputs with more rows, or smaller rows the original finishes");
            }
            baseline = b;
        }
        return baseline;
    }

    /** Passed with the number of rows checked, or Rejected with the reason and a counterexample. */
    public Verdict verify(Variant v) {
        Baseline b = baseline();
        /* If the original itself fails the check (a supertype missing from the class path, say), the
         * check would reject every variant for the original's reason; the JVM's own verifier, run
         * when the variant is loaded below, still stands guard. */
        String bad = b.originalChecks ? BytecodeCheck.check(v.classBytes(), b.hierarchy) : null;
        if (bad != null) {
            return new Verdict.Rejected("bytecode check failed: " + bad, null, 0);
        }
        Sandbox sb;
        try {
            sb = Sandbox.load(original, v.classBytes(), b.staticClasses);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return new Verdict.Rejected("the JVM refused to load the variant: " + e, null, 0);
        }
        try {
            return differential(b, sb);
        } finally {
            sb.close();
        }
    }

    /*
     * The rows are regenerated in the variant's loader (receivers must be instances of the variant's
     * class, and the original's rows were mutated by its calls); generation is seeded, so row i
     * here is row i of the baseline, which Baseline.before records for the counterexample.
     */
    private Verdict differential(Baseline b, Sandbox sb) {
        List<Object[]> rows;
        try {
            rows = Inputs.verificationRows(original.method(), original.isStatic(), src, sb.loader());
        } catch (TuneException | LinkageError e) {
            return new Verdict.Rejected("the variant's class breaks input generation: " + e.getMessage(), null, 0);
        }
        if (rows.size() != b.outcomes.length) {
            throw new IllegalStateException("verification rows are not deterministic: " + rows.size()
                    + " rows for the variant, " + b.outcomes.length + " for the original");
        }
        StaticInit init = StaticInit.of(b.initialStatics, sb.initialStatics());
        int checked = 0;
        long start = System.nanoTime();
        long allowed = Math.max(0, Math.min(Long.MAX_VALUE / 4, b.totalNanos * TOTAL_FACTOR)) + MIN_WALL_NANOS;
        for (int i = 0; i < rows.size(); i++) {
            Outcome o = b.outcomes[i];
            if (o == null) {
                continue;
            }
            long fuel = saturatedFuel(o.ticks());
            long now = System.nanoTime();
            if (now - start > allowed) {
                return new Verdict.Rejected("timeout: checking the variant took " + (now - start) / 1_000_000
                        + " ms, more than " + TOTAL_FACTOR + "x the original's " + b.totalNanos / 1_000_000 + " ms + 2 s", null, checked);
            }
            long deadline = rowDeadline(now, o);
            Outcome r;
            try {
                r = sb.run(rows.get(i), fuel, deadline);
            } catch (Sandbox.Unrecordable e) {
                return new Verdict.Rejected("the variant's result is too big to record where the original's was not ("
                        + e.getCause() + ")", "input " + Abbrev.row(b.before[i]) + "; original " + o.describe(), checked);
            } finally {
                rows.set(i, null);
            }
            String reason = r.timedOut()
                    ? (r.ticks() > fuel
                        ? "timeout: the variant ran past its budget of " + fuel + " loop steps (the original needed " + o.ticks() + ")"
                        : "timeout: the variant ran past its time limit of " + (deadline - now) / 1_000_000 + " ms (the original took "
                            + o.nanos() / 1_000_000 + " ms)")
                    : init.explain(Judge.compare(init.original(o), init.variant(r), new Differ(fpTolerance, b.scales[i]),
                            original.isStatic()));
            if (reason != null) {
                String cex = "input " + Abbrev.row(b.before[i]) + "; original " + o.describe() + "; variant " + r.describe();
                return new Verdict.Rejected(reason, cex, checked);
            }
            checked++;
        }
        if (checked < MIN_CHECKED_ROWS) {
            return new Verdict.Rejected("too few inputs to judge: only " + checked + " rows were checked, a pass needs "
                    + MIN_CHECKED_ROWS + " (the original finished " + b.profile.rows() + " of " + rows.size()
                    + " within its work bound): pass --inputs with more rows, or smaller ones the original finishes", null, checked);
        }
        String oneSided = sb.guardOneSided();
        if (oneSided != null) {
            return new Verdict.Rejected(oneSided, null, checked);
        }
        return new Verdict.Passed(checked);
    }

    /**
     * Runs {@code classBytes}, a copy of the original that adds only static {@code long[]} counters named
     * {@code prefix…} (set up by its own static initialiser), on every verification row the original finished,
     * and returns each counter array by field name afterwards. Null when the copy cannot be loaded, its rows
     * cannot be made, or they take more than {@code maxNanos} in all: the caller then goes without the counts
     * (counts over part of the rows would call code cold that a later row runs).
     */
    public java.util.Map<String, long[]> countersAfterRows(byte[] classBytes, String prefix, long maxNanos) {
        Baseline b = baseline();
        Sandbox sb;
        try {
            sb = Sandbox.load(original, classBytes, List.of());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
        try {
            List<Object[]> rows = Inputs.verificationRows(original.method(), original.isStatic(), src, sb.loader());
            long start = System.nanoTime();
            for (int i = 0; i < rows.size() && i < b.outcomes.length; i++) {
                if (System.nanoTime() - start > maxNanos) {
                    return null;
                }
                Outcome o = b.outcomes[i];
                if (o != null) {
                    long now = System.nanoTime();
                    sb.run(rows.get(i), saturatedFuel(o.ticks()), rowDeadline(now, o));
                }
                rows.set(i, null);
            }
            java.util.Map<String, long[]> out = new java.util.LinkedHashMap<>();
            for (java.lang.reflect.Field f : sb.loadedClass().getDeclaredFields()) {
                if (f.getName().startsWith(prefix) && f.getType() == long[].class) {
                    f.setAccessible(true);
                    long[] counts = (long[]) f.get(null);
                    if (counts != null) {
                        out.put(f.getName(), counts.clone());
                    }
                }
            }
            return out;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        } finally {
            sb.close();
        }
    }

    /* A copy's time limit on one row, from {@code now}: 20x what the original took on it, at least 2 s. */
    private static long rowDeadline(long now, Outcome original) {
        return now + Math.max(MIN_WALL_NANOS, Math.min(Long.MAX_VALUE / 4, original.nanos() * WALL_FACTOR));
    }

    static long saturatedFuel(long originalTicks) {
        return originalTicks > (Long.MAX_VALUE - FUEL_CONSTANT) / FUEL_FACTOR
                ? Long.MAX_VALUE : originalTicks * FUEL_FACTOR + FUEL_CONSTANT;
    }
}
