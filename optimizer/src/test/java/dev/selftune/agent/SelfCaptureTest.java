package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.inputs.Inputs;
import dev.selftune.selftest.OwnHot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SelfCapture records real calls made on this JVM's threads while it runs, and writes them as tune's rows file. */
class SelfCaptureTest {
    @TempDir
    Path dir;

    @Test
    void start_callsWhileRecording_areWrittenAsRows() throws Exception {
        List<String> log = new ArrayList<>();
        SelfCapture c = new SelfCapture(SelfSwapTest.INST, dir.resolve("events.jsonl"), log::add);
        MethodRef sum = new MethodRef(OwnHot.class.getName(), "sum", "([I)J");
        SelfTuneSeams.Recording r = c.start(OwnHot.class, sum);
        long total = 0;
        long deadline = System.nanoTime() + 3_000_000_000L;
        Path file = dir.resolve("sum.rows");
        // the hook is woven on the capture thread; call for 3 s; the sink is full after ArgumentCapture.MAX_CALLS
        for (int i = 0; System.nanoTime() < deadline && i < 1_000_000; i++) {
            total += OwnHot.sum(new int[] {i, 1, 2});
            if (i % 1000 == 999) {
                Thread.sleep(5);
            }
        }
        SelfTuneSeams.Captured got = r.finish(file);
        assertTrue(total > 0);
        assertNotNull(got.inputsFile(), "no rows: " + got.refusal() + " " + log);
        assertTrue(got.rows() > 0 && got.rows() <= ArgumentCapture.MAX_CALLS, String.valueOf(got.rows()));
        assertEquals(got.rows(), Inputs.readRows(file).size());
        assertTrue(Files.size(file) > 0);
    }
}
