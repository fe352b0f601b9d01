package dev.selftune.measure;

import java.util.function.IntConsumer;

/**
 * Fork pairs of one baseline and one candidate, measured a batch at a time and kept: each call adds
 * {@code pairs} fresh interleaved pairs and returns the confirmation over every pair so far.
 */
@FunctionalInterface
public interface PairSource {
    /** Measures {@code pairs} more pairs (telling {@code forkDone} each finished fork) and returns all pairs so far. */
    Confirmation addPairs(int pairs, IntConsumer forkDone);
}
