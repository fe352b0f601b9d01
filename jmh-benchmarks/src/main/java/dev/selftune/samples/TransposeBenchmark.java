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
 * Original row-order transpose vs selftune's winner vs 32×32 tiles, n×n matrices.
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar TransposeBenchmark -p tuned=tune-out/transpose}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class TransposeBenchmark {
    private static final MutableCallSite TUNED = new MutableCallSite(
            MethodType.methodType(double[][].class, double[][].class));
    private static final MethodHandle TUNED_CALL = TUNED.dynamicInvoker();

    @Param({"256", "1024"})
    public int n;

    /** A {@code tune --out} directory, or a directory of them named after the samples; "-" reads {@code -Dselftune.tuned}. */
    @Param(TunedMethod.FROM_PROPERTY)
    public String tuned;

    private double[][] a;

    @Setup
    public void setUp() {
        Random rnd = new Random(BenchData.SEED);
        a = BenchData.matrix(rnd, n, n);
        TUNED.setTarget(TunedMethod.find("transpose", Transpose.class, "transpose", TUNED.type(), tuned));
    }

    @Benchmark
    public double[][] original() {
        return Transpose.transpose(a);
    }

    @Benchmark
    public double[][] tuned() throws Throwable {
        return (double[][]) TUNED_CALL.invokeExact(a);
    }

    @Benchmark
    public double[][] hand() {
        return TransposeHand.transpose(a);
    }
}
