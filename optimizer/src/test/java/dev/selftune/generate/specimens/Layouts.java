package dev.selftune.generate.specimens;

/**
 * Constants of three kinds for tune-constant: a step tied to the data layout (a slicing-by-8 style
 * loop that reads offsets 1..7 explicitly, and its "len > 7" guard), a block size, and a cut-off.
 */
public final class Layouts {
    private Layouts() { }

    /** A byte hash that consumes eight bytes a pass, then the tail one at a time. */
    public static int eightAtATime(byte[] b, int off, int len) {
        int h = 17;
        while (len > 7) {
            h = h * 31 + (b[off] ^ b[off + 1] << 1 ^ b[off + 2] << 2 ^ b[off + 3] << 3
                    ^ b[off + 4] << 4 ^ b[off + 5] << 5 ^ b[off + 6] << 6 ^ b[off + 7] << 7);
            off += 8;
            len -= 8;
        }
        while (len > 0) {
            h = h * 31 + b[off];
            off++;
            len--;
        }
        return h;
    }

    /** Doubles every element, 64 at a time: the 64 is a block size, free to tune. */
    public static void blocked(double[] a) {
        int n = a.length;
        for (int ii = 0; ii < n; ii += 64) {
            int end = Math.min(ii + 64, n);
            for (int i = ii; i < end; i++) {
                a[i] = a[i] * 2;
            }
        }
    }

    /** A cut-off between two exact paths: insertion sort below 47 elements, the library sort above. */
    public static void sortWithCutoff(int[] a) {
        if (a.length < 47) {
            for (int i = 1; i < a.length; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= 0 && a[j] > x) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
        } else {
            java.util.Arrays.sort(a);
        }
    }
}
