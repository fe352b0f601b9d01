package dev.selftune.generate.specimens;

/**
 * Loop calls {@code inline} must refuse, each for one reason: a recursive helper, a native and an
 * overridable callee, and a
 * helper C2 inlines already, an object under construction on the stack; and two
 * helpers of different sizes in one loop. Only inspected, never run (the native method has no body).
 */
public abstract class InliningRefusals {
    public static int recursive(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += walk(a[i], 3);
        }
        return s;
    }

    public static int callsNative(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += nat(a[i]);
        }
        return s;
    }

    public int callsAbstract(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += abs(a[i]);
        }
        return s;
    }

    public static int callsTiny(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += tiny(a[i]);
        }
        return s;
    }

    public static int noLoop(int[] a) {
        return guarded(a, 0);
    }

    /* The helper's result is a constructor argument: the new object is on the stack under the call. */
    public static int underConstruction(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += new StringBuilder(big(a[i])).capacity();
        }
        return s;
    }

    /* Offered twice: the helper C2 refuses even at a hot site (big) before the one it inlines when hot (medium). */
    public static int twoSizes(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += medium(a[i]);
            s += big(a[i]);
        }
        return s;
    }

    private static int medium(int x) {
        int h = x;
        h = h * 31 + (x ^ (h >>> 3));
        h = h * 33 + (x ^ (h >>> 4));
        h = h * 35 + (x ^ (h >>> 5));
        h = h * 37 + (x ^ (h >>> 6));
        h = h * 39 + (x ^ (h >>> 7));
        h = h * 41 + (x ^ (h >>> 8));
        h = h * 43 + (x ^ (h >>> 9));
        h = h * 45 + (x ^ (h >>> 10));
        return h;
    }

    private static int big(int x) {
        int h = x;
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

    private static int walk(int x, int depth) {
        int h = x;
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
        return depth == 0 ? h : walk(h, depth - 1);
    }

    private static int guarded(int[] a, int k) {
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
            return h;
        }
    }

    private static native int nat(int x);

    abstract int abs(int x);

    private static int tiny(int x) {
        return x * 3 + 1;
    }
}
