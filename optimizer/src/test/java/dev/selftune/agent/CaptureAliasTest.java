package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Captured rows keep the caller's aliasing (issue 8 §1): f(a, a) is captured as one copy passed twice. */
class CaptureAliasTest {
    @Test
    void accept_sameArrayTwice_capturedAsOneCopyTwice() {
        CaptureSink sink = new CaptureSink(10, 1 << 20);
        int[] a = {1, 2, 3};
        sink.accept(new Object[] {a, a, new int[] {4}});
        Object[] row = sink.rows().get(0);
        assertSame(row[0], row[1]);
        assertNotSame(a, row[0]);
        assertNotSame(row[0], row[2]);
    }
}
