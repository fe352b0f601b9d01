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

    /**
     * {@code variantId} was rolled back without being asked: someone else (an IDE's HotSwap, a
     * debugger through JDWP, another agent's redefineClasses) redefined the method's class with a
     * different body, which now runs. Called on the redefining thread: return quickly, never block.
     */
    default void variantDropped(MethodRef method, String variantId, String reason) { }
}
