package dev.selftune.samples;

import dev.selftune.samples.inputs.Rows;
import java.util.Random;

/**
 * Dot product of two vectors, one accumulator, left to right.
 *
 * <p>Run: {@code java -cp samples/target/samples.jar dev.selftune.samples.DotProduct 65536}
 *
 * <p>Tuned with {@code --allow-fp-reassociation 1e-9}: splitting the sum into several accumulators
 * changes the rounding, and for a similarity score or an analytics total a relative error of 1e-9
 * is a change a user would reasonably accept. Without that opt-in selftune keeps the order.
 */
public final class DotProduct {
    private DotProduct() {
    }

    /*
     * Implementation note: the single accumulator is a loop-carried dependency, so each iteration
     * waits for the previous floating-point add (about 4 cycles of latency); C2 does not reorder FP
     * adds because IEEE 754 addition is not associative. Several independent accumulators let the
     * adds overlap, which only a caller who accepts reassociation may ask for.
     */

    /**
     * Returns {@code Σ a[i]·b[i]}.
     *
     * @throws IllegalArgumentException if the vectors differ in length
     */
    public static double dot(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors differ in length: " + a.length + " vs " + b.length);
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    public static void main(String[] args) {
        int n = Demo.sizeArg(args, 65536);
        Random rnd = new Random(42);
        double[] a = Rows.doubles(rnd, n);
        double[] b = Rows.doubles(rnd, n);
        Demo.time("dot(" + n + ")", () -> dot(a, b));
    }
}
