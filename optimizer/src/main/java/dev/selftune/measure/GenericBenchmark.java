package dev.selftune.measure;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import dev.selftune.inputs.Inputs;

/**
 * The one precompiled JMH benchmark: calls the method named by the {@link BenchSpec} in
 * {@code -D}{@value #SPEC_PROPERTY} once on every measurement row; a score is the time of one pass.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GenericBenchmark {
    /** System property naming the spec file. */
    public static final String SPEC_PROPERTY = "selftune.bench.spec";

    /* Why a static final call site: C2 folds a static final field to a constant, and a constant
     * MutableCallSite's dynamicInvoker is inlined through to its current target (with a dependency
     * that deoptimises if setTarget is called again). A MethodHandle read from an instance field is
     * not a constant: every call would go through the generic invoker and the variant's body would not
     * be inlined into the loop, adding a call per row and hiding exactly the differences we measure
     * (HotSpot trusts static finals in java.lang.invoke; see MutableCallSite's javadoc on setTarget).
     * One benchmark class per fork and one trial per fork (JMH's default), so the site is set once. */
    private static final MutableCallSite SITE = new MutableCallSite(MethodType.methodType(Object.class, Object[].class));
    private static final MethodHandle INVOKER = SITE.dynamicInvoker();

    /** System property naming a file to which each iteration appends the share of wall time the thread was on a CPU. */
    public static final String CPU_LOG_PROPERTY = "selftune.bench.cpuLog";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Object[][] rows;
    private RowRefill refill;
    private long iterationCpu;
    private long iterationWall;

    @Setup(Level.Trial)
    public void setup() {
        String spec = System.getProperty(SPEC_PROPERTY);
        if (spec == null) {
            throw new IllegalStateException("GenericBenchmark needs -D" + SPEC_PROPERTY
                    + "=<spec file>: run it through JmhMeasurer, which writes the spec and passes it to the fork");
        }
        BenchSpec read = BenchSpec.read(Path.of(spec));
        BoundMethod bound = BoundMethod.bind(read);
        SITE.setTarget(bound.invoker());
        MutableCallSite.syncAll(new MutableCallSite[] {SITE});
        rows = read.dropThrowingRows() ? rowsThatReturn(bound.rows(), bound.invoker()) : bound.rows();
        refill = read.copyArgs() ? RowRefill.of(rows).probe(bound.invoker()) : null;
    }

    /*
     * The rows on which one call, on a copy of the row (arrays copied, other objects shared, as
     * Inputs.copyRow does), returns normally. A VM error is not the method's doing and fails the fork.
     * No row left is an error that says so: there would be nothing to measure.
     */
    static Object[][] rowsThatReturn(Object[][] rows, MethodHandle invoker) {
        List<Object[]> keep = new ArrayList<>(rows.length);
        Throwable last = null;
        for (Object[] row : rows) {
            try {
                Object ignored = (Object) invoker.invoke(Inputs.copyRow(row));
                keep.add(row);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                last = t;
            }
        }
        if (keep.isEmpty() && rows.length > 0) {
            throw new IllegalStateException("the method threw on every one of its " + rows.length + " input rows (the last: "
                    + last + "); rows on which it throws are left out of the measurement, so nothing is left to measure", last);
        }
        return keep.toArray(new Object[0][]);
    }

    /* Contention: JMH's AverageTime is wall-clock time, so a fork that shares its core with other
     * processes looks slower by the share it lost. Thread CPU time over wall time per iteration tells
     * how much of the iteration the thread actually ran; JmhMeasurer reads the shares from a side file
     * (fork stdout goes to the host's stdout, not to JMH's output file) and Decider uses score x share,
     * the CPU time per op. Measured outside the timed loop: Level.Iteration fixtures are not in the
     * score (only Level.Invocation fixtures would be; see JMH's Level javadoc). */
    @Setup(Level.Iteration)
    public void startIteration() {
        iterationCpu = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
        iterationWall = System.nanoTime();
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        long wall = System.nanoTime() - iterationWall;
        String file = System.getProperty(CPU_LOG_PROPERTY);
        if (file != null && iterationCpu >= 0 && wall > 0) {
            double share = (THREADS.getCurrentThreadCpuTime() - iterationCpu) / (double) wall;
            try {
                Files.writeString(Path.of(file), String.format(Locale.ROOT, "%.4f%n", share),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                // a diagnostic only: losing it must not fail the measurement
            }
        }
        /* After the CPU share, so the comparison is not in it; a throw here fails the fork (JMH runs
         * with shouldFailOnError), and a score measured on changed data is never reported. */
        String broken = refill == null ? null : refill.intact();
        if (broken != null) {
            throw new IllegalStateException("GenericBenchmark cannot trust this iteration: " + broken
                    + "; the benchmark refills only the arrays its probe calls saw changed (RowRefill)");
        }
    }

    /* The row refill (when the method mutates its arguments) is inside the timed region: it costs the
     * same for original and variant, and leaving the rows mutated would let one side run on data the
     * other side never saw (a sort measured on already-sorted input). It refills scratch arrays made
     * once, and only those the method was seen to change, instead of allocating a copy of every array
     * per call: copies made the score depend on the collector and the heap's growth, not on the
     * method (RowRefill). Results go to the Blackhole so C2 cannot drop
     * the call as dead code (JMHSample_08_DeadCode). */
    @Benchmark
    public void run(Blackhole bh) throws Throwable {
        RowRefill rf = refill;
        if (rf != null) {
            for (int i = 0, n = rf.size(); i < n; i++) {
                bh.consume((Object) INVOKER.invokeExact(rf.refill(i)));
            }
        } else {
            for (Object[] row : rows) {
                bh.consume((Object) INVOKER.invokeExact(row));
            }
        }
    }
}
