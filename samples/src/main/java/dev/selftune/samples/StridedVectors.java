package dev.selftune.samples;

import dev.selftune.samples.inputs.Rows;
import java.util.Random;

/**
 * Level-1 BLAS kernels on strided windows of an array, with the signature Java BLAS ports use
 * ({@code dasum(n, x, offX, incX)}, {@code daxpy(n, alpha, x, offX, incX, y, offY, incY)}): the
 * vector is {@code x[off], x[off + inc], …}, so one routine serves a contiguous slice (increment 1)
 * and a column of a row-major matrix (increment = its width).
 *
 * <p>Run: {@code java -cp samples/target/samples.jar dev.selftune.samples.StridedVectors 65536}
 *
 * <p>{@code sum} is tuned with {@code --allow-fp-reassociation 1e-9}, as {@link DotProduct} is: a
 * total over a slice is a quantity whose last bits a caller does not depend on. {@code axpy} is
 * tuned bit-exact (each element of y gets its own single product).
 */
public final class StridedVectors {
    private StridedVectors() {
    }

    /*
     * Implementation note: callers pass an increment of 1 in nearly every call (the reference BLAS
     * even tests for it and has a separate unit-stride loop). Written generally, as here, C2 must
     * compile for any increment: x[ix] with ix += inc is an induction variable of unknown step, so
     * the loop is not vectorised and keeps a range check per access. selftune's value
     * specialisation adds "if (inc == 1)" with 1 folded into a copy of the loop, which is then a
     * plain unit-stride loop; the original code still serves the other calls.
     */

    /**
     * Returns {@code x[offset] + x[offset + stride] + … } ({@code n} terms, left to right; 0 when
     * {@code n <= 0}).
     *
     * @throws ArrayIndexOutOfBoundsException if a term lies outside {@code x}
     */
    public static double sum(double[] x, int offset, int stride, int n) {
        double s = 0;
        int ix = offset;
        for (int i = 0; i < n; i++) {
            s += x[ix];
            ix += stride;
        }
        return s;
    }

    /**
     * {@code y[offY + i·incY] += alpha · x[offX + i·incX]} for {@code i < n}, in increasing {@code i};
     * nothing when {@code n <= 0} or {@code alpha == 0} (as BLAS {@code daxpy}).
     *
     * @throws ArrayIndexOutOfBoundsException if an element lies outside its array (the earlier ones are updated)
     */
    public static void axpy(int n, double alpha, double[] x, int offX, int incX, double[] y, int offY, int incY) {
        if (n <= 0 || alpha == 0) {
            return;
        }
        int ix = offX;
        int iy = offY;
        for (int i = 0; i < n; i++) {
            y[iy] += alpha * x[ix];
            ix += incX;
            iy += incY;
        }
    }

    public static void main(String[] args) {
        int n = Demo.sizeArg(args, 65536);
        Random rnd = new Random(42);
        double[] x = Rows.doubles(rnd, n);
        double[] y = Rows.doubles(rnd, n);
        Demo.time("sum(x, 0, 1, " + n + ")", () -> sum(x, 0, 1, n));
        Demo.time("axpy(" + n + ", 0.5, x, 0, 1, y, 0, 1) y[0]", () -> {
            axpy(n, 0.5, x, 0, 1, y, 0, 1);
            return y[0];
        });
    }
}
