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
 * Original Horner hash of a String and of bytes vs selftune's winners vs a four-way split Horner.
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar PolynomialHashBenchmark -p tuned=tune-out} (a directory of out dirs: polynomial-hash-string/, polynomial-hash-bytes/)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class PolynomialHashBenchmark {
    private static final MutableCallSite TUNED_STRING = new MutableCallSite(
            MethodType.methodType(int.class, String.class));
    private static final MethodHandle TUNED_STRING_CALL = TUNED_STRING.dynamicInvoker();
    private static final MutableCallSite TUNED_BYTES = new MutableCallSite(
            MethodType.methodType(int.class, byte[].class));
    private static final MethodHandle TUNED_BYTES_CALL = TUNED_BYTES.dynamicInvoker();

    @Param("65536")
    public int size;

    /** A {@code tune --out} directory, or a directory of them named after the samples; "-" reads {@code -Dselftune.tuned}. */
    @Param(TunedMethod.FROM_PROPERTY)
    public String tuned;

    private String text;
    private byte[] data;

    @Setup
    public void setUp() {
        Random rnd = new Random(BenchData.SEED);
        text = BenchData.text(rnd, size, "abcdefghijklmnopqrstuvwxyz0123456789 ");
        data = BenchData.bytes(rnd, size);
        TUNED_STRING.setTarget(TunedMethod.find("polynomial-hash-string", PolynomialHash.class, "hash", TUNED_STRING.type(), tuned));
        TUNED_BYTES.setTarget(TunedMethod.find("polynomial-hash-bytes", PolynomialHash.class, "hash", TUNED_BYTES.type(), tuned));
    }

    @Benchmark
    public int originalString() {
        return PolynomialHash.hash(text);
    }

    @Benchmark
    public int tunedString() throws Throwable {
        return (int) TUNED_STRING_CALL.invokeExact(text);
    }

    @Benchmark
    public int handString() {
        return PolynomialHashHand.hash(text);
    }

    @Benchmark
    public int originalBytes() {
        return PolynomialHash.hash(data);
    }

    @Benchmark
    public int tunedBytes() throws Throwable {
        return (int) TUNED_BYTES_CALL.invokeExact(data);
    }

    @Benchmark
    public int handBytes() {
        return PolynomialHashHand.hash(data);
    }
}
