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
 * Original running totals vs selftune's winner vs a four-way unrolled version.
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar PrefixSumBenchmark -p tuned=tune-out/prefix-sum}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class PrefixSumBenchmark {
    private static final MutableCallSite TUNED = new MutableCallSite(
            MethodType.methodType(long[].class, long[].class));
    private static final MethodHandle TUNED_CALL = TUNED.dynamicInvoker();

    @Param("65536")
    public int size;

    /** A {@code tune --out} directory, or a directory of them named after the samples; "-" reads {@code -Dselftune.tuned}. */
    @Param(TunedMethod.FROM_PROPERTY)
    public String tuned;

    private long[] a;

    @Setup
    public void setUp() {
        Random rnd = new Random(BenchData.SEED);
        a = BenchData.longs(rnd, size);
        TUNED.setTarget(TunedMethod.find("prefix-sum", PrefixSum.class, "prefixSums", TUNED.type(), tuned));
    }

    @Benchmark
    public long[] original() {
        return PrefixSum.prefixSums(a);
    }

    @Benchmark
    public long[] tuned() throws Throwable {
        return (long[]) TUNED_CALL.invokeExact(a);
    }

    @Benchmark
    public long[] hand() {
        return PrefixSumHand.prefixSums(a);
    }
}
