package dev.selftune.generate.specimens;

/**
 * Loops that call a same-class helper too big for C2 to inline at a hot call (over 325 bytecode
 * bytes): the shapes {@code inline} copies into the caller. Helpers throw mid-loop, catch, return
 * from several places, take two-slot arguments, and run on a receiver that may be null.
 */
public final class Inlining {
    private int bias = 3;

    private Inlining() { }

    public static int mixAll(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += mix(a[i], i);
        }
        return s;
    }

    /* Writes a[i] before each call, so an exception thrown mid-loop leaves a half-written array. */
    public static int throwsMidLoop(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            int x = a[i];
            a[i] = s;
            s = divide(x, i, s);
        }
        return s;
    }

    /* The call's sum sits under the arguments on the stack: allowed, the helper has no handler. */
    public static int severalReturns(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s = s + classify(a[i], i);
        }
        return s;
    }

    public static int caught(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            int v = lookup(a, a[i] & 127);
            s += v;
        }
        return s;
    }

    public static double wide(double[] d, int seed) {
        double acc = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = step(d[i], (long) seed * 1_000_003L + i, i);
            acc += d[i];
        }
        return acc;
    }

    /* Even lengths call the helper on a fresh receiver, odd ones on null: NullPointerException after a[0] is written. */
    public static int nullReceiver(int[] a) {
        Inlining w = a.length % 2 == 0 ? new Inlining() : null;
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            a[i] = a[i] + 1;
            s += w.weigh(a[i], i);
        }
        return s;
    }

    public int weighAll(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s ^= weigh(a[i], i);
        }
        return s;
    }

    private static int mix(int x, int i) {
        int h = x + i;
        h = h * 31 + (x ^ (h >>> 3));
        h = h * 33 + (x ^ (h >>> 4));
        h = h * 35 + (x ^ (h >>> 5));
        h = h * 37 + (x ^ (h >>> 6));
        h = h * 39 + (x ^ (h >>> 7));
        h = h * 41 + (x ^ (h >>> 8));
        h = h * 43 + (x ^ (h >>> 9));
        h = h * 45 + (x ^ (h >>> 10));
        h = h * 47 + (x ^ (h >>> 11));
        h = h * 49 + (x ^ (h >>> 12));
        h = h * 51 + (x ^ (h >>> 13));
        h = h * 53 + (x ^ (h >>> 14));
        h = h * 55 + (x ^ (h >>> 15));
        h = h * 57 + (x ^ (h >>> 3));
        h = h * 59 + (x ^ (h >>> 4));
        h = h * 61 + (x ^ (h >>> 5));
        h = h * 63 + (x ^ (h >>> 6));
        h = h * 65 + (x ^ (h >>> 7));
        h = h * 67 + (x ^ (h >>> 8));
        h = h * 69 + (x ^ (h >>> 9));
        h = h * 71 + (x ^ (h >>> 10));
        h = h * 73 + (x ^ (h >>> 11));
        h = h * 75 + (x ^ (h >>> 12));
        h = h * 77 + (x ^ (h >>> 13));
        h = h * 79 + (x ^ (h >>> 14));
        h = h * 81 + (x ^ (h >>> 15));
        h = h * 83 + (x ^ (h >>> 3));
        h = h * 85 + (x ^ (h >>> 4));
        h = h * 87 + (x ^ (h >>> 5));
        h = h * 89 + (x ^ (h >>> 6));
        h = h * 91 + (x ^ (h >>> 7));
        h = h * 93 + (x ^ (h >>> 8));
        h = h * 95 + (x ^ (h >>> 9));
        h = h * 97 + (x ^ (h >>> 10));
        h = h * 99 + (x ^ (h >>> 11));
        h = h * 101 + (x ^ (h >>> 12));
        return h;
    }

    private static int divide(int x, int i, int s) {
        int h = x ^ i;
        h = h * 31 + (i ^ (h >>> 3));
        h = h * 33 + (i ^ (h >>> 4));
        h = h * 35 + (i ^ (h >>> 5));
        h = h * 37 + (i ^ (h >>> 6));
        h = h * 39 + (i ^ (h >>> 7));
        h = h * 41 + (i ^ (h >>> 8));
        h = h * 43 + (i ^ (h >>> 9));
        h = h * 45 + (i ^ (h >>> 10));
        h = h * 47 + (i ^ (h >>> 11));
        h = h * 49 + (i ^ (h >>> 12));
        h = h * 51 + (i ^ (h >>> 13));
        h = h * 53 + (i ^ (h >>> 14));
        h = h * 55 + (i ^ (h >>> 15));
        h = h * 57 + (i ^ (h >>> 3));
        h = h * 59 + (i ^ (h >>> 4));
        h = h * 61 + (i ^ (h >>> 5));
        h = h * 63 + (i ^ (h >>> 6));
        h = h * 65 + (i ^ (h >>> 7));
        h = h * 67 + (i ^ (h >>> 8));
        h = h * 69 + (i ^ (h >>> 9));
        h = h * 71 + (i ^ (h >>> 10));
        h = h * 73 + (i ^ (h >>> 11));
        h = h * 75 + (i ^ (h >>> 12));
        h = h * 77 + (i ^ (h >>> 13));
        h = h * 79 + (i ^ (h >>> 14));
        h = h * 81 + (i ^ (h >>> 15));
        h = h * 83 + (i ^ (h >>> 3));
        h = h * 85 + (i ^ (h >>> 4));
        h = h * 87 + (i ^ (h >>> 5));
        h = h * 89 + (i ^ (h >>> 6));
        h = h * 91 + (i ^ (h >>> 7));
        h = h * 93 + (i ^ (h >>> 8));
        return s + h / ((x + i) % 5);
    }

    private static int classify(int x, int i) {
        int h = x * 7 + i;
        if (x < -50) {
            return h;
        }
        h = h * 31 + (x ^ (h >>> 3));
        h = h * 33 + (x ^ (h >>> 4));
        h = h * 35 + (x ^ (h >>> 5));
        h = h * 37 + (x ^ (h >>> 6));
        h = h * 39 + (x ^ (h >>> 7));
        h = h * 41 + (x ^ (h >>> 8));
        h = h * 43 + (x ^ (h >>> 9));
        h = h * 45 + (x ^ (h >>> 10));
        h = h * 47 + (x ^ (h >>> 11));
        h = h * 49 + (x ^ (h >>> 12));
        h = h * 51 + (x ^ (h >>> 13));
        h = h * 53 + (x ^ (h >>> 14));
        h = h * 55 + (x ^ (h >>> 15));
        h = h * 57 + (x ^ (h >>> 3));
        h = h * 59 + (x ^ (h >>> 4));
        h = h * 61 + (x ^ (h >>> 5));
        if (x > 50) {
            return -h;
        }
        h = h * 31 + (i ^ (h >>> 3));
        h = h * 33 + (i ^ (h >>> 4));
        h = h * 35 + (i ^ (h >>> 5));
        h = h * 37 + (i ^ (h >>> 6));
        h = h * 39 + (i ^ (h >>> 7));
        h = h * 41 + (i ^ (h >>> 8));
        h = h * 43 + (i ^ (h >>> 9));
        h = h * 45 + (i ^ (h >>> 10));
        h = h * 47 + (i ^ (h >>> 11));
        h = h * 49 + (i ^ (h >>> 12));
        h = h * 51 + (i ^ (h >>> 13));
        h = h * 53 + (i ^ (h >>> 14));
        h = h * 55 + (i ^ (h >>> 15));
        h = h * 57 + (i ^ (h >>> 3));
        h = h * 59 + (i ^ (h >>> 4));
        h = h * 61 + (i ^ (h >>> 5));
        if ((h & 1) == 0) {
            return h >>> 3;
        }
        return h ^ x;
    }

    private static int lookup(int[] a, int k) {
        int h = k;
        try {
        h = h * 31 + (k ^ (h >>> 3));
        h = h * 33 + (k ^ (h >>> 4));
        h = h * 35 + (k ^ (h >>> 5));
        h = h * 37 + (k ^ (h >>> 6));
        h = h * 39 + (k ^ (h >>> 7));
        h = h * 41 + (k ^ (h >>> 8));
        h = h * 43 + (k ^ (h >>> 9));
        h = h * 45 + (k ^ (h >>> 10));
        h = h * 47 + (k ^ (h >>> 11));
        h = h * 49 + (k ^ (h >>> 12));
        h = h * 51 + (k ^ (h >>> 13));
        h = h * 53 + (k ^ (h >>> 14));
        h = h * 55 + (k ^ (h >>> 15));
        h = h * 57 + (k ^ (h >>> 3));
        h = h * 59 + (k ^ (h >>> 4));
        h = h * 61 + (k ^ (h >>> 5));
        h = h * 63 + (k ^ (h >>> 6));
        h = h * 65 + (k ^ (h >>> 7));
        h = h * 67 + (k ^ (h >>> 8));
        h = h * 69 + (k ^ (h >>> 9));
        h = h * 71 + (k ^ (h >>> 10));
        h = h * 73 + (k ^ (h >>> 11));
        h = h * 75 + (k ^ (h >>> 12));
        h = h * 77 + (k ^ (h >>> 13));
        h = h * 79 + (k ^ (h >>> 14));
        h = h * 81 + (k ^ (h >>> 15));
        h = h * 83 + (k ^ (h >>> 3));
        h = h * 85 + (k ^ (h >>> 4));
        h = h * 87 + (k ^ (h >>> 5));
        h = h * 89 + (k ^ (h >>> 6));
        h = h * 91 + (k ^ (h >>> 7));
        h = h * 93 + (k ^ (h >>> 8));
        h = h * 95 + (k ^ (h >>> 9));
        h = h * 97 + (k ^ (h >>> 10));
            return h + a[k];
        } catch (ArrayIndexOutOfBoundsException e) {
            return h - 1;
        }
    }

    private static double step(double v, long s, int i) {
        double x = v + i;
        x = x * 1.0 + (s ^ (s >>> 5)) * 1e-9 - x / 3;
        x = x * 1.015625 + (s ^ (s >>> 6)) * 1e-9 - x / 4;
        x = x * 1.03125 + (s ^ (s >>> 7)) * 1e-9 - x / 5;
        x = x * 1.046875 + (s ^ (s >>> 8)) * 1e-9 - x / 6;
        x = x * 1.0625 + (s ^ (s >>> 9)) * 1e-9 - x / 7;
        x = x * 1.078125 + (s ^ (s >>> 10)) * 1e-9 - x / 8;
        x = x * 1.09375 + (s ^ (s >>> 11)) * 1e-9 - x / 9;
        x = x * 1.109375 + (s ^ (s >>> 12)) * 1e-9 - x / 10;
        x = x * 1.125 + (s ^ (s >>> 13)) * 1e-9 - x / 11;
        x = x * 1.140625 + (s ^ (s >>> 14)) * 1e-9 - x / 12;
        x = x * 1.15625 + (s ^ (s >>> 15)) * 1e-9 - x / 13;
        x = x * 1.171875 + (s ^ (s >>> 16)) * 1e-9 - x / 14;
        x = x * 1.1875 + (s ^ (s >>> 17)) * 1e-9 - x / 15;
        x = x * 1.203125 + (s ^ (s >>> 18)) * 1e-9 - x / 16;
        return x;
    }

    private int weigh(int x, int i) {
        int h = x + bias;
        h = h * 31 + (i ^ (h >>> 3));
        h = h * 33 + (i ^ (h >>> 4));
        h = h * 35 + (i ^ (h >>> 5));
        h = h * 37 + (i ^ (h >>> 6));
        h = h * 39 + (i ^ (h >>> 7));
        h = h * 41 + (i ^ (h >>> 8));
        h = h * 43 + (i ^ (h >>> 9));
        h = h * 45 + (i ^ (h >>> 10));
        h = h * 47 + (i ^ (h >>> 11));
        h = h * 49 + (i ^ (h >>> 12));
        h = h * 51 + (i ^ (h >>> 13));
        h = h * 53 + (i ^ (h >>> 14));
        h = h * 55 + (i ^ (h >>> 15));
        h = h * 57 + (i ^ (h >>> 3));
        h = h * 59 + (i ^ (h >>> 4));
        h = h * 61 + (i ^ (h >>> 5));
        h = h * 63 + (i ^ (h >>> 6));
        h = h * 65 + (i ^ (h >>> 7));
        h = h * 67 + (i ^ (h >>> 8));
        h = h * 69 + (i ^ (h >>> 9));
        h = h * 71 + (i ^ (h >>> 10));
        h = h * 73 + (i ^ (h >>> 11));
        h = h * 75 + (i ^ (h >>> 12));
        h = h * 77 + (i ^ (h >>> 13));
        h = h * 79 + (i ^ (h >>> 14));
        h = h * 81 + (i ^ (h >>> 15));
        h = h * 83 + (i ^ (h >>> 3));
        h = h * 85 + (i ^ (h >>> 4));
        h = h * 87 + (i ^ (h >>> 5));
        h = h * 89 + (i ^ (h >>> 6));
        h = h * 91 + (i ^ (h >>> 7));
        h = h * 93 + (i ^ (h >>> 8));
        h = h * 95 + (i ^ (h >>> 9));
        h = h * 97 + (i ^ (h >>> 10));
        bias = h & 7;
        return h;
    }
}
