package dev.selftune.generate.specimens;

/** Loop shapes the generate conformance suite runs every transform against. */
public final class Loops {
    private Loops() { }

    public static int intSum(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }

    public static long longSum(long[] a) {
        long s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }

    public static double doubleSum(double[] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }

    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    public static long intDot(int[] a, int[] b) {
        long s = 0;
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            s += (long) a[i] * b[i];
        }
        return s;
    }

    public static int hashString(String s) {
        int h = 0;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }

    public static int hashBytes(byte[] a) {
        int h = 1;
        for (int i = 0; i < a.length; i++) {
            h = h * 31 + a[i];
        }
        return h;
    }

    public static long hashLongs(long[] a) {
        long h = 17;
        for (int i = 0; i < a.length; i++) {
            h = a[i] + 1000003L * h;
        }
        return h;
    }

    public static int breakContinue(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0) {
                continue;
            }
            if (a[i] % 97 == 42) {
                break;
            }
            s += a[i];
        }
        return s;
    }

    public static int nested(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < i; j++) {
                s += a[i] ^ a[j];
            }
        }
        return s;
    }

    public static int withCall(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s ^= mix(a[i]);
        }
        return s + helperSum(a);
    }

    private static int mix(int x) {
        return x * 0x9E3779B9 + (x >>> 7);
    }

    private static int helperSum(int[] a) {
        int s = 0;
        for (int i = 1; i < a.length; i += 2) {
            s += a[i] * i;
        }
        return s;
    }

    public static int stepped(int[] a) {
        int s = 7;
        for (int i = 2; i < a.length; i += 3) {
            s *= a[i] | 1;
        }
        return s;
    }

    public static int boundChanges(int[] a) {
        int n = a.length;
        int s = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] < 0) {
                n--;
            }
            s += a[i];
        }
        return s;
    }

    public static int whileLoop(int[] a) {
        int i = 0;
        int s = -1;
        while (i < a.length) {
            s &= a[i] | 0x100;
            i++;
        }
        return s;
    }

    public static int countDown(int[] a) {
        int h = 0;
        for (int i = a.length - 1; i >= 0; i--) {
            h = 3 * h + a[i];
        }
        return h;
    }

    public static int countPositive(int[] a) {
        int c = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > 0) {
                c++;
            }
        }
        return c;
    }

    public static long sumRange(int lo, int len) {
        int hi = (int) Math.min((long) lo + (len & 63), Integer.MAX_VALUE);
        long s = 0;
        for (int i = lo; i < hi; i++) {
            s -= i;
        }
        return s;
    }

    public static int prefix(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
            a[i] = s;
        }
        return s;
    }

    public static int guarded(int[] a) {
        int s = 0;
        try {
            for (int i = 0; i <= a.length; i++) {
                s += a[i];
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            return s;
        }
        return -s;
    }

    public static float floatSum(float[] a) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * 0.5f;
        }
        return s;
    }

    public static int earlyReturn(int[] a, int key) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == key) {
                return i;
            }
        }
        return -1;
    }

    public static int maxInt(int[] a) {
        int m = Integer.MIN_VALUE + 1;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, a[i] >> 1);
        }
        return m;
    }

    public static double minDouble(double[] a) {
        double m = 1e9;
        for (int i = 0; i < a.length; i++) {
            m = Math.min(a[i], m);
        }
        return m;
    }

    public static int hashForEach(int[] a) {
        int h = 1;
        for (int e : a) {
            h = 31 * h + e;
        }
        return h;
    }
}
