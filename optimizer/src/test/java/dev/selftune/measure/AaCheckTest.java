package dev.selftune.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

class AaCheckTest {
    private static final List<String> FORK_FLAGS = List.of("-Xmx128m", "-XX:+UseSerialGC");

    @TempDir
    Path dir;

    /** Wiring only (4 tiny forks): one A/A comparison through confirm and Decider. */
    @Test
    void run_onePair_decidesAndReportsItsSpeedup() {
        JmhMeasurer m = new JmhMeasurer(JmhMeasurer.currentJava(), FORK_FLAGS, dir);
        AaResult r = AaCheck.run(Specimens.sum(), Specimens.inputs(), 1, ForkPlan.tiny(), 2, m,
                Decider.DEFAULT_MIN_SPEEDUP, Decider.DEFAULT_CONFIDENCE);
        System.out.println("[aa test] " + r.summary() + " " + r.reasons());
        assertEquals(1, r.pairs());
        assertEquals(1, r.speedups().size());
        assertEquals(1, r.reasons().size());
    }

    /**
     * The number: 20 A/A comparisons, at most 1 wrongly decided swap (~2-4 min here).
     * Run: mvn -B -o -pl optimizer test -Dtest='dev.selftune.measure.AaCheckTest' -Dselftune.aa=true
     */
    @Test
    @EnabledIfSystemProperty(named = "selftune.aa", matches = "true")
    void run_twentyPairs_atMostOneFalseSwap() {
        JmhMeasurer m = new JmhMeasurer(JmhMeasurer.currentJava(), FORK_FLAGS, dir);
        int confirmPairs = Integer.getInteger("selftune.aa.confirmPairs", 5);
        ForkPlan plan = new ForkPlan(1, Integer.getInteger("selftune.aa.warmups", 1), Integer.getInteger("selftune.aa.iterations", 2),
                Duration.ofMillis(Integer.getInteger("selftune.aa.iterationMillis", 100)));
        AaResult r = AaCheck.run(Specimens.sum(), Specimens.inputs(), 20, plan, confirmPairs, m,
                Decider.DEFAULT_MIN_SPEEDUP, Decider.DEFAULT_CONFIDENCE, false, System.out::println);
        System.out.println("[aa test] " + r.summary() + String.format(", %.2f s/fork", m.secondsPerFork()));
        assertTrue(r.falseSwaps() <= 1, r.summary() + "\n" + String.join("\n", r.reasons()));
    }
}
