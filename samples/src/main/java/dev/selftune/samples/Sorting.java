package dev.selftune.samples;

import java.util.Arrays;
import dev.selftune.samples.inputs.Rows;
import java.util.Random;

/**
 * Top-down merge sort of an {@code int[]}, with insertion sort below a small cut-off (Sedgewick's
 * textbook version, cut-off 7).
 *
 * <p>Run: {@code java -cp samples/target/samples.jar dev.selftune.samples.Sorting 65536}
 */
public final class Sorting {
    private static final int CUTOFF = 7;

    private Sorting() {
    }

    /*
     * Implementation note: javac folds CUTOFF into the helper as the constant 7 (JLS §13.1), so it
     * is an integer threshold in the bytecode of mergeSort. The best value depends on the machine:
     * insertion sort is branchy but cache-friendly, and every recursion level costs a full copy
     * through aux. Any cut-off ≥ 1 sorts correctly, which is what makes it safe to tune and verify.
     */

    /** Sorts {@code a} in place into ascending order. */
    public static void sort(int[] a) {
        int[] aux = new int[a.length];
        mergeSort(a, aux, 0, a.length - 1);
    }

    private static void mergeSort(int[] a, int[] aux, int lo, int hi) {
        if (hi <= lo + CUTOFF) {
            insertionSort(a, lo, hi);
            return;
        }
        int mid = lo + (hi - lo) / 2;
        mergeSort(a, aux, lo, mid);
        mergeSort(a, aux, mid + 1, hi);
        if (a[mid] <= a[mid + 1]) {
            return;
        }
        merge(a, aux, lo, mid, hi);
    }

    private static void merge(int[] a, int[] aux, int lo, int mid, int hi) {
        System.arraycopy(a, lo, aux, lo, hi - lo + 1);
        int i = lo;
        int j = mid + 1;
        for (int k = lo; k <= hi; k++) {
            if (i > mid) {
                a[k] = aux[j++];
            } else if (j > hi) {
                a[k] = aux[i++];
            } else if (aux[j] < aux[i]) {
                a[k] = aux[j++];
            } else {
                a[k] = aux[i++];
            }
        }
    }

    private static void insertionSort(int[] a, int lo, int hi) {
        for (int i = lo + 1; i <= hi; i++) {
            int x = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > x) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    public static void main(String[] args) {
        int n = Demo.sizeArg(args, 65536);
        int[] data = Rows.ints(new Random(42), n, 0);
        int[] expected = data.clone();
        Arrays.sort(expected);
        Demo.time("sort(" + n + ") agrees with Arrays.sort", () -> {
            int[] copy = data.clone();
            sort(copy);
            return Arrays.equals(copy, expected);
        });
    }
}
