package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CaptureSinkTest {

    @Test
    void accept_deepCopiesArrays_beforeTheMethodMutatesThem() {
        CaptureSink sink = new CaptureSink(10, 1 << 20);
        int[] a = {1, 2, 3};
        double[][] m = {{1.0}, {2.0}};
        sink.accept(new Object[] {a, m, "s", 7});
        a[0] = 99;
        m[0][0] = 99;
        Object[] row = sink.rows().get(0);
        assertArrayEquals(new int[] {1, 2, 3}, (int[]) row[0]);
        assertNotSame(a, row[0]);
        assertEquals(1.0, ((double[][]) row[1])[0][0]);
        assertEquals("s", row[2]);
        assertEquals(7, row[3]);
    }

    @Test
    void accept_boundedByCalls_closesAndReleasesTheWaiter() {
        CaptureSink sink = new CaptureSink(3, 1 << 20);
        for (int i = 0; i < 10; i++) {
            sink.accept(new Object[] {i});
        }
        assertEquals(3, sink.rows().size());
        assertEquals(0, sink.full().getCount());
    }

    @Test
    void accept_boundedByBytes_dropsTheRowThatWouldOverflow() {
        CaptureSink sink = new CaptureSink(100, 10_000);
        sink.accept(new Object[] {new long[1000]});
        sink.accept(new Object[] {new long[1000]});
        assertEquals(1, sink.rows().size());
        assertTrue(sink.bytes() <= 10_000);
    }

    @Test
    void accept_mutableOrNonJdkNumber_notSharedByReference() {
        CaptureSink sink = new CaptureSink(100, 1 << 20);
        java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong(5);
        sink.accept(new Object[] {counter});
        assertEquals(0, sink.rows().size(), "an AtomicLong is neither a box nor a value class: refused, not kept by reference");
        assertTrue(sink.refusal().contains("java.util.concurrent.atomic.AtomicLong"), sink.refusal());
        sink.accept(new Object[] {new java.math.BigDecimal("1.5"), 3L});
        assertEquals(1, sink.rows().size());
        assertTrue(sink.rows().get(0)[0] instanceof dev.selftune.inputs.CapturedObject c && c.toString().contains("serial form"),
                String.valueOf(sink.rows().get(0)[0]));
        assertEquals(3L, sink.rows().get(0)[1]);
    }

    @Test
    void accept_valueNoCopyCanStandFor_countedNotCapturedWithItsReason() {
        CaptureSink sink = new CaptureSink(100, 1 << 20);
        sink.accept(new Object[] {List.of(1)});
        sink.accept(new Object[] {7, new java.util.concurrent.atomic.AtomicLong(1)});
        assertEquals(0, sink.rows().size());
        assertEquals(2, sink.unsupported());
        assertTrue(sink.refusal().contains("argument 1") && sink.refusal().contains("java.util.ImmutableCollections"),
                sink.refusal());
        assertEquals(1, sink.full().getCount(), "two refusals do not close the sink yet");
        sink.accept(new Object[] {new java.util.concurrent.atomic.AtomicLong(2)});
        assertEquals(0, sink.full().getCount(), "MAX_REFUSALS in a row before any row close it");
    }

    @Test
    void accept_enumAndObjectArguments_copiedAsCapturedObjects() {
        CaptureSink sink = new CaptureSink(100, 1 << 20);
        sink.accept(new Object[] {java.util.concurrent.TimeUnit.SECONDS, 3L, new Object[] {new Object()}});
        assertEquals(1, sink.rows().size());
        Object[] row = sink.rows().get(0);
        assertTrue(row[0] instanceof dev.selftune.inputs.CapturedObject, String.valueOf(row[0]));
        assertEquals(3L, row[1]);
        assertTrue(row[2] instanceof dev.selftune.inputs.CapturedObject, String.valueOf(row[2]));
        assertEquals(null, sink.refusal());
    }
}
