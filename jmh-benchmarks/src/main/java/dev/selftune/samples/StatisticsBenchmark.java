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
 * Original sum of squares and two-pass variance vs selftune's winners vs four accumulators (variance within 1e-9).
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar StatisticsBenchmark -p tuned=tune-out} (a directory of out dirs: sum-of-squares/, variance/)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class StatisticsBenchmark {
    private static final MutableCallSite TUNED_SUMOFSQUARES = new MutableCallSite(
            MethodType.methodType(long.class, int[].class));
    private static final MethodHandle TUNED_SUMOFSQUARES_CALL = TUNED_SUMOFSQUARES.dynamicInvoker();
    private static final MutableCallSite TUNED_VARIANCE = new MutableCallSite(
            MethodType.methodType(double.class, double[].class));
    private static final MethodHandle TUNED_VARIANCE_CALL = TUNED_VARIANCE.dynamicInvoker();

    @Param("65536")
    public int size;

    /** A {@code tune --out} directory, or a directory of them named after the samples; "-" reads {@code -Dselftune.tuned}. */
    @Param(TunedMethod.FROM_PROPERTY)
    public String tuned;

    private int[] ints;
    private double[] doubles;

    @Setup
    public void setUp() {
        Random rnd = new Random(BenchData.SEED);
        ints = BenchData.ints(rnd, size);
        doubles = BenchData.doubles(rnd, size);
        TUNED_SUMOFSQUARES.setTarget(TunedMethod.find("sum-of-squares", Statistics.class, "sumOfSquares", TUNED_SUMOFSQUARES.type(), tuned));
        TUNED_VARIANCE.setTarget(TunedMethod.find("variance", Statistics.class, "variance", TUNED_VARIANCE.type(), tuned));
    }

    @Benchmark
    public long originalSumOfSquares() {
        return Statistics.sumOfSquares(ints);
    }

    @Benchmark
    public long tunedSumOfSquares() throws Throwable {
        return (long) TUNED_SUMOFSQUARES_CALL.invokeExact(ints);
    }

    @Benchmark
    public long handSumOfSquares() {
        return StatisticsHand.sumOfSquares(ints);
    }

    @Benchmark
    public double originalVariance() {
        return Statistics.variance(doubles);
    }

    @Benchmark
    public double tunedVariance() throws Throwable {
        return (double) TUNED_VARIANCE_CALL.invokeExact(doubles);
    }

    @Benchmark
    public double handVariance() {
        return StatisticsHand.variance(doubles);
    }
}
