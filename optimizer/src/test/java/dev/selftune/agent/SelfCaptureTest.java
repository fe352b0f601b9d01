package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.inputs.Inputs;
import dev.selftune.selftest.OwnHot;
import dev.selftune.selftest.OwnModes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

    /* The run's ValueGenerator#real(Mode, Random) was hot, yet nothing was captured: the static path copied only
     * primitives, Strings and primitive arrays, so every call with an enum argument was dropped, silently. */
    @Test
    void start_staticMethodWithEnumArgument_capturesRowsThatReadBackAsConstants() throws Exception {
        List<String> log = new ArrayList<>();
        SelfCapture c = new SelfCapture(SelfSwapTest.INST, dir.resolve("events.jsonl"), log::add);
        MethodRef scale = new MethodRef(OwnModes.class.getName(), "scale", "(Ldev/selftune/selftest/OwnModes$Mode;D)D");
        SelfTuneSeams.Recording r = c.start(OwnModes.class, scale);
        double total = 0;
        long deadline = System.nanoTime() + 3_000_000_000L;
        OwnModes.Mode[] modes = OwnModes.Mode.values();
        for (int i = 0; System.nanoTime() < deadline && i < 1_000_000; i++) {
            total += OwnModes.scale(modes[i % modes.length], i);
            if (i % 1000 == 999) {
                Thread.sleep(5);
            }
        }
        Path file = dir.resolve("scale.rows");
        SelfTuneSeams.Captured got = r.finish(file);
        assertTrue(total != 0);
        assertNotNull(got.inputsFile(), "no rows: " + got.refusal() + " " + log);
        List<Object[]> rows = Inputs.readRows(file);
        assertEquals(got.rows(), rows.size());
        assertTrue(rows.stream().allMatch(row -> row.length == 2 && row[0] instanceof dev.selftune.inputs.CapturedObject
                && row[1] instanceof Double), "rows hold the constant and the double");
    }

    /* Arms a capture of {@code m}, calls it for 2 s through {@code call} (which must return non-zero) and finishes. */
    private SelfTuneSeams.Captured captureFor2s(MethodRef m, java.util.function.LongSupplier call, List<String> log) throws Exception {
        return captureFor2s(OwnRandom.class, m, call, log);
    }

    private SelfTuneSeams.Captured captureFor2s(Class<?> owner, MethodRef m, java.util.function.LongSupplier call, List<String> log)
            throws Exception {
        SelfCapture c = new SelfCapture(SelfSwapTest.INST, dir.resolve("events.jsonl"), log::add);
        SelfTuneSeams.Recording r = c.start(owner, m);
        long deadline = System.nanoTime() + 2_000_000_000L;
        long total = 0;
        while (System.nanoTime() < deadline) {
            total += call.getAsLong();
            Thread.sleep(1);
        }
        assertTrue(total != 0);
        return r.finish(dir.resolve(m.name() + ".rows"));
    }

    /* ValueGenerator#real itself takes a java.util.Random: it travels in its serial form, so its calls are kept. */
    @Test
    void start_randomArgument_capturedInItsSerialForm() throws Exception {
        List<String> log = new ArrayList<>();
        Random rnd = new Random(1);
        SelfTuneSeams.Captured got = captureFor2s(new MethodRef(OwnRandom.class.getName(), "pick", "(Ljava/util/Random;)I"),
                () -> OwnRandom.pick(rnd), log);
        assertNotNull(got.inputsFile(), "Random arguments are captured now " + log + " " + got.refusal());
        assertTrue(got.rows() > 0);
    }

    /* A JDK object outside the copied kinds (an AtomicLong): the capture must say why nothing was kept. */
    @Test
    void start_argumentNoCopyCanStandFor_refusalNamesItsType() throws Exception {
        List<String> log = new ArrayList<>();
        java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong();
        SelfTuneSeams.Captured got = captureFor2s(new MethodRef(OwnRandom.class.getName(), "next",
                "(Ljava/util/concurrent/atomic/AtomicLong;)J"), () -> OwnRandom.next(counter), log);
        assertEquals(null, got.inputsFile());
        assertNotNull(got.refusal(), "the capture must say why nothing was kept " + log);
        assertTrue(got.refusal().contains("java.util.concurrent.atomic.AtomicLong"), got.refusal());
    }

    /* Differ#diff compares Snapshot records (Seq, Obj): a record argument was refused as "extends the JDK class
     * java.lang.Record", so no method taking records could be tuned on captured calls. */
    @Test
    void start_recordArguments_capturedByComponentsAndReadBack() throws Exception {
        List<String> log = new ArrayList<>();
        OwnPairs.Pair a = new OwnPairs.Pair("a", new int[] {1, 2, 3}, null);
        OwnPairs.Pair b = new OwnPairs.Pair("b", new int[] {1, 5}, a);
        String pair = "L" + OwnPairs.Pair.class.getName().replace('.', '/') + ";";
        SelfTuneSeams.Captured got = captureFor2s(OwnPairs.class, new MethodRef(OwnPairs.class.getName(), "gap",
                "(" + pair + pair + ")I"), () -> OwnPairs.gap(b, a), log);
        assertNotNull(got.inputsFile(), "record arguments are captured now " + log + " " + got.refusal());
        List<Object[]> rows = Inputs.readRows(got.inputsFile());
        assertEquals(got.rows(), rows.size());
        assertTrue(rows.stream().allMatch(row -> row.length == 2 && row[0] instanceof dev.selftune.inputs.CapturedObject c
                && c.toString().equals(OwnPairs.Pair.class.getName() + "(name, items, parent)")), "rows hold the records by components");
    }

    /** An own-looking static method comparing two records, one nested in the other. */
    static final class OwnPairs {
        record Pair(String name, int[] items, Pair parent) { }

        static int gap(Pair x, Pair y) {
            int d = x.items().length - y.items().length + (x.parent() == y ? 1 : 0);
            return d == 0 ? 7 : d;
        }
    }

    /** An own-looking static method whose argument is a JDK object no copy can stand for. */
    static final class OwnRandom {
        static int pick(Random r) {
            return 1 + r.nextInt(6);
        }

        static long next(java.util.concurrent.atomic.AtomicLong counter) {
            return counter.incrementAndGet();
        }
    }
}
