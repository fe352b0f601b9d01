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
 * Original i-j-k multiply vs selftune's winner vs hand-written i-k-j with hoisted rows, n×n matrices.
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar MatrixMultiplyBenchmark -p tuned=tune-out/matrix-multiply}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class MatrixMultiplyBenchmark {
    private static final MutableCallSite TUNED = new MutableCallSite(
            MethodType.methodType(double[][].class, double[][].class, double[][].class));
    private static final MethodHandle TUNED_CALL = TUNED.dynamicInvoker();

    @Param("256")
    public int n;

    /** A {@code tune --out} directory, or a directory of them named after the samples; "-" reads {@code -Dselftune.tuned}. */
    @Param(TunedMethod.FROM_PROPERTY)
    public String tuned;

    private double[][] a;
    private double[][] b;

    @Setup
    public void setUp() {
        Random rnd = new Random(BenchData.SEED);
        a = BenchData.matrix(rnd, n, n);
        b = BenchData.matrix(rnd, n, n);
        TUNED.setTarget(TunedMethod.find("matrix-multiply", MatrixMultiply.class, "multiply", TUNED.type(), tuned));
    }

    @Benchmark
    public double[][] original() {
        return MatrixMultiply.multiply(a, b);
    }

    @Benchmark
    public double[][] tuned() throws Throwable {
        return (double[][]) TUNED_CALL.invokeExact(a, b);
    }

    @Benchmark
    public double[][] hand() {
        return MatrixMultiplyHand.multiply(a, b);
    }
}
