package dev.selftune.samples;

import dev.selftune.samples.inputs.Rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StringSearchTest {
    @Test
    void indexOf_randomTextsAndPatterns_agreesWithStringIndexOf() {
        Random rnd = new Random(11);
        for (int round = 0; round < 500; round++) {
            String text = Rows.text(rnd, rnd.nextInt(60), "ab");
            String pattern = Rows.text(rnd, rnd.nextInt(5), "ab");
            assertEquals(text.indexOf(pattern), StringSearch.indexOf(text, pattern), text + " / " + pattern);
        }
    }

    @Test
    void indexOf_emptyPattern_returnsZero() {
        assertEquals(0, StringSearch.indexOf("", ""));
        assertEquals(0, StringSearch.indexOf("abc", ""));
    }

    @Test
    void indexOf_patternLongerThanText_returnsMinusOne() {
        assertEquals(-1, StringSearch.indexOf("ab", "abc"));
    }

    @Test
    void indexOf_patternAtEnd_returnsItsStart() {
        assertEquals(3, StringSearch.indexOf("xyzneedle", "needle"));
    }
}
