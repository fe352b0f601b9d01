import java.util.Random;

/**
 * Arguments for fastutil's {@code IntArrays.quickSort(int[])}: random keys, keys with many duplicates and
 * nearly sorted runs, 100 to 100 000 elements. {@code rows()} is the provider; {@code rows(seed)} gives fresh inputs.
 */
public final class QuickSortRows {
    private QuickSortRows() { }

    public static Object[][] rows() {
        return rows(1);
    }

    public static Object[][] rows(long seed) {
        Random r = new Random(seed);
        int[] sizes = {100, 2_000, 30_000, 100_000};
        Object[][] rows = new Object[sizes.length * 3][];
        int i = 0;
        for (int n : sizes) {
            int[] random = new int[n];
            int[] dups = new int[n];
            int[] nearly = new int[n];
            for (int k = 0; k < n; k++) {
                random[k] = r.nextInt();
                dups[k] = r.nextInt(32);
                nearly[k] = k;
            }
            for (int swaps = 0; swaps < n / 50 + 1; swaps++) {
                int a = r.nextInt(n);
                int b = r.nextInt(n);
                int t = nearly[a];
                nearly[a] = nearly[b];
                nearly[b] = t;
            }
            rows[i++] = new Object[] {random};
            rows[i++] = new Object[] {dups};
            rows[i++] = new Object[] {nearly};
        }
        return rows;
    }
}
