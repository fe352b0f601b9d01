package dev.selftune.install;

import dev.selftune.api.MethodRef;

/**
 * Hears about exceptions that leave a prepared method, so a guard can roll back a regressing
 * variant. Called on the application thread that threw: return quickly, never block.
 */
@FunctionalInterface
public interface SwapListener {
    /** {@code thrown} is leaving {@code method} while {@code variantId} ("original" included) is active. */
    void exceptionCrossed(MethodRef method, String variantId, Throwable thrown);
}
