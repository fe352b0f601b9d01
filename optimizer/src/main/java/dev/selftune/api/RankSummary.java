package dev.selftune.api;

/**
 * What the ranking model did in one run: whether the policy turned it on, where it is kept
 * ({@code modelFile}, null without a cache directory), how many examples it had and whether that
 * was enough to rank ({@code fitted}), how many variants it ranked out of screening, how many
 * explorers it let through anyway and how many were screened past the cut because one of the last two
 * screened set a new best or nothing screened had paid ({@code extended}, the policy's {@code rankExtend}), the JMH
 * forks the run spent screening and confirming, and a one-line {@code note} saying why it ranked or not.
 */
public record RankSummary(boolean enabled, String modelFile, int examples, boolean fitted, int candidates,
                          int rankedOut, int explored, int extended, int screeningForks, int confirmationForks, String note) {
    public RankSummary {
        if (examples < 0 || candidates < 0 || rankedOut < 0 || explored < 0 || extended < 0 || screeningForks < 0
                || confirmationForks < 0) {
            throw new IllegalArgumentException("ranking counts must be >= 0");
        }
        if (rankedOut > candidates) {
            throw new IllegalArgumentException("ranked out " + rankedOut + " of only " + candidates + " candidates");
        }
    }
}
