package dev.selftune.agent;

import dev.selftune.api.MethodRef;

/**
 * A hot, eligible method chosen for tuning: which loaded class's method it is, that class (held
 * strongly only while the candidate is handled), the class file it came from and its samples.
 */
record Candidate(LoadedMethod id, Class<?> owner, byte[] classBytes, long samples, long selfSamples, long totalSamples) {
    Candidate {
        classBytes = classBytes.clone();
    }

    @Override
    public byte[] classBytes() {
        return classBytes.clone();
    }

    MethodRef method() {
        return id.method();
    }

    /** The method's share of all execution samples, 0..1. */
    double share() {
        return totalSamples == 0 ? 0 : (double) samples / totalSamples;
    }
}
