package dev.selftune.meta;

/**
 * What tuning one target under a policy reached: the confirmed speedup with its interval (a keep is
 * 1.0 [1.0, 1.0]: the original runs), the JMH forks the policy needed (screening measurements,
 * cached or not, times its screenForks, plus both sides of every confirmation pair), how many screening
 * measurements the cache answered and how many ran forks, and the decision. {@code winnerAt} is the
 * swapped variant's place among the {@code screened} variants in the order the search measured
 * them (1 = first; 0 for a keep or when not recorded), and {@code firstRoundRank} its place when the
 * screened variants are sorted by their first screening round alone, counting only those ahead of it
 * by more than its own fork-to-fork spread (1 = led or tied; 0 when not recorded): where the later
 * rounds of successive halving only broke ties, or changed nothing, it is 1. {@code generatedAt} is the
 * winner's place among the screened variants in the order the generator proposed them (with the lineage
 * screening order the chains of clear losers are screened after later-generated variants, so it can be
 * later than {@code winnerAt}). All three are the evidence {@link PolicyMutator#informed} proposes from.
 * {@code reason} is tune's reason for a keep (why no variant was swapped, with its advice), null for a swap
 * or when not recorded: a keep after one measurement is otherwise a number nobody can act on.
 */
public record TargetScore(String target, double speedup, double low, double high, long measurements,
                          long cacheHits, long cacheMisses, String decision, int winnerAt, int screened,
                          int firstRoundRank, int generatedAt, String reason) {
    /** A score without a reason (a swap, or a keep whose reason was not recorded). */
    public TargetScore(String target, double speedup, double low, double high, long measurements,
                       long cacheHits, long cacheMisses, String decision, int winnerAt, int screened,
                       int firstRoundRank, int generatedAt) {
        this(target, speedup, low, high, measurements, cacheHits, cacheMisses, decision, winnerAt, screened,
                firstRoundRank, generatedAt, null);
    }

    /** A score without the search evidence (where the winner was found): winnerAt, screened and firstRoundRank 0. */
    public TargetScore(String target, double speedup, double low, double high, long measurements,
                       long cacheHits, long cacheMisses, String decision) {
        this(target, speedup, low, high, measurements, cacheHits, cacheMisses, decision, 0, 0, 0, 0);
    }

    /** A score without the first round's rank (0). */
    public TargetScore(String target, double speedup, double low, double high, long measurements,
                       long cacheHits, long cacheMisses, String decision, int winnerAt, int screened) {
        this(target, speedup, low, high, measurements, cacheHits, cacheMisses, decision, winnerAt, screened, 0, winnerAt);
    }

    /** A score whose winner was screened in the order generated ({@code generatedAt} = {@code winnerAt}). */
    public TargetScore(String target, double speedup, double low, double high, long measurements,
                       long cacheHits, long cacheMisses, String decision, int winnerAt, int screened, int firstRoundRank) {
        this(target, speedup, low, high, measurements, cacheHits, cacheMisses, decision, winnerAt, screened, firstRoundRank, winnerAt);
    }

    public TargetScore {
        if (winnerAt < 0 || screened < 0 || winnerAt > Math.max(screened, 0) && screened > 0) {
            throw new IllegalArgumentException("target " + target + ": winnerAt " + winnerAt + " must be in 0.." + screened);
        }
        if (generatedAt < 0 || generatedAt > Math.max(screened, 0) && screened > 0 || (generatedAt == 0) != (winnerAt == 0)) {
            throw new IllegalArgumentException("target " + target + ": generatedAt " + generatedAt + " must be in 1.." + screened
                    + " when winnerAt is (" + winnerAt + "), else 0");
        }
        if (firstRoundRank < 0 || firstRoundRank > screened) {
            throw new IllegalArgumentException("target " + target + ": firstRoundRank " + firstRoundRank
                    + " must be in 0.." + screened + " (the screened variants)");
        }
        if (!(low > 0) || !(low <= speedup) || !(speedup <= high)) {
            throw new IllegalArgumentException("target " + target + " needs 0 < low <= speedup <= high, got "
                    + speedup + " [" + low + ", " + high + "]");
        }
        if (measurements < 0 || cacheHits < 0 || cacheMisses < 0) {
            throw new IllegalArgumentException("target " + target + ": measurements and cache counts must be >= 0");
        }
    }

    /** The original kept: no speedup, whatever the screening saw. */
    public static TargetScore keep(String target, long measurements, long cacheHits, long cacheMisses) {
        return keep(target, measurements, cacheHits, cacheMisses, null);
    }

    /** The original kept, with tune's reason. */
    public static TargetScore keep(String target, long measurements, long cacheHits, long cacheMisses, String reason) {
        return new TargetScore(target, 1.0, 1.0, 1.0, measurements, cacheHits, cacheMisses, "keep-original", 0, 0, 0, 0, reason);
    }
}
