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
 * Original strided sum and axpy vs selftune's winners vs the hand-specialised unit-stride versions
 * (sum: four accumulators, within 1e-9; axpy: bit-exact), on the usual call: increment 1.
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar StridedVectorsBenchmark -p tuned=tune-out} (a directory of out dirs: strided-sum/, axpy/)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class StridedVectorsBenchmark {
    private static final MutableCallSite TUNED_SUM = new MutableCallSite(
            MethodType.methodType(double.class, double[].class, int.class, int.class, int.class));
    private static final MethodHandle TUNED_SUM_CALL = TUNED_SUM.dynamicInvoker();
    private static final MutableCallSite TUNED_AXPY = new MutableCallSite(MethodType.methodType(void.class,
            int.class, double.class, double[].class, int.class, int.class, double[].class, int.class, int.class));
    private static final MethodHandle TUNED_AXPY_CALL = TUNED_AXPY.dynamicInvoker();

    @Param("65536")
    public int size;

    /** The increment of both vectors; 1 is what callers nearly always pass. */
    @Param("1")
    public int stride;

    /** A {@code tune --out} directory, or a directory of them named after the samples; "-" reads {@code -Dselftune.tuned}. */
    @Param(TunedMethod.FROM_PROPERTY)
    public String tuned;

    private double[] x;
    private double[] y;
    private int n;

    @Setup
    public void setUp() {
        Random rnd = new Random(BenchData.SEED);
        x = BenchData.doubles(rnd, size);
        y = BenchData.doubles(rnd, size);
        n = (size - 1) / stride + 1;
        TUNED_SUM.setTarget(TunedMethod.find("strided-sum", StridedVectors.class, "sum", TUNED_SUM.type(), tuned));
        TUNED_AXPY.setTarget(TunedMethod.find("axpy", StridedVectors.class, "axpy", TUNED_AXPY.type(), tuned));
    }

    @Benchmark
    public double originalSum() {
        return StridedVectors.sum(x, 0, stride, n);
    }

    @Benchmark
    public double tunedSum() throws Throwable {
        return (double) TUNED_SUM_CALL.invokeExact(x, 0, stride, n);
    }

    @Benchmark
    public double handSum() {
        return StridedVectorsHand.sum(x, 0, stride, n);
    }

    /* alpha is small so that y, updated on every call, stays finite over any run. */
    @Benchmark
    public double[] originalAxpy() {
        StridedVectors.axpy(n, 1e-9, x, 0, stride, y, 0, stride);
        return y;
    }

    @Benchmark
    public double[] tunedAxpy() throws Throwable {
        TUNED_AXPY_CALL.invokeExact(n, 1e-9, x, 0, stride, y, 0, stride);
        return y;
    }

    @Benchmark
    public double[] handAxpy() {
        StridedVectorsHand.axpy(n, 1e-9, x, 0, stride, y, 0, stride);
        return y;
    }
}
