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
 * Original long-indexed Hamming distance vs selftune's winner vs an int-indexed loop with four sums.
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar HammingBenchmark -p tuned=tune-out/hamming-distance}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class HammingBenchmark {
    private static final MutableCallSite TUNED = new MutableCallSite(
            MethodType.methodType(long.class, long[].class, long[].class));
    private static final MethodHandle TUNED_CALL = TUNED.dynamicInvoker();

    @Param("65536")
    public int size;

    /** A {@code tune --out} directory, or a directory of them named after the samples; "-" reads {@code -Dselftune.tuned}. */
    @Param(TunedMethod.FROM_PROPERTY)
    public String tuned;

    private long[] a;
    private long[] b;

    @Setup
    public void setUp() {
        Random rnd = new Random(BenchData.SEED);
        a = BenchData.longs(rnd, size);
        b = BenchData.longs(rnd, size);
        TUNED.setTarget(TunedMethod.find("hamming-distance", Hamming.class, "distance", TUNED.type(), tuned));
    }

    @Benchmark
    public long original() {
        return Hamming.distance(a, b);
    }

    @Benchmark
    public long tuned() throws Throwable {
        return (long) TUNED_CALL.invokeExact(a, b);
    }

    @Benchmark
    public long hand() {
        return HammingHand.distance(a, b);
    }
}
