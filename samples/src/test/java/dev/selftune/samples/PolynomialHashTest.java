package dev.selftune.samples;

import dev.selftune.samples.inputs.Rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PolynomialHashTest {
    @Test
    void hashString_anyText_equalsStringHashCode() {
        Random rnd = new Random(5);
        for (int n = 0; n < 100; n++) {
            String s = Rows.text(rnd, n, "abcXYZ019 \u00e9\u4e2d");
            assertEquals(s.hashCode(), PolynomialHash.hash(s), s);
        }
    }

    @Test
    void hashBytes_asciiText_equalsStringHashCode() {
        String s = "the quick brown fox";
        assertEquals(s.hashCode(), PolynomialHash.hash(s.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void hashBytes_negativeBytes_usesSignedValues() {
        assertEquals(31 * -1 + -128, PolynomialHash.hash(new byte[] {-1, -128}));
    }

    @Test
    void hash_empty_returnsZero() {
        assertEquals(0, PolynomialHash.hash(""));
        assertEquals(0, PolynomialHash.hash(new byte[0]));
    }
}
