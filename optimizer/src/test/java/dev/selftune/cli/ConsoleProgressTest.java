package dev.selftune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private long now;

    @Test
    void plain_updatesWithinInterval_areRateLimitedButStagesAndLastCountShow() {
        ConsoleProgress p = new ConsoleProgress(err, false, () -> now);
        for (int i = 1; i <= 40; i++) {
            now += 100_000_000L; // 0.1 s apart: 4 s in all, under the 5 s interval
            p.update("verify", i, 40, 100 - i);
        }
        p.update("measure", 0, 12, 55);
        p.finish();
        assertEquals(List.of("selftune: verify    1/40 variants, 1m39s left", "selftune: verify    40/40 variants, 1m left",
                "selftune: measure   0/12 variants, 55s left"), lines());
    }

    @Test
    void plain_afterInterval_printsAgain() {
        ConsoleProgress p = new ConsoleProgress(err, false, () -> now);
        p.update("measure", 1, 10, 60);
        now += ConsoleProgress.PLAIN_INTERVAL_NANOS;
        p.update("measure", 2, 10, 55);
        assertEquals(2, lines().size());
    }

    @Test
    void terminal_redrawsOneLineInPlaceAndClearsIt() {
        ConsoleProgress p = new ConsoleProgress(err, true, () -> now);
        p.update("generate", 0, 0, 119);
        now += ConsoleProgress.TERMINAL_INTERVAL_NANOS;
        p.update("verify", 3, 20, 110);
        p.finish();
        String s = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(s.contains("\n"), "a terminal status line must not scroll");
        assertTrue(s.startsWith("\rselftune: generate  1m59s left"), s);
        assertTrue(s.contains("\rselftune: verify    3/20 variants, 1m50s left"), s);
        assertTrue(s.endsWith("\r"), "finish must leave the cursor at the start of a cleared line");
    }

    @Test
    void terminal_message_clearsStatusLineThenPrintsALine() {
        ConsoleProgress p = new ConsoleProgress(err, true, () -> now);
        p.update("verify", 1, 2, 10);
        p.message("v1 rejected");
        assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith("\rselftune: v1 rejected\n"));
    }

    private List<String> lines() {
        return List.of(bytes.toString(StandardCharsets.UTF_8).split("\\R"));
    }
}
