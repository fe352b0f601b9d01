package dev.selftune.samples.app;

import java.util.SplittableRandom;

/**
 * Synthetic CSV lines {@code id,user,category,amountCents,x,y,payload}; batch {@code k} of seed
 * {@code s} is always the same lines, whatever ran before, so runs can be compared batch by batch.
 */
final class RecordStream {
    private static final String[] SYLLABLES = {"an", "be", "co", "da", "el", "fi", "go", "ha", "is", "jo", "ka", "lu"};
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz    ";
    private static final int PAYLOAD_LENGTH = 160;

    private final long seed;

    RecordStream(long seed) {
        this.seed = seed;
    }

    /** Returns the {@code size} lines of batch {@code index}. */
    String[] batch(long index, int size) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        String[] lines = new String[size];
        StringBuilder sb = new StringBuilder(256);
        for (int r = 0; r < size; r++) {
            sb.setLength(0);
            sb.append(index * size + r).append(',');
            int syllables = 3 + rnd.nextInt(4);
            for (int s = 0; s < syllables; s++) {
                sb.append(SYLLABLES[rnd.nextInt(SYLLABLES.length)]);
            }
            sb.append(',').append(rnd.nextInt(40));
            sb.append(',').append(rnd.nextInt(1_000_000));
            sb.append(',').append(rnd.nextInt(100_000) / 1000.0);
            sb.append(',').append(rnd.nextInt(100_000) / 1000.0);
            sb.append(',');
            for (int c = 0; c < PAYLOAD_LENGTH; c++) {
                sb.append(LETTERS.charAt(rnd.nextInt(LETTERS.length())));
            }
            if (rnd.nextInt(8) == 0) {
                sb.append(" error");
            }
            lines[r] = sb.toString();
        }
        return lines;
    }
}
