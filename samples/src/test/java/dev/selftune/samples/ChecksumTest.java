package dev.selftune.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import dev.selftune.samples.inputs.Rows;
import java.util.Random;
import java.util.zip.Adler32;
import org.junit.jupiter.api.Test;

class ChecksumTest {
    @Test
    void adler32_wikipedia_matchesPublishedValue() {
        assertEquals(0x11E60398, Checksum.adler32("Wikipedia".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void adler32_empty_isOne() {
        assertEquals(1, Checksum.adler32(new byte[0]));
    }

    @Test
    void adler32_randomAndAllOnesData_matchesJdkAdler32() {
        Random rnd = new Random(17);
        for (int n : new int[] {1, 2, 5551, 5552, 5553, 100_000}) {
            for (byte[] data : new byte[][] {Rows.bytes(rnd, n), filled(n)}) {
                Adler32 reference = new Adler32();
                reference.update(data);
                assertEquals((int) reference.getValue(), Checksum.adler32(data), "length " + n);
            }
        }
    }

    private static byte[] filled(int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) 0xff);
        return b;
    }
}
