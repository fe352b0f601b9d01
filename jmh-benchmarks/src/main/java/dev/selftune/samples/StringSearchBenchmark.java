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
 * Original naive search vs selftune's winner vs a first-character scan with String.indexOf; the pattern sits near the end.
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar StringSearchBenchmark -p tuned=tune-out/string-search}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class StringSearchBenchmark {
    private static final MutableCallSite TUNED = new MutableCallSite(
            MethodType.methodType(int.class, String.class, String.class));
    private static final MethodHandle TUNED_CALL = TUNED.dynamicInvoker();

    @Param("65536")
    public int size;

    /** A {@code tune --out} directory, or a directory of them named after the samples; "-" reads {@code -Dselftune.tuned}. */
    @Param(TunedMethod.FROM_PROPERTY)
    public String tuned;

    private String text;
    private String pattern;

    @Setup
    public void setUp() {
        Random rnd = new Random(BenchData.SEED);
        text = BenchData.text(rnd, size, "abcdefghij");
        pattern = text.substring(size - size / 16, size - size / 16 + 8);
        TUNED.setTarget(TunedMethod.find("string-search", StringSearch.class, "indexOf", TUNED.type(), tuned));
    }

    @Benchmark
    public int original() {
        return StringSearch.indexOf(text, pattern);
    }

    @Benchmark
    public int tuned() throws Throwable {
        return (int) TUNED_CALL.invokeExact(text, pattern);
    }

    @Benchmark
    public int hand() {
        return StringSearchHand.indexOf(text, pattern);
    }
}
