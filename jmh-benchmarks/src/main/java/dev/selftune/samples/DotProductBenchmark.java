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
 * Original single-accumulator dot product vs selftune's winner vs four accumulators (reassociated, within 1e-9).
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar DotProductBenchmark -p tuned=tune-out/dot-product}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class DotProductBenchmark {
    private static final MutableCallSite TUNED = new MutableCallSite(
            MethodType.methodType(double.class, double[].class, double[].class));
    private static final MethodHandle TUNED_CALL = TUNED.dynamicInvoker();

    @Param("65536")
    public int size;

    /** A {@code tune --out} directory, or a directory of them named after the samples; "-" reads {@code -Dselftune.tuned}. */
    @Param(TunedMethod.FROM_PROPERTY)
    public String tuned;

    private double[] a;
    private double[] b;

    @Setup
    public void setUp() {
        Random rnd = new Random(BenchData.SEED);
        a = BenchData.doubles(rnd, size);
        b = BenchData.doubles(rnd, size);
        TUNED.setTarget(TunedMethod.find("dot-product", DotProduct.class, "dot", TUNED.type(), tuned));
    }

    @Benchmark
    public double original() {
        return DotProduct.dot(a, b);
    }

    @Benchmark
    public double tuned() throws Throwable {
        return (double) TUNED_CALL.invokeExact(a, b);
    }

    @Benchmark
    public double hand() {
        return DotProductHand.dot(a, b);
    }
}
