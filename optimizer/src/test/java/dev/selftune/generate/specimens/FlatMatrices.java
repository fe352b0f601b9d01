package dev.selftune.generate.specimens;

/**
 * Flat row-major {@code double[]} matrices with computed indices, written the way linear-algebra
 * libraries write them (EJML's {@code mult_small}): a {@code while} inner loop with derived
 * induction variables. The side n is √(a.length), so short b or c arrays throw part-way.
 */
public final class FlatMatrices {
    private FlatMatrices() { }

    /** c = a·b (n×n): the i-j-k nest with a per-j reduction and c written in order of j. */
    public static void mult(double[] a, double[] b, double[] c) {
        int n = (int) Math.sqrt(a.length);
        int aIndexStart = 0;
        int cIndex = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double total = 0;
                int indexA = aIndexStart;
                int indexB = j;
                int end = indexA + n;
                while (indexA < end) {
                    total += a[indexA++] * b[indexB];
                    indexB += n;
                }
                c[cIndex++] = total;
            }
            aIndexStart += n;
        }
    }

    /** Integer c = a·b, accumulating into c (c += a·b): the epilogue reads and writes c. */
    public static void multAdd(int[] a, int[] b, int[] c) {
        int n = (int) Math.sqrt(c.length);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int total = 0;
                int indexA = i * n;
                int indexB = j;
                int end = indexA + n;
                while (indexA < end) {
                    total += a[indexA++] * b[indexB];
                    indexB += n;
                }
                c[i * n + j] += total;
            }
        }
    }

    /**
     * Column sums of an n×n row-major matrix into a caller's array, the column-order walk a statistics
     * library writes: the inner loop strides down a column, 's += m[r * n + c]' with no product.
     */
    public static void columnSums(double[] m, double[] sums) {
        int n = (int) Math.sqrt(m.length);
        for (int c = 0; c < n; c++) {
            double s = 0;
            for (int r = 0; r < n; r++) {
                s += m[r * n + c];
            }
            sums[c] = s;
        }
    }

    /** Column sums of squares in int arithmetic: both factors of the product vary with the column. */
    public static void columnSquares(int[] m, int[] out) {
        int n = (int) Math.sqrt(m.length);
        for (int c = 0; c < n; c++) {
            int s = 1;
            for (int r = 0; r < n; r++) {
                s += m[r * n + c] * m[r * n + c];
            }
            out[c] = s;
        }
    }

    /** Every out[c] gets the same sum of the first column: what is added does not depend on c. */
    public static void repeatedSum(double[] m, double[] out) {
        int n = (int) Math.sqrt(m.length);
        for (int c = 0; c < n; c++) {
            double s = 0;
            for (int r = 0; r < n; r++) {
                s += m[r * n];
            }
            out[c] = s;
        }
    }

    /** The lower triangle of a·b: the inner trip count depends on j, so the copies cannot share one test. */
    public static void lowerTriangle(double[] a, double[] b, double[] c) {
        int n = (int) Math.sqrt(a.length);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double total = 0;
                int indexA = i * n;
                int indexB = j;
                int end = indexA + j + 1;
                while (indexA < end) {
                    total += a[indexA++] * b[indexB];
                    indexB += n;
                }
                c[i * n + j] = total;
            }
        }
    }

    /** Scales each column of a by b[j] in place: the inner loop writes memory, so jamming would reorder stores. */
    public static void scaleColumns(double[] a, double[] b) {
        int n = (int) Math.sqrt(a.length);
        for (int j = 0; j < n; j++) {
            double s = b[j];
            int index = j;
            int end = j + n * n;
            while (index < end) {
                a[index] *= s;
                index += n;
            }
        }
    }

    /** Column dot products while a limit the body lowers holds: the j loop's bound changes in its body. */
    public static int shrinkingBound(double[] a, double[] c) {
        int n = (int) Math.sqrt(a.length);
        int limit = n;
        for (int j = 0; j < limit; j++) {
            double total = 0;
            int indexA = 0;
            int indexB = j;
            while (indexA < n) {
                total += a[indexA++] * a[indexB];
                indexB += n;
            }
            c[j] = total;
            limit -= (int) total & 1;
        }
        return limit;
    }

    /** A bottom-tested loop, as do-while and Kotlin's for (i in 0 until n) compile: the test after the body. */
    public static int doWhileSum(int[] a) {
        int s = 0;
        if (a.length > 0) {
            int i = 0;
            do {
                s += a[i];
                i++;
            } while (i < a.length);
        }
        return s;
    }

    /** A sum over a long induction variable. */
    public static long longIndexSum(int[] a) {
        long sum = 0;
        for (long i = 0; i < a.length; i++) {
            sum += a[(int) i];
        }
        return sum;
    }
}
