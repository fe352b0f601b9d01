package dev.selftune.generate.nestspecimens;

/** Nested-loop methods written the way a developer first writes them; the interchange and hoist tests run on these. */
public final class Nests {
    private Nests() { }

    public static double[][] matmul(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        int p = b.length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < p; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    /** The i-j-k product as a careful developer writes it: shapes validated first, then the triple loop. */
    public static double[][] checkedMatmul(double[][] a, double[][] b) {
        int n = a.length;
        int inner = b.length;
        int m = inner == 0 ? 0 : b[0].length;
        for (int i = 0; i < n; i++) {
            if (a[i].length != inner) {
                throw new IllegalArgumentException("row " + i + " of a has " + a[i].length + " columns");
            }
        }
        for (int k = 0; k < inner; k++) {
            if (b[k].length != m) {
                throw new IllegalArgumentException("row " + k + " of b has " + b[k].length + " columns");
            }
        }
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < inner; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    /** The i-j-k product with a local accumulator per element, the other way it is commonly written. */
    public static double[][] dotMatmul(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += a[i][k] * b[k][j];
                }
                c[i][j] = sum;
            }
        }
        return c;
    }

    public static int[][] dotMatmulInt(int[][] a, int[][] b) {
        int n = a.length;
        int[][] c = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += a[i][k] * b[k][j];
                }
                c[i][j] = sum;
            }
        }
        return c;
    }

    public static double[] dotMatVec(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += a[i][j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }

    /** Must not be interchanged: the accumulator goes into a parameter. */
    public static void dotMatmulInto(double[][] a, double[][] b, double[][] c) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += a[i][k] * b[k][j];
                }
                c[i][j] = sum;
            }
        }
    }

    /** Must not be interchanged: the update reads the array being written (it would see partial sums). */
    public static double[] dotReadsOutput(double[][] a) {
        int n = a.length;
        double[] y = new double[n + 1];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i][j] * y[i + 1];
            }
            y[i] = s;
        }
        return y;
    }

    public static int[][] matmulInt(int[][] a, int[][] b) {
        int n = a.length;
        int[][] c = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    public static double[][] transpose(double[][] a) {
        int n = a.length;
        int m = a[0].length;
        double[][] t = new double[m][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    public static double[] matVec(double[][] a, double[] x) {
        int n = a.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < x.length; j++) {
                y[i] += a[i][j] * x[j];
            }
        }
        return y;
    }

    /** Must not be interchanged: it writes into a parameter, which may alias a or b. */
    public static void matmulInto(double[][] a, double[][] b, double[][] c) {
        int n = c.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
    }

    /** Must not be interchanged: each element reads its left neighbour (a loop-carried dependence). */
    public static double[][] rowPrefix(double[][] a) {
        int n = a.length;
        int m = a[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 1; j < m; j++) {
                c[i][j] += c[i][j - 1] + a[i][j];
            }
        }
        return c;
    }

    /** Must not be interchanged: the inner bound depends on the outer index (triangular). */
    public static double[][] lowerProduct(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < j; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    /** Must not be interchanged: the body calls a method. */
    public static double[][] absProduct(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    c[i][j] += Math.abs(a[i][k] * b[k][j]);
                }
            }
        }
        return c;
    }

    /** Must not be interchanged: one cell accumulates across both loops (order of a float sum). */
    public static double[] total(double[][] a) {
        double[] s = new double[1];
        int n = a.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[0] += a[i][j];
            }
        }
        return s;
    }

    /** Must not be interchanged: the fresh array escapes to a call before the nest. */
    public static double[][] escaped(double[][] a) {
        int n = a.length;
        double[][] c = new double[n][n];
        Nests.keep(c);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[j][i] = a[i][j];
            }
        }
        return c;
    }

    /** Must not be interchanged: both induction variables are read after the nest. */
    public static int ivsLiveAfter(double[][] a) {
        int n = a.length;
        double[][] c = new double[n][n];
        int i;
        int j;
        for (i = 0; i < n; i++) {
            for (j = 0; j < n; j++) {
                c[j][i] = a[i][j];
            }
        }
        return i + c.length;
    }

    /** Hoisting refused: the loop stores rows (AASTORE), so a[r] may change under it. */
    public static double rowsStored(double[][] a, double[][] b, int r) {
        double s = 0;
        for (int j = 0; j < b.length; j++) {
            s += a[r][j];
            b[j] = a[r];
        }
        return s;
    }

    /** Hoisting refused: the loop calls a method. */
    public static double rowsWithCall(double[][] a, int r) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += Math.max(a[r][j], 0.0);
        }
        return s;
    }

    /** Hoisting allowed: the row a[r] and the element w[r][0] are invariant; only a local is written. */
    public static double weightedRow(double[][] a, double[][] w, int r) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[r][j] * w[r][0];
        }
        return s;
    }

    private static double[][] kept;

    /* Instance state for the object-style specimens; the harness fills it from the same seed. */
    private double[][] data;
    private volatile double[][] shared;
    private int size;

    /** Object style: the left operand and the size are fields of this object. */
    public double[][] times(double[][] b) {
        double[][] c = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                for (int k = 0; k < size; k++) {
                    c[i][j] += data[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    /** Must not be interchanged nor hoisted: the left operand is a volatile field (each read is an acquire). */
    public double[][] timesShared(double[][] b) {
        double[][] c = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                for (int k = 0; k < size; k++) {
                    c[i][j] += shared[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    private static void keep(double[][] c) {
        kept = c;
    }
}
