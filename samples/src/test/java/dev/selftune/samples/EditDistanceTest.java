package dev.selftune.samples;

import dev.selftune.samples.inputs.Rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EditDistanceTest {
    @Test
    void distance_knownPairs_matchesTextbookValues() {
        assertEquals(3, EditDistance.distance("kitten", "sitting"));
        assertEquals(2, EditDistance.distance("flaw", "lawn"));
        assertEquals(0, EditDistance.distance("same", "same"));
    }

    @Test
    void distance_emptySide_isOtherLength() {
        assertEquals(0, EditDistance.distance("", ""));
        assertEquals(4, EditDistance.distance("", "abcd"));
        assertEquals(3, EditDistance.distance("abc", ""));
    }

    @Test
    void distance_randomPairs_agreesWithFullTableAndIsSymmetric() {
        Random rnd = new Random(13);
        for (int round = 0; round < 200; round++) {
            String a = Rows.text(rnd, rnd.nextInt(12), "abc");
            String b = Rows.text(rnd, rnd.nextInt(12), "abc");
            assertEquals(fullTable(a, b), EditDistance.distance(a, b));
            assertEquals(EditDistance.distance(b, a), EditDistance.distance(a, b));
        }
    }

    private static int fullTable(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                } else {
                    int sub = d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                    d[i][j] = Math.min(sub, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
