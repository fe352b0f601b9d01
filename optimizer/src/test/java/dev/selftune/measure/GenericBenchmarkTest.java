package dev.selftune.measure;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.inputs.InputSource;
import dev.selftune.measure.specimen.DrainSpecimen;
import dev.selftune.target.Target;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.infra.Blackhole;

/** The benchmark body outside JMH: what one op does to a mutating method's rows. */
class GenericBenchmarkTest {
    private static final int DOUBLES = 1 << 16;

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(GenericBenchmark.SPEC_PROPERTY);
    }

    private GenericBenchmark benchmark(boolean copyArgs) {
        return benchmark("drain", copyArgs);
    }

    private GenericBenchmark benchmark(String method, boolean copyArgs) {
        Target t = Specimens.target(DrainSpecimen.class, method, "([D)V", true);
        InputSource in = new InputSource(7, new int[] {DOUBLES}, null, null);
        Path spec = BenchSpec.of(t, "original", t.classBytes(), in, copyArgs, dir).write(dir);
        System.setProperty(GenericBenchmark.SPEC_PROPERTY, spec.toString());
        GenericBenchmark b = new GenericBenchmark();
        b.setup();
        return b;
    }

    private static Blackhole blackhole() {
        return new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    }

    @Test
    void run_mutatingMethodTwice_everyCallSeesThePristineRow() throws Throwable {
        GenericBenchmark b = benchmark(true);
        Blackhole bh = blackhole();
        for (int op = 0; op < 3; op++) {
            b.run(bh); // DrainSpecimen throws if a call sees the NaNs the previous call left
        }
    }

    @Test
    void run_mutatingMethodWithoutCopy_secondCallSeesMutatedRow() throws Throwable {
        GenericBenchmark b = benchmark(false);
        Blackhole bh = blackhole();
        b.run(bh);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.run(bh));
        assertTrue(e.getMessage().contains("not restored"), e.getMessage());
    }

    /* The cause of bimodal forks (docs/measuring-mutating-methods.md): a fresh copy of every row per op
     * turned a 740 KB row set into 7 GB/s of garbage, and the score followed the heap's growth. */
    @Test
    void run_mutatingMethodWithLargeRow_allocatesNoCopyPerOp() throws Throwable {
        GenericBenchmark b = benchmark(true);
        Blackhole bh = blackhole();
        for (int op = 0; op < 20; op++) {
            b.run(bh);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        int ops = 50;
        long before = threads.getThreadAllocatedBytes(id);
        for (int op = 0; op < ops; op++) {
            b.run(bh);
        }
        long perOp = (threads.getThreadAllocatedBytes(id) - before) / ops;
        long rowBytes = 8L * DOUBLES;
        assertTrue(perOp < rowBytes / 16, "one op allocated " + perOp + " bytes; a copy of the row is " + rowBytes);
    }

    @Test
    void endIteration_arrayChangedOnlyAfterTheProbes_failsTheIterationNamingTheRow() throws Throwable {
        GenericBenchmark b = benchmark("lateWrite", true);
        Blackhole bh = blackhole();
        b.startIteration();
        for (int op = 0; op < 10; op++) {
            b.run(bh); // row generation and the refill's probes made fewer than 8 calls, so a later call writes
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, b::endIteration);
        assertTrue(e.getMessage().contains("measurement row 0") && e.getMessage().contains("later call"), e.getMessage());
    }

    /** The row's value halved; throws on a negative value (a row the method rejects). */
    static int half(int v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative: " + v);
        }
        return v / 2;
    }

    private static java.lang.invoke.MethodHandle halfInvoker() throws Exception {
        java.lang.invoke.MethodHandle h = java.lang.invoke.MethodHandles.lookup().findStatic(GenericBenchmarkTest.class, "half",
                java.lang.invoke.MethodType.methodType(int.class, int.class));
        return h.asType(h.type().generic()).asSpreader(Object[].class, 1);
    }

    @Test
    void rowsThatReturn_rowsThatThrowLeftOut_theOthersKeptInOrder() throws Exception {
        Object[][] rows = {{4}, {-1}, {6}, {-3}};
        Object[][] kept = GenericBenchmark.rowsThatReturn(rows, halfInvoker());
        org.junit.jupiter.api.Assertions.assertEquals(2, kept.length);
        org.junit.jupiter.api.Assertions.assertSame(rows[0], kept[0]);
        org.junit.jupiter.api.Assertions.assertSame(rows[2], kept[1]);
    }

    @Test
    void rowsThatReturn_everyRowThrows_saysThereIsNothingToMeasure() throws Exception {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GenericBenchmark.rowsThatReturn(new Object[][] {{-1}, {-2}}, halfInvoker()));
        assertTrue(e.getMessage().startsWith("the method threw on every one of its 2 input rows"), e.getMessage());
        assertTrue(e.getMessage().contains("negative: -2"), e.getMessage());
    }

    @Test
    void dropThrowingRows_roundTripsThroughTheSpecFile_andAnOlderSpecReadsFalse() throws Exception {
        Target t = Specimens.target(DrainSpecimen.class, "drain", "([D)V", true);
        InputSource in = new InputSource(7, new int[] {16}, null, null);
        BenchSpec spec = BenchSpec.of(t, "original", t.classBytes(), in, false, dir).droppingThrowingRows(true);
        Path file = spec.write(dir.resolve("specs"));
        assertTrue(BenchSpec.read(file).dropThrowingRows());
        java.util.List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(file));
        lines.removeIf(l -> l.startsWith("dropThrowingRows"));
        java.nio.file.Files.write(file, lines);
        org.junit.jupiter.api.Assertions.assertFalse(BenchSpec.read(file).dropThrowingRows());
        org.junit.jupiter.api.Assertions.assertNotEquals(MeasurementKey.of(spec, ForkPlan.screening(), "env"),
                MeasurementKey.of(spec.droppingThrowingRows(false), ForkPlan.screening(), "env"));
    }
}
