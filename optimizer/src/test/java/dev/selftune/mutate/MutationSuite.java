package dev.selftune.mutate;

import dev.selftune.api.Step;
import dev.selftune.api.TuneException;
import dev.selftune.api.Variant;
import dev.selftune.api.Verdict;
import dev.selftune.generate.ClassBytes;
import dev.selftune.verify.Verifier;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs every mutant of a subject through {@link Verifier} exactly as {@code Tuner} does (same
 * constructor, the original profiled first, one {@code verify} per variant), then sends each
 * survivor to an {@link EquivalenceRun} of at least {@link #ROWS_FACTOR}x the rows the verifier checked.
 */
final class MutationSuite {
    static final int ROWS_FACTOR = 100;
    /** The equivalence run's seed differs from every seed tune uses by default. */
    static final long EQUIVALENCE_SEED = 0x5EED_2026L;

    private final long equivalenceNanos;
    private final Consumer<String> log;

    MutationSuite(long equivalenceNanos, Consumer<String> log) {
        this.equivalenceNanos = equivalenceNanos;
        this.log = log;
    }

    /** The results for one subject; a subject the verifier refuses (the original throws everywhere) gives none and is logged. */
    List<MutantResult> run(Subject s) {
        List<MutantResult> out = new ArrayList<>();
        Verifier verifier = new Verifier(s.target(), s.src(), s.fpTolerance());
        try {
            verifier.profile();
        } catch (TuneException e) {
            log.accept("skipped " + s.label() + ": the verifier refuses the original: " + e.getMessage());
            return out;
        }
        List<Edit> edits;
        Function<String, InputStream> resources;
        try (IsolatedLoader loader = new IsolatedLoader(s.classpath(), s.owner(), s.classBytes())) {
            edits = Mutants.of(s.classBytes(), s.name(), s.desc(), loader);
            resources = ClassBytes.resourcesOf(new IsolatedLoader(s.classpath(), s.owner(), s.classBytes()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int k = 0;
        for (Edit e : edits) {
            out.add(one(s, verifier, e, resources, ++k));
        }
        return out;
    }

    private MutantResult one(Subject s, Verifier verifier, Edit e, Function<String, InputStream> resources, int k) {
        byte[] bytes;
        try {
            bytes = Mutants.apply(s.classBytes(), e, resources);
        } catch (RuntimeException | LinkageError x) {
            return new MutantResult(s.label(), e, MutantResult.Status.NON_VIABLE, "ASM cannot write it: " + x);
        }
        Variant v = new Variant("m" + k, Variant.ORIGINAL_ID, List.of(new Step("mutation:" + e.operator(), Map.of())), bytes);
        Verdict verdict;
        try {
            verdict = verifier.verify(v);
        } catch (RuntimeException | LinkageError x) {
            /* Not a rejection: the verifier itself broke. Counted apart (non-viable) and logged, never as a kill. */
            log.accept("verifier error on " + s.label() + " " + e + ": " + x);
            return new MutantResult(s.label(), e, MutantResult.Status.NON_VIABLE, "the verifier itself failed: " + x);
        }
        if (verdict instanceof Verdict.Rejected r) {
            boolean invalid = r.reason().startsWith("bytecode check failed") || r.reason().startsWith("the JVM refused to load");
            return new MutantResult(s.label(), e, invalid ? MutantResult.Status.NON_VIABLE : MutantResult.Status.KILLED, r.reason());
        }
        long rows = Math.max(1, (long) verdict.inputsChecked()) * ROWS_FACTOR;
        EquivalenceRun.Result eq = EquivalenceRun.run(s, bytes, EQUIVALENCE_SEED, rows, equivalenceNanos);
        if (eq.difference() != null) {
            String why = "passed the verifier on " + verdict.inputsChecked() + " rows; the long run differs at " + eq.difference();
            log.accept("survivor " + s.label() + " " + e + ": " + why);
            return new MutantResult(s.label(), e, MutantResult.Status.SURVIVED, why);
        }
        String note = "no difference in " + eq.rows() + " rows (" + (eq.rows() >= rows ? "" : "time limit before ")
                + ROWS_FACTOR + "x the verifier's " + verdict.inputsChecked() + "; " + eq.skipped()
                + " rows skipped as too long for the original)";
        return new MutantResult(s.label(), e, MutantResult.Status.EQUIVALENT, note);
    }
}
