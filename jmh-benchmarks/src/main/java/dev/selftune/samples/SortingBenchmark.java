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
 * Original merge sort (cut-off 7) vs selftune's winner vs cut-off 32; each call sorts a fresh copy, so the clone is in every score.
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar SortingBenchmark -p tuned=tune-out/sort}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class SortingBenchmark {
    private static final MutableCallSite TUNED = new MutableCallSite(
            MethodType.methodType(void.class, int[].class));
    private static final MethodHandle TUNED_CALL = TUNED.dynamicInvoker();

    @Param("65536")
    public int size;

    /** A {@code tune --out} directory, or a directory of them named after the samples; "-" reads {@code -Dselftune.tuned}. */
    @Param(TunedMethod.FROM_PROPERTY)
    public String tuned;

    private int[] data;

    @Setup
    public void setUp() {
        Random rnd = new Random(BenchData.SEED);
        data = BenchData.ints(rnd, size);
        TUNED.setTarget(TunedMethod.find("sort", Sorting.class, "sort", TUNED.type(), tuned));
    }

    @Benchmark
    public int[] original() {
        int[] copy = data.clone();
        Sorting.sort(copy);
        return copy;
    }

    @Benchmark
    public int[] tuned() throws Throwable {
        int[] copy = data.clone();
        TUNED_CALL.invokeExact(copy);
        return copy;
    }

    @Benchmark
    public int[] hand() {
        int[] copy = data.clone();
        SortingHand.sort(copy);
        return copy;
    }
}
