package dev.selftune.samples.inputs;

import java.util.Random;

/** Texts with patterns that occur late, early or never, for {@code StringSearch.indexOf}: {@code --inputs dev.selftune.samples.inputs.StringSearchInputs#rows}. */
public final class StringSearchInputs {
    private StringSearchInputs() {
    }

    /** Rows {@code (String text, String pattern)} over a 10-letter alphabet, texts up to 65536 chars. */
    public static Object[][] rows() {
        Random rnd = new Random(Rows.SEED);
        String alphabet = "abcdefghij";
        String big = Rows.text(rnd, 65536, alphabet);
        String needle = big.substring(60_000, 60_008);
        String absent = "klmnop";
        String small = Rows.text(rnd, 100, alphabet);
        return new Object[][] {
            {big, needle},
            {big, absent},
            {big, big.substring(0, 3)},
            {small, small.substring(90)},
            {small, ""},
            {"", "a"},
        };
    }
}
