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
 * Original floorMod histogram vs selftune's winner vs a mask for powers of two with two count arrays.
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar HistogramBenchmark -p tuned=tune-out/histogram}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class HistogramBenchmark {
    private static final MutableCallSite TUNED = new MutableCallSite(
            MethodType.methodType(int[].class, int[].class, int.class));
    private static final MethodHandle TUNED_CALL = TUNED.dynamicInvoker();

    @Param("65536")
    public int size;

    @Param({"256", "1000"})
    public int bins;

    /** A {@code tune --out} directory, or a directory of them named after the samples; "-" reads {@code -Dselftune.tuned}. */
    @Param(TunedMethod.FROM_PROPERTY)
    public String tuned;

    private int[] values;

    @Setup
    public void setUp() {
        Random rnd = new Random(BenchData.SEED);
        values = BenchData.ints(rnd, size);
        TUNED.setTarget(TunedMethod.find("histogram", Histogram.class, "histogram", TUNED.type(), tuned));
    }

    @Benchmark
    public int[] original() {
        return Histogram.histogram(values, bins);
    }

    @Benchmark
    public int[] tuned() throws Throwable {
        return (int[]) TUNED_CALL.invokeExact(values, bins);
    }

    @Benchmark
    public int[] hand() {
        return HistogramHand.histogram(values, bins);
    }
}
