package dev.selftune.selftest;

import dev.selftune.samples.selftest.SampleBusy;

/** Stands for an own method (a verifier's call) that spends its time inside the sample code it calls. */
public final class OwnCaller {
    private OwnCaller() { }

    public static long callSample(long[] a) {
        return SampleBusy.spin(a, 200);
    }
}
