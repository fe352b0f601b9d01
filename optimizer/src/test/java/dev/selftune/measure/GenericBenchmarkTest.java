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
}
