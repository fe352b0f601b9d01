package dev.selftune.meta;

import java.util.List;

/**
 * What a self-improve run found: its request, every archived node, one row per generation, the verdict
 * and, with {@code --tune-self}, self-tuning's run-wide note (null when off or nothing to say).
 */
public record MetaRun(SelfImproveRequest request, List<Node> nodes, List<GenerationRow> generations, String verdict,
                      Archive archive, String selfTuningNote) {
    public MetaRun {
        nodes = List.copyOf(nodes);
        generations = List.copyOf(generations);
    }

    public MetaRun(SelfImproveRequest request, List<Node> nodes, List<GenerationRow> generations, String verdict,
                   Archive archive) {
        this(request, nodes, generations, verdict, archive, null);
    }

    /** Screening measurements the cache answered and ran, over every scoring of the run. */
    long[] cacheCounts() {
        long hits = 0;
        long misses = 0;
        for (Node n : nodes) {
            for (Utility u : new Utility[] {n.train, n.rerun, n.holdout}) {
                if (u != null) {
                    hits += u.cacheHits();
                    misses += u.cacheMisses();
                }
            }
        }
        return new long[] {hits, misses};
    }

    /** The generation rows that adopted a policy. */
    List<GenerationRow> adopted() {
        return generations.stream().filter(GenerationRow::adopted).toList();
    }
}
