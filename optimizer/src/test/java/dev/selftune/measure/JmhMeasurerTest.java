package dev.selftune.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Measurement;
import dev.selftune.target.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real thing, with tiny settings: forked JMH runs of the specimen (a few seconds each). */
class JmhMeasurerTest {
    private static final List<String> FORK_FLAGS = List.of("-Xmx128m", "-XX:+UseSerialGC");
    private static final ForkPlan TINY = new ForkPlan(2, 1, 2, Duration.ofMillis(100));

    @TempDir
    Path dir;

    @Test
    void measure_staticIntSum_returnsOneScorePerFork() {
        JmhMeasurer m = new JmhMeasurer(JmhMeasurer.currentJava(), FORK_FLAGS, dir);
        Target t = Specimens.sum();
        Measurement r = m.measure(BenchSpec.of(t, "original", t.classBytes(), Specimens.inputs(), false, dir), TINY);
        System.out.printf("[measure test] %s, forkScores %s, run %.1f s, %.2f s/fork%n",
                r, Arrays.toString(r.forkScores()), m.lastRunSeconds(), m.secondsPerFork());
        assertEquals(2, r.forkScores().length);
        assertEquals(2, r.forks());
        assertEquals(2, r.iterations());
        assertEquals("ns/op", r.unit());
        assertTrue(r.score() > 0 && Arrays.stream(r.forkScores()).allMatch(s -> s > 0));
        assertTrue(m.lastRunSeconds() > 0);
        assertTrue(m.estimateSeconds(TINY) > 0.6, "estimate covers at least the iterating time");
    }

    @Test
    void measure_variantWhoseSetupThrows_failsWithLogTail() {
        JmhMeasurer m = new JmhMeasurer(JmhMeasurer.currentJava(), FORK_FLAGS, dir);
        Target t = Specimens.sum();
        byte[] broken = Arrays.copyOf(t.classBytes(), 40);   // truncated: ClassFormatError in @Setup
        MeasureFailure f = assertThrows(MeasureFailure.class,
                () -> m.measure(BenchSpec.of(t, "broken", broken, Specimens.inputs(), false, dir), TINY.withForks(1)));
        System.out.println("[measure test] " + f.getMessage());
        assertEquals("broken", f.label());
        assertTrue(f.logTail().contains("ClassFormatError"), f.getMessage());
    }

    @Test
    void measure_forkOverstays_isKilledAndFails() {
        JmhMeasurer m = new JmhMeasurer(JmhMeasurer.currentJava(), FORK_FLAGS, dir).withForkTimeout(Duration.ofSeconds(4));
        Target t = Specimens.target(dev.selftune.measure.specimen.SumSpecimen.class, "stall", "([I)I", true);
        MeasureFailure f = assertThrows(MeasureFailure.class,
                () -> m.measure(BenchSpec.of(t, "stall", t.classBytes(), Specimens.inputs(), false, dir), TINY.withForks(1)));
        assertTrue(f.reason().startsWith("timed out after 4 s"), f.getMessage());
    }

    @Test
    void measure_forkClasspathOverride_isWhatTheForkGets() {
        JmhMeasurer m = new JmhMeasurer(JmhMeasurer.currentJava(), FORK_FLAGS, dir, List.of(dir.resolve("empty")));
        Target t = Specimens.sum();
        String before = System.getProperty("java.class.path");
        MeasureFailure f = assertThrows(MeasureFailure.class,
                () -> m.measure(BenchSpec.of(t, "original", t.classBytes(), Specimens.inputs(), false, dir), TINY.withForks(1)));
        System.out.println("[measure test] " + f.reason());
        assertEquals(before, System.getProperty("java.class.path"));
    }

    @Test
    void abbaOrder_alternatesWhichSideGoesFirst() {
        assertEquals("ABBAABBA", JmhMeasurer.order(4));
    }
}
