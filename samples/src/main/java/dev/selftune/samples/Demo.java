package dev.selftune.samples;

import java.util.function.Supplier;

/**
 * Tiny helpers the samples' {@code main} methods share: the size argument and a rough timer (inputs come from {@code inputs.Rows}).
 * Not part of any tuned method; the real measurements live in {@code jmh-benchmarks}.
 */
final class Demo {
    private Demo() {
    }

    static int sizeArg(String[] args, int fallback) {
        return args.length > 0 ? Integer.parseInt(args[0]) : fallback;
    }

    /** Runs {@code work} a few times and prints the last result with its wall time: a smoke run, not a benchmark. */
    static void time(String label, Supplier<Object> work) {
        Object result = null;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            result = work.get();
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("%s = %s (best of 5: %.3f ms; use jmh-benchmarks for real numbers)%n", label, result, best / 1e6);
    }
}
