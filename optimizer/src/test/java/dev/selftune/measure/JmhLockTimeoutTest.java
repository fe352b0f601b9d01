package dev.selftune.measure;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.target.Target;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** While another JMH run holds the machine's JMH lock, a measurer bounded by its caller's budget gives up in time. */
class JmhLockTimeoutTest {
    @TempDir
    Path dir;

    @Test
    void measure_lockHeldBeyondAllowedWait_throwsLockTimeoutNotMeasureFailure() throws Exception {
        Target t = Specimens.sum();
        JmhMeasurer m = new JmhMeasurer(JmhMeasurer.currentJava(), List.of("-Xmx128m"), dir).limitLockWait(() -> 1500);
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        long start = System.nanoTime();
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = ch.lock()) {
            JmhLockTimeout e = assertThrows(JmhLockTimeout.class, () -> m.measure(
                    BenchSpec.of(t, "original", t.classBytes(), Specimens.inputs(), false, dir),
                    new ForkPlan(1, 1, 2, Duration.ofMillis(100))));
            assertTrue(e.getMessage().contains("jmh.lock"), e.getMessage());
        }
        assertTrue((System.nanoTime() - start) / 1e9 < 30, "gave up late");
    }
}
