import java.util.Random;

/**
 * Arguments for commons-codec's {@code MurmurHash3.hash32x86(byte[] data, int offset, int length, int seed)}
 * as callers pass them: keys of a few bytes to a few KiB, hashed whole or as a slice of a larger buffer.
 * {@code rows()} is the {@code tune --inputs} provider; {@code rows(seed)} gives fresh inputs for the checker.
 */
public final class MurmurRows {
    private MurmurRows() { }

    public static Object[][] rows() {
        return rows(1);
    }

    public static Object[][] rows(long seed) {
        Random r = new Random(seed);
        int[] lengths = {7, 16, 33, 64, 255, 1024, 4096};
        Object[][] rows = new Object[lengths.length * 2][];
        int i = 0;
        for (int len : lengths) {
            byte[] whole = new byte[len];
            r.nextBytes(whole);
            rows[i++] = new Object[] {whole, 0, len, r.nextInt()};
            int offset = 1 + r.nextInt(13);
            byte[] buffer = new byte[len + offset + r.nextInt(8)];
            r.nextBytes(buffer);
            rows[i++] = new Object[] {buffer, offset, len, 104729};
        }
        return rows;
    }
}
