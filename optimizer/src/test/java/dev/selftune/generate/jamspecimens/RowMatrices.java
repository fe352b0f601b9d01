package dev.selftune.generate.jamspecimens;

/** Kernels with the bytecode shape of EJML's {@code MatrixMatrixMult_DDRM.mult_small} (0.43.1), on {@link RowMatrix}. */
public final class RowMatrices {
    private RowMatrices() { }

    /** c = a·b, c written through its virtual {@code set(int, double)} in order of j. */
    public static void multSmall(RowMatrix a, RowMatrix b, RowMatrix c) {
        for (int i = 0; i < a.numRows; i++) {
            int cIndex = i * b.numCols;
            int aIndexStart = i * a.numCols;
            for (int j = 0; j < b.numCols; j++) {
                double total = 0;
                int indexA = aIndexStart;
                int indexB = j;
                int end = indexA + b.numRows;
                while (indexA < end) {
                    total += a.data[indexA++] * b.data[indexB];
                    indexB += b.numCols;
                }
                c.set(cIndex++, total);
            }
        }
    }

    /** Like {@link #multSmall}, but the inner loop also counts its steps into c's data: it writes memory. */
    public static void multCounting(RowMatrix a, RowMatrix b, RowMatrix c) {
        for (int i = 0; i < a.numRows; i++) {
            int cIndex = i * b.numCols;
            for (int j = 0; j < b.numCols; j++) {
                double total = 0;
                int indexA = i * a.numCols;
                int indexB = j;
                int end = indexA + b.numRows;
                while (indexA < end) {
                    total += a.data[indexA++] * b.data[indexB];
                    c.data[0] += 1;
                    indexB += b.numCols;
                }
                c.set(cIndex++, total);
            }
        }
    }

    /** Like {@link #multSmall} inside a try block whose handler reports how far the row got. */
    public static int multReportingRow(RowMatrix a, RowMatrix b, RowMatrix c) {
        int j = 0;
        try {
            for (j = 0; j < b.numCols; j++) {
                double total = 0;
                int indexA = 0;
                int indexB = j;
                int end = indexA + b.numRows;
                while (indexA < end) {
                    total += a.data[indexA++] * b.data[indexB];
                    indexB += b.numCols;
                }
                c.set(j, total);
            }
        } catch (RuntimeException e) {
            return -j;
        }
        return j;
    }

    /** Like {@link #multSmall}, but the setter also counts its calls (a field store besides the array store). */
    public static void multCountingSets(RowMatrix a, RowMatrix b, CountingMatrix c) {
        for (int i = 0; i < a.numRows; i++) {
            int cIndex = i * b.numCols;
            for (int j = 0; j < b.numCols; j++) {
                double total = 0;
                int indexA = i * a.numCols;
                int indexB = j;
                int end = indexA + b.numRows;
                while (indexA < end) {
                    total += a.data[indexA++] * b.data[indexB];
                    indexB += b.numCols;
                }
                c.countedSet(cIndex++, total);
            }
        }
    }

    /** Like {@link #multSmall}, but after the inner loop it keeps indexB (which differs per j) in a field of c. */
    public static void multKeepingIndex(RowMatrix a, RowMatrix b, RowMatrix c) {
        for (int i = 0; i < a.numRows; i++) {
            int cIndex = i * b.numCols;
            for (int j = 0; j < b.numCols; j++) {
                double total = 0;
                int indexA = i * a.numCols;
                int indexB = j;
                int end = indexA + b.numRows;
                while (indexA < end) {
                    total += a.data[indexA++] * b.data[indexB];
                    indexB += b.numCols;
                }
                c.set(cIndex++, total + indexB);
            }
        }
    }

    /** c = aT·b with the shape of EJML's multTransA_small: the inner loop runs from j to j + rows*cols, a trip count the same for every j. */
    public static void multTransA(RowMatrix a, RowMatrix b, RowMatrix c) {
        int cIndex = 0;
        for (int i = 0; i < a.numCols; i++) {
            for (int j = 0; j < b.numCols; j++) {
                int indexA = i;
                int indexB = j;
                int end = indexB + b.numRows * b.numCols;
                double total = 0;
                for (; indexB < end; indexB += b.numCols) {
                    total += a.data[indexA] * b.data[indexB];
                    indexA += a.numCols;
                }
                c.set(cIndex++, total);
            }
        }
    }

    /** Like {@link #multTransA}, but the end also moves with j a second time: the trip count depends on j. */
    public static void multTransAShifted(RowMatrix a, RowMatrix b, RowMatrix c) {
        int cIndex = 0;
        for (int i = 0; i < a.numCols; i++) {
            for (int j = 0; j < b.numCols; j++) {
                int indexA = i;
                int indexB = j;
                int end = indexB + j + b.numRows;
                double total = 0;
                for (; indexB < end; indexB += b.numCols) {
                    total += a.data[indexA] * b.data[indexB];
                    indexA += a.numCols;
                }
                c.set(cIndex++, total);
            }
        }
    }
    /**
     * Like {@link #multSmall}, but rows differ in what they read of b: rows 2, 3, 6, 7, .. start one column
     * over, every third row steps b by one less than its width (row 5 starts where row 4 does, with
     * another stride), every fourth row stops one step early. Copies
     * of b's rows that one row made are not the next row's.
     */
    public static void multShifted(RowMatrix a, RowMatrix b, RowMatrix c) {
        for (int i = 0; i < a.numRows; i++) {
            int cIndex = i * b.numCols;
            int shift = (i >> 1) & 1;
            int stride = b.numCols - (i % 3 == 2 ? 1 : 0);
            int steps = b.numRows - (i % 4 == 3 ? 1 : 0);
            for (int j = 0; j < b.numCols - shift; j++) {
                double total = 0;
                int indexA = i * a.numCols;
                int indexB = j + shift;
                int end = indexA + steps;
                while (indexA < end) {
                    total += a.data[indexA++] * b.data[indexB];
                    indexB += stride;
                }
                c.set(cIndex++, total);
            }
        }
    }

    /** Like {@link #multSmall}, but a counter is stored between rows: the loop around the row loop writes memory. */
    public static void multCountingRows(RowMatrix a, RowMatrix b, RowMatrix c, int[] rowsDone) {
        for (int i = 0; i < a.numRows; i++) {
            int cIndex = i * b.numCols;
            for (int j = 0; j < b.numCols; j++) {
                double total = 0;
                int indexA = i * a.numCols;
                int indexB = j;
                int end = indexA + b.numRows;
                while (indexA < end) {
                    total += a.data[indexA++] * b.data[indexB];
                    indexB += b.numCols;
                }
                c.set(cIndex++, total);
            }
            rowsDone[0] = i + 1;
        }
    }
}
