package dev.selftune.samples;

import dev.selftune.samples.inputs.Rows;
import java.util.Random;

/**
 * Summary statistics: the exact sum of squares of ints, and the population variance of doubles
 * (two-pass: mean first, then squared deviations).
 *
 * <p>Run: {@code java -cp samples/target/samples.jar dev.selftune.samples.Statistics 65536}
 *
 * <p>{@link #variance} is tuned with {@code --allow-fp-reassociation 1e-9}: it is a statistic, and a
 * relative change of 1e-9 from summing in a different order is noise a user accepts.
 * {@link #sumOfSquares} needs no opt-in: long arithmetic is exact in any order.
 */
public final class Statistics {
    private Statistics() {
    }

    /*
     * Implementation note: both are reductions with one accumulator. For sumOfSquares the widening
     * int→long multiply-add is associative and commutative (wrapping), so k accumulators are exact.
     * For variance each pass is an FP sum; the two-pass form is the numerically sound textbook one
     * (Welford is the one-pass alternative), and the accumulators are what a tuner may split.
     */

    /**
     * Returns {@code Σ a[i]²} in long arithmetic: exact for values within ±65535 at any array length,
     * wrapping like long addition beyond 2^63 (three squares near ±2^31 already do).
     */
    public static long sumOfSquares(int[] a) {
        long sum = 0;
        for (int x : a) {
            sum += (long) x * x;
        }
        return sum;
    }

    /** Returns the population variance {@code Σ (a[i] − mean)² / n}, or NaN for an empty array. */
    public static double variance(double[] a) {
        if (a.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i];
        }
        double mean = sum / a.length;
        double squares = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - mean;
            squares += d * d;
        }
        return squares / a.length;
    }

    public static void main(String[] args) {
        int n = Demo.sizeArg(args, 65536);
        Random rnd = new Random(42);
        int[] ints = new int[n];
        for (int i = 0; i < n; i++) {
            ints[i] = rnd.nextInt(2001) - 1000;
        }
        double[] doubles = Rows.doubles(rnd, n);
        Demo.time("sumOfSquares(" + n + ")", () -> sumOfSquares(ints));
        Demo.time("variance(" + n + ")", () -> variance(doubles));
    }
}
