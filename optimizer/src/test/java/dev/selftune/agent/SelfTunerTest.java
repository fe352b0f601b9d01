package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.meta.SelfTuneRow;
import dev.selftune.selftest.OwnHot;
import dev.selftune.selftest.OwnModes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SelfTuner with planted samples, a planted tuning child and a fake swapper: no JFR, no JMH, no child JVM. */
class SelfTunerTest {
    static final MethodRef TWICE = new MethodRef(OwnHot.class.getName(), "twice", "(I)I");
    static final MethodRef SUM = new MethodRef(OwnHot.class.getName(), "sum", "([I)J");
    static final MethodRef TIMES = new MethodRef(OwnHot.class.getName(), "times", "(I)I");
    static final MethodRef SCALE = new MethodRef(OwnModes.class.getName(), "scale", "(Ldev/selftune/selftest/OwnModes$Mode;D)D");
    static final MethodRef DRAW = new MethodRef(OwnModes.class.getName(), "draw",
            "(Ldev/selftune/selftest/OwnModes$Mode;Ljava/util/Random;)D");
    static final MethodRef TICK = new MethodRef(OwnModes.class.getName(), "tick",
            "(Ldev/selftune/selftest/OwnModes$Mode;Ljava/util/concurrent/atomic/AtomicLong;)D");
    static final MethodRef COUNT = new MethodRef(OwnModes.class.getName(), "count",
            "(Ldev/selftune/selftest/OwnModes$Mode;Ljava/util/List;)I");
    static final MethodRef SAMPLE = new MethodRef("dev.selftune.samples.loops.DotProduct", "dot", "([D[D)D");
    static final MethodRef PLUMBING = new MethodRef("dev.selftune.meta.SelfImprove", "run", "()Ldev/selftune/meta/MetaRun;");

    @TempDir
    Path dir;
    final List<String> inputsSeen = new ArrayList<>();

    /** Cumulative counts the test sets between generations. */
    static final class Planted implements SelfTuneSeams.Sampler {
        final Map<MethodRef, Long> counts = new HashMap<>();
        boolean closed;

        void add(MethodRef m, long n) {
            counts.merge(m, n, Long::sum);
        }

