package dev.selftune.samples;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Column sums of a flat row-major matrix: the column-order original vs selftune's winner vs a row-order loop.
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar ColumnStatsBenchmark -p tuned=tune-out/column-sums}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ColumnStatsBenchmark {
    private static final MutableCallSite TUNED = new MutableCallSite(
            MethodType.methodType(void.class, double[].class, int.class, int.class, double[].class));
    private static final MethodHandle TUNED_CALL = TUNED.dynamicInvoker();

    @Param("512")
    public int side;

    /** A {@code tune --out} directory, or a directory of them named after the samples; "-" reads {@code -Dselftune.tuned}. */
    @Param(TunedMethod.FROM_PROPERTY)
    public String tuned;

    private double[] m;
    private double[] sums;

    @Setup
    public void setUp() {
        m = BenchData.doubles(new Random(BenchData.SEED), side * side);
        sums = new double[side];
        TUNED.setTarget(TunedMethod.find("column-sums", ColumnStats.class, "columnSums", TUNED.type(), tuned));
    }

    @Benchmark
    public double[] original() {
        ColumnStats.columnSums(m, side, side, sums);
        return sums;
    }

    @Benchmark
    public double[] tuned() throws Throwable {
        TUNED_CALL.invokeExact(m, side, side, sums);
        return sums;
    }

    @Benchmark
    public double[] hand() {
        ColumnStatsHand.columnSums(m, side, side, sums);
        return sums;
    }
}
