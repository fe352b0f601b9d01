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
 * Original i-j-p product on flat row-major arrays vs selftune's winner vs i-p-j with a hoisted
 * a[i*k + p] (bit-exact; the original runs when c is a or b).
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar FlatMatrixMultiplyBenchmark -p tuned=tune-out/flat-matrix-multiply}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class FlatMatrixMultiplyBenchmark {
    private static final MutableCallSite TUNED = new MutableCallSite(MethodType.methodType(void.class,
            double[].class, double[].class, double[].class, int.class, int.class, int.class));
    private static final MethodHandle TUNED_CALL = TUNED.dynamicInvoker();

    @Param("256")
    public int n;

    /** A {@code tune --out} directory, or a directory of them named after the samples; "-" reads {@code -Dselftune.tuned}. */
    @Param(TunedMethod.FROM_PROPERTY)
    public String tuned;

    private double[] a;
    private double[] b;
    private double[] c;

    @Setup
    public void setUp() {
        Random rnd = new Random(BenchData.SEED);
        a = BenchData.doubles(rnd, n * n);
        b = BenchData.doubles(rnd, n * n);
        c = new double[n * n];
        TUNED.setTarget(TunedMethod.find("flat-matrix-multiply", FlatMatrixMultiply.class, "multiplyAdd", TUNED.type(), tuned));
    }

    @Benchmark
    public double[] original() {
        FlatMatrixMultiply.multiplyAdd(a, b, c, n, n, n);
        return c;
    }

    @Benchmark
    public double[] tuned() throws Throwable {
        TUNED_CALL.invokeExact(a, b, c, n, n, n);
        return c;
    }

    @Benchmark
    public double[] hand() {
        FlatMatrixMultiplyHand.multiplyAdd(a, b, c, n, n, n);
        return c;
    }
}
