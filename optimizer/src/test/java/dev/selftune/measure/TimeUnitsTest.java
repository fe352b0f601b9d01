package dev.selftune.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.selftune.api.Measurement;
import org.junit.jupiter.api.Test;

class TimeUnitsTest {
    @Test
    void readable_slowOperation_movesToMicroseconds() {
        Measurement m = new Measurement(123_456, 1_000, "ns/op", 2, 3, new double[] {120_000, 126_912});
        Measurement r = TimeUnits.readable(m);
        assertEquals("us/op", r.unit());
        assertEquals(123.456, r.score(), 1e-9);
        assertEquals(1.0, r.error(), 1e-12);
        assertArrayEquals(new double[] {120, 126.912}, r.forkScores(), 1e-9);
    }

    @Test
    void readableUnit_fastOperation_staysNanoseconds() {
        assertEquals("ns/op", TimeUnits.readableUnit(9_999));
        assertEquals("ms/op", TimeUnits.readableUnit(12_000_000));
    }

    @Test
    void in_unknownUnit_isRefused() {
        Measurement m = new Measurement(1, 0, "ops/s", 1, 2, new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> TimeUnits.in(m, "ns/op"));
    }
}
