package dev.selftune.api;

import java.util.List;

/**
 * Everything one tuning run found, with its evidence: where it ran, the baseline, every variant
 * verified and the decision; {@code unexplored} counts generated variants the budget never reached;
 * {@code cache} the measurement cache's hits and misses, null when the run used no cache.
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
        CacheCounts cache) {

    public TuneResult {
        variants = List.copyOf(variants);
        if (unexplored < 0) {
            throw new IllegalArgumentException("unexplored must be >= 0, got " + unexplored);
        }
    }

    /** A result of a run without a measurement cache. */
    public TuneResult(MethodRef target, String jvmVersion, String jvmVendor, String cpu, long seed,
                      double budgetSeconds, double elapsedSeconds, Measurement baseline, List<VariantResult> variants,
                      Decision decision, byte[] originalClassBytes, int unexplored) {
        this(target, jvmVersion, jvmVendor, cpu, seed, budgetSeconds, elapsedSeconds, baseline, variants, decision,
                originalClassBytes, unexplored, null);
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
