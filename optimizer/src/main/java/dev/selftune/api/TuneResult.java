package dev.selftune.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one tuning run found, with its evidence: where it ran, under which conditions
 * ({@code setup}, null when not recorded), the baseline, every variant verified and the decision;
 * {@code unexplored} counts generated variants the budget (or the ranking model's cut) never reached; {@code confirmed} is the id
 * of the variant the confirmation run measured (the one the decision is about), null when none was;
 * {@code notApplied} says, per registered transform that produced no variant, why; {@code cache} the
 * measurement cache's hits and misses, null when the run used no cache; {@code skipped} what the
 * transforms left alone on purpose (a constant tied to a loop's step), with why; {@code ranking} what
 * the ranking model did and the JMH forks spent (null when not recorded).
 */
public record TuneResult(
        MethodRef target,
        String jvmVersion,
        String jvmVendor,
        String cpu,
        long seed,
        double budgetSeconds,
        double elapsedSeconds,
        Measurement baseline,
        List<VariantResult> variants,
        Decision decision,
        byte[] originalClassBytes,
        int unexplored,
        RunSetup setup,
        String confirmed,
        Map<String, String> notApplied,
        CacheCounts cache,
        Map<String, String> skipped,
        RankSummary ranking) {

    public TuneResult {
        variants = List.copyOf(variants);
        notApplied = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(notApplied, "notApplied")));
        skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped == null ? Map.of() : skipped));
        if (unexplored < 0) {
            throw new IllegalArgumentException("unexplored must be >= 0, got " + unexplored);
        }
        notApplied.forEach((name, why) -> {
            if (why == null || why.isBlank()) {
                throw new IllegalArgumentException("transform " + name + " is listed as not applied without a reason");
            }
        });
        if (confirmed != null && variants.stream().noneMatch(v -> v.variant().id().equals(confirmed))) {
            throw new IllegalArgumentException("confirmed variant " + confirmed + " is not among the variants");
        }
        if (decision instanceof Decision.Swap s && confirmed != null && !confirmed.equals(s.variant().id())) {
            throw new IllegalArgumentException("the swapped variant " + s.variant().id() + " must be the confirmed one, not " + confirmed);
        }
    }

    /** A result without the ranking model's summary. */
    public TuneResult(MethodRef target, String jvmVersion, String jvmVendor, String cpu, long seed,
                      double budgetSeconds, double elapsedSeconds, Measurement baseline, List<VariantResult> variants,
                      Decision decision, byte[] originalClassBytes, int unexplored, RunSetup setup, String confirmed,
                      Map<String, String> notApplied, CacheCounts cache, Map<String, String> skipped) {
        this(target, jvmVersion, jvmVendor, cpu, seed, budgetSeconds, elapsedSeconds, baseline, variants, decision,
                originalClassBytes, unexplored, setup, confirmed, notApplied, cache, skipped, null);
    }

    /** A result without the run's setup, confirmation id, transform explanations or cache (tests, old callers). */
    public TuneResult(MethodRef target, String jvmVersion, String jvmVendor, String cpu, long seed,
                      double budgetSeconds, double elapsedSeconds, Measurement baseline, List<VariantResult> variants,
                      Decision decision, byte[] originalClassBytes, int unexplored) {
        this(target, jvmVersion, jvmVendor, cpu, seed, budgetSeconds, elapsedSeconds, baseline, variants, decision,
                originalClassBytes, unexplored, null, null, Map.of(), null, Map.of(), null);
    }

    /** A result of a run without a measurement cache. */
    public TuneResult(MethodRef target, String jvmVersion, String jvmVendor, String cpu, long seed,
                      double budgetSeconds, double elapsedSeconds, Measurement baseline, List<VariantResult> variants,
                      Decision decision, byte[] originalClassBytes, int unexplored, RunSetup setup, String confirmed,
                      Map<String, String> notApplied) {
        this(target, jvmVersion, jvmVendor, cpu, seed, budgetSeconds, elapsedSeconds, baseline, variants, decision,
                originalClassBytes, unexplored, setup, confirmed, notApplied, null, Map.of(), null);
    }

    /** A result without notes of what the transforms left alone. */
    public TuneResult(MethodRef target, String jvmVersion, String jvmVendor, String cpu, long seed,
                      double budgetSeconds, double elapsedSeconds, Measurement baseline, List<VariantResult> variants,
                      Decision decision, byte[] originalClassBytes, int unexplored, RunSetup setup, String confirmed,
                      Map<String, String> notApplied, CacheCounts cache) {
        this(target, jvmVersion, jvmVendor, cpu, seed, budgetSeconds, elapsedSeconds, baseline, variants, decision,
                originalClassBytes, unexplored, setup, confirmed, notApplied, cache, Map.of(), null);
    }

    /** A result in which every generated variant was verified. */
    public TuneResult(MethodRef target, String jvmVersion, String jvmVendor, String cpu, long seed,
                      double budgetSeconds, double elapsedSeconds, Measurement baseline, List<VariantResult> variants,
                      Decision decision, byte[] originalClassBytes) {
        this(target, jvmVersion, jvmVendor, cpu, seed, budgetSeconds, elapsedSeconds, baseline, variants, decision,
                originalClassBytes, 0);
    }

    public byte[] winnerClassBytes() {
        return decision instanceof Decision.Swap s ? s.variant().classBytes() : null;
    }

    /**
     * The id of the variant the decision is about: the confirmed one, else the swapped one (results
     * built without a confirmation id); null when no variant was confirmed.
     */
    public String decidedVariant() {
        return confirmed != null ? confirmed : decision instanceof Decision.Swap s ? s.variant().id() : null;
    }

    /** The result of the variant the decision is about ({@link #decidedVariant()}), or null. */
    public VariantResult confirmedResult() {
        String id = decidedVariant();
        return id == null ? null : variants.stream().filter(v -> v.variant().id().equals(id)).findFirst().orElse(null);
    }

    /** Variants whose score and speedup come from screening only (short single forks that rank, never decide). */
    public List<VariantResult> screened() {
        String id = decidedVariant();
        return variants.stream().filter(v -> v.speedup() != null && !v.variant().isOriginal()
                && !v.variant().id().equals(id)).toList();
    }

    public long generated() {
        return variants.size() + (long) unexplored;
    }

    public long rejected() {
        return variants.stream().filter(v -> !v.verdict().passed()).count();
    }

    public long measured() {
        return variants.stream().filter(v -> v.measurement() != null).count();
    }
}
