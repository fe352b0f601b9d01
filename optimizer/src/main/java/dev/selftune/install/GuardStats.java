package dev.selftune.install;

import java.time.Duration;

/**
 * What crossed a method's call site since its last swap or rollback: {@code calls} is counted only
 * while a swapped variant is on probation (-1 otherwise), {@code exceptions} always.
 */
public record GuardStats(String variantId, long calls, long exceptions, Duration since) {
    public GuardStats {
        if (variantId == null || variantId.isBlank()) {
            throw new IllegalArgumentException("variantId is empty");
        }
    }

    public boolean countingCalls() {
        return calls >= 0;
    }
}