        @Override
        public Map<MethodRef, Long> counts() {
            return Map.copyOf(counts);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static final class FakeSwapper implements SelfTuneSeams.Swapping {
        final List<String> swaps = new ArrayList<>();
        final List<String> rollbacks = new ArrayList<>();

        @Override
        public void swap(Class<?> owner, MethodRef method, String variantId, byte[] winnerClass) {
            assertTrue(winnerClass.length > 0);
            swaps.add(method + " " + variantId);
        }

        @Override
        public void rollback(Class<?> owner, MethodRef method) {
            rollbacks.add(method.toString());
        }
    }

    /** A tuning child that answers swap for {@code winners}, keep for the rest, and throws for {@code failing}. */
    SelfTuneSeams.Tuning planted(List<MethodRef> winners, List<MethodRef> failing, List<MethodRef> seen) {
        return (m, owner, inputs, budget, d) -> {
            seen.add(m);
            inputsSeen.add(inputs == null ? "generated" : inputs.getFileName().toString());
            assertEquals(Duration.ofSeconds(30), budget, "the fixed per-method budget");
            if (failing.contains(m)) {
                throw new IllegalStateException("planted child failure");
            }
            if (winners.contains(m)) {
                Path cls = d.resolve("Winner.class");
                Files.write(cls, new byte[] {(byte) 0xCA, (byte) 0xFE});
                return new TuneReport("swap", "v3", 1.3, 1.2, 1.4, "v3 confirmed", cls, Map.of());
            }
            return new TuneReport("keep-original", null, Double.NaN, Double.NaN, Double.NaN, "interval straddles the minimum",
                    null, Map.of("confirmed", Map.of("speedup", 1.02, "speedupLow", 0.97, "speedupHigh", 1.08)));
        };
    }

    SelfTuner tuner(Planted s, SelfTuneSeams.Tuning t, SelfTuneSeams.Swapping w, int methods) {
        return tuner(s, t, w, methods, null);
    }

    SelfTuner tuner(Planted s, SelfTuneSeams.Tuning t, SelfTuneSeams.Swapping w, int methods, SelfTuneSeams.Capturing c) {
        return new SelfTuner(methods, Duration.ofSeconds(30), dir, dir.resolve("self-tuned"), s, t, w, w == null ? "no Instrumentation here" : null,
                c, getClass().getClassLoader(), line -> { });
    }

    static SelfTuneRow row(List<SelfTuneRow> rows, MethodRef m) {
        return rows.stream().filter(r -> r.method().equals(m.toString())).findFirst().orElse(null);
    }

    @Test
    void generationEnds_plantedSwap_installsWinnerAndRecordsItsInterval() {
        Planted s = new Planted();
        FakeSwapper w = new FakeSwapper();
        List<MethodRef> seen = new ArrayList<>();
        SelfTuner t = tuner(s, planted(List.of(TWICE), List.of(), seen), w, 3);
        t.generationStarts(0);
        s.add(TWICE, 50);
        s.add(SUM, 20);
        List<SelfTuneRow> rows = t.generationEnds(0, 1);
        assertEquals(List.of(TWICE, SUM), seen, "hottest first");
        assertEquals(List.of(TWICE + " v3"), w.swaps);
        SelfTuneRow twice = row(rows, TWICE);
        assertEquals("swap", twice.decision());
        assertTrue(twice.swapped(), twice.reason());
        assertEquals(50, twice.samples());
        assertEquals(1.2, twice.low());
        SelfTuneRow sum = row(rows, SUM);
        assertEquals("keep-original", sum.decision());
        assertFalse(sum.swapped());
        assertEquals(0.97, sum.low(), "a keep's confirmed interval is recorded");
        assertTrue(sum.reason().startsWith("interval straddles the minimum (tuned on generated inputs"), sum.reason());
        assertNull(t.note());
        assertTrue(Files.exists(dir.resolve("self-tuned").resolve(TWICE.internalOwner() + ".class")), "the winner's class file");
        assertTrue(twice.reason().contains("class file written to"), twice.reason());
    }

    @Test
    void generationEnds_samplesOfEarlierGenerationsOnly_tunesNothing() {
        Planted s = new Planted();
        List<MethodRef> seen = new ArrayList<>();
        SelfTuner t = tuner(s, planted(List.of(), List.of(), seen), new FakeSwapper(), 3);
        s.add(TWICE, 500);
        t.generationStarts(1);
        s.add(TWICE, 3);
        assertEquals(List.of(), t.generationEnds(1, 1), "3 samples in this generation is below the minimum");
        assertEquals(List.of(), seen);
    }

    @Test
    void generationEnds_refusedMethods_recordedWithReasonsAndNotTuned() {
        Planted s = new Planted();
        List<MethodRef> seen = new ArrayList<>();
        SelfTuner t = tuner(s, planted(List.of(), List.of(), seen), new FakeSwapper(), 1);
        t.generationStarts(0);
        s.add(PLUMBING, 90);
        s.add(TIMES, 80);
        s.add(SUM, 40);
        List<SelfTuneRow> rows = t.generationEnds(0, 1);
        assertEquals("refused", row(rows, PLUMBING).decision());
        assertTrue(row(rows, PLUMBING).reason().contains("plumbing"), row(rows, PLUMBING).reason());
        assertEquals("refused", row(rows, TIMES).decision());
        assertTrue(row(rows, TIMES).reason().contains("no-arg constructor"), row(rows, TIMES).reason());
        assertEquals(List.of(SUM), seen, "refusals do not use up the one method slot");
    }

    @Test
    void generationEnds_plantedChildFailure_isAnErrorRowAndTheNextMethodIsStillTuned() {
        Planted s = new Planted();
        List<MethodRef> seen = new ArrayList<>();
        FakeSwapper w = new FakeSwapper();
        SelfTuner t = tuner(s, planted(List.of(SUM), List.of(TWICE), seen), w, 2);
        t.generationStarts(0);
        s.add(TWICE, 50);
        s.add(SUM, 20);
        List<SelfTuneRow> rows = t.generationEnds(0, 1);
        assertEquals("error", row(rows, TWICE).decision());
        assertTrue(row(rows, TWICE).reason().contains("planted child failure"));
        assertTrue(row(rows, SUM).swapped());
    }

    @Test
    void generationEnds_noInstrumentation_recordsSwapNotInstalledAndSaysWhy() {
        Planted s = new Planted();
        SelfTuner t = tuner(s, planted(List.of(TWICE), List.of(), new ArrayList<>()), null, 3);
        t.generationStarts(0);
        s.add(TWICE, 50);
        SelfTuneRow r = row(t.generationEnds(0, 1), TWICE);
        assertEquals("swap", r.decision());
        assertFalse(r.swapped());
        assertTrue(r.reason().contains("not installed: no Instrumentation here"), r.reason());
        assertNotNull(t.note());
    }

    @Test
    void generationEnds_lastGeneration_spendsNoBudgetAndSaysSo() {
        Planted s = new Planted();
        List<MethodRef> seen = new ArrayList<>();
        SelfTuner t = tuner(s, planted(List.of(TWICE), List.of(), seen), new FakeSwapper(), 3);
        t.generationStarts(2);
        s.add(TWICE, 50);
        SelfTuneRow r = row(t.generationEnds(2, 0), TWICE);
        assertEquals("not-tuned", r.decision());
        assertTrue(r.reason().contains("was the last"));
        assertEquals(List.of(), seen);
    }

    @Test
    void generationEnds_swappedMethodGrowsCostlier_isRolledBackAndNotTunedAgain() {
        Planted s = new Planted();
        FakeSwapper w = new FakeSwapper();
        List<MethodRef> seen = new ArrayList<>();
        SelfTuner t = tuner(s, planted(List.of(TWICE), List.of(), seen), w, 1);
        t.generationStarts(0);
        s.add(TWICE, 20);
        s.add(SUM, 80);
        t.generationEnds(0, 1);
        assertEquals(List.of(SUM), seen);
        t.generationStarts(1);
        s.add(TWICE, 60);
        s.add(SUM, 40);
        t.generationEnds(1, 1);
        assertEquals(List.of(SUM, TWICE), seen);
        assertEquals(List.of(TWICE + " v3"), w.swaps);
        t.generationStarts(2);
        s.add(TWICE, 95);
        s.add(SUM, 5);
        List<SelfTuneRow> rows = t.generationEnds(2, 1);
        assertEquals(List.of(TWICE.toString()), w.rollbacks, "share 60% -> 95% is beyond 1.5x");
        SelfTuneRow r = row(rows, TWICE);
        assertFalse(r.swapped());
        assertTrue(r.reason().startsWith("rolled back v3"), r.reason());
        assertEquals(List.of(SUM, TWICE), seen, "a method is tuned once per run");
    }

    /** Captures that yield {@code rows} rows (0: none, with a refusal), recording which methods were captured. */
    static final class PlantedCapture implements SelfTuneSeams.Capturing {
        final List<MethodRef> started = new ArrayList<>();
        final int rows;

        PlantedCapture(int rows) {
            this.rows = rows;
        }

        @Override
        public SelfTuneSeams.Recording start(Class<?> owner, MethodRef method) {
            started.add(method);
            return file -> {
                if (rows == 0) {
                    return new SelfTuneSeams.Captured(null, 0, false, "receiver.k holds a planted thread");
                }
                try {
                    Files.writeString(file, "rows");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return new SelfTuneSeams.Captured(file, rows, true, null);
            };
        }
    }

    @Test
    void generationEnds_withCapture_capturesDuringTheNextGenerationThenTunesOnTheRows() {
        Planted s = new Planted();
        PlantedCapture cap = new PlantedCapture(40);
        FakeSwapper w = new FakeSwapper();
        List<MethodRef> seen = new ArrayList<>();
        SelfTuner t = tuner(s, planted(List.of(TIMES), List.of(), seen), w, 2, cap);
        t.generationStarts(0);
        s.add(TIMES, 50);
        s.add(TWICE, 30);
        List<SelfTuneRow> g0 = t.generationEnds(0, 2);
        assertEquals("capturing", row(g0, TIMES).decision(), "an instance method without a no-arg constructor waits for its receiver");
        assertEquals("capturing", row(g0, TWICE).decision());
        assertEquals(List.of(), seen, "nothing tuned before its calls are captured");
        t.generationStarts(1);
        assertEquals(List.of(TIMES, TWICE), cap.started);
        s.add(SUM, 5);
        List<SelfTuneRow> g1 = t.generationEnds(1, 1);
        assertEquals(List.of(TIMES, TWICE), seen);
        assertTrue(inputsSeen.stream().allMatch(f -> f.endsWith(".rows")), inputsSeen.toString());
        assertTrue(row(g1, TIMES).swapped(), row(g1, TIMES).reason());
        assertTrue(row(g1, TIMES).reason().contains("40 calls captured during generation 1"), row(g1, TIMES).reason());
        assertEquals(50, row(g1, TIMES).samples(), "the samples it was found hot with");
    }

    @Test
    void generationEnds_captureGotNoReceiver_instanceMethodRefusedWithTheCapturesReason() {
        Planted s = new Planted();
        List<MethodRef> seen = new ArrayList<>();
        SelfTuner t = tuner(s, planted(List.of(), List.of(), seen), new FakeSwapper(), 2, new PlantedCapture(0));
        t.generationStarts(0);
        s.add(TIMES, 50);
        s.add(TWICE, 30);
        t.generationEnds(0, 3);
        t.generationStarts(1);
        List<SelfTuneRow> g1 = t.generationEnds(1, 2);
        assertEquals("refused", row(g1, TIMES).decision());
        assertTrue(row(g1, TIMES).reason().contains("receiver.k holds a planted thread"), row(g1, TIMES).reason());
        assertEquals(List.of(TWICE), seen, "a static method falls back to generated inputs");
        assertEquals(List.of("generated"), inputsSeen);
    }

    @Test
    void generationEnds_captureAvailableButOnlyOneGenerationLeft_tunesAtOnceOnGeneratedInputs() {
        Planted s = new Planted();
        PlantedCapture cap = new PlantedCapture(10);
        List<MethodRef> seen = new ArrayList<>();
        SelfTuner t = tuner(s, planted(List.of(), List.of(), seen), new FakeSwapper(), 2, cap);
        t.generationStarts(1);
        s.add(TWICE, 30);
        s.add(TIMES, 20);
        List<SelfTuneRow> rows = t.generationEnds(1, 1);
        assertEquals(List.of(TWICE), seen);
        assertEquals("refused", row(rows, TIMES).decision(), "no capture can happen before the last generation");
        t.generationStarts(2);
        assertEquals(List.of(), cap.started);
    }

    @Test
    void close_closesTheSampler() {
        Planted s = new Planted();
        tuner(s, planted(List.of(), List.of(), new ArrayList<>()), null, 1).close();
        assertTrue(s.closed);
    }

    /* The real run's hottest own method was ValueGenerator#real(Mode, Random): picked, captured nothing, then failed on
     * generated inputs. A Random can be neither generated nor captured, so it is refused at once and the next is picked. */
    @Test
    void generationEnds_hottestNeitherGeneratableNorCapturable_refusedAndTheNextHottestPicked() {
        Planted s = new Planted();
        PlantedCapture cap = new PlantedCapture(10);
        List<MethodRef> seen = new ArrayList<>();
        SelfTuner t = tuner(s, planted(List.of(), List.of(), seen), new FakeSwapper(), 1, cap);
        t.generationStarts(0);
        s.add(TICK, 90);
        s.add(SCALE, 40);
        List<SelfTuneRow> g0 = t.generationEnds(0, 3);
        assertEquals("refused", row(g0, TICK).decision());
        assertTrue(row(g0, TICK).reason().contains("parameter 2 has type java.util.concurrent.atomic.AtomicLong, which selftune"
                + " can neither generate nor capture"), row(g0, TICK).reason());
        assertEquals("capturing", row(g0, SCALE).decision(), "the one slot goes to the next hottest");
        t.generationStarts(1);
        assertEquals(List.of(SCALE), cap.started);
    }

    @Test
    void generationEnds_noCaptureAndAnUngeneratableParameter_refusedWhileAnEnumParameterIsTunedOnGeneratedInputs() {
        Planted s = new Planted();
        List<MethodRef> seen = new ArrayList<>();
        SelfTuner t = tuner(s, planted(List.of(), List.of(), seen), new FakeSwapper(), 2);
        t.generationStarts(0);
        s.add(COUNT, 90);
        s.add(SCALE, 40);
        List<SelfTuneRow> rows = t.generationEnds(0, 1);
        assertEquals("refused", row(rows, COUNT).decision());
        assertTrue(row(rows, COUNT).reason().contains("java.util.List, which selftune cannot generate, and no capture"),
                row(rows, COUNT).reason());
        assertEquals(List.of(SCALE), seen);
        assertEquals(List.of("generated"), inputsSeen);
    }

    @Test
    void generationEnds_captureGotNothingForAnUngeneratableParameter_refusedNotTunedOnGeneratedInputs() {
        Planted s = new Planted();
        List<MethodRef> seen = new ArrayList<>();
        SelfTuner t = tuner(s, planted(List.of(), List.of(), seen), new FakeSwapper(), 2, new PlantedCapture(0));
        t.generationStarts(0);
        s.add(COUNT, 50);
        assertEquals("capturing", row(t.generationEnds(0, 3), COUNT).decision(), "a list can be captured");
        t.generationStarts(1);
        List<SelfTuneRow> g1 = t.generationEnds(1, 2);
        assertEquals("refused", row(g1, COUNT).decision());
        assertTrue(row(g1, COUNT).reason().contains("tuning on generated inputs would fail"), row(g1, COUNT).reason());
        assertEquals(List.of(), seen);
    }
}
