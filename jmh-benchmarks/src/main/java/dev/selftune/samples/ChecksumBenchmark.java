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
 * Original Adler-32 with a remainder per byte vs selftune's winner vs zlib's remainder per 5552-byte block.
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar ChecksumBenchmark -p tuned=tune-out/checksum}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ChecksumBenchmark {
    private static final MutableCallSite TUNED = new MutableCallSite(
            MethodType.methodType(int.class, byte[].class));
    private static final MethodHandle TUNED_CALL = TUNED.dynamicInvoker();

    @Param("65536")
    public int size;

    /** A {@code tune --out} directory, or a directory of them named after the samples; "-" reads {@code -Dselftune.tuned}. */
    @Param(TunedMethod.FROM_PROPERTY)
    public String tuned;

    private byte[] data;

    @Setup
    public void setUp() {
        Random rnd = new Random(BenchData.SEED);
        data = BenchData.bytes(rnd, size);
        TUNED.setTarget(TunedMethod.find("checksum", Checksum.class, "adler32", TUNED.type(), tuned));
    }

    @Benchmark
    public int original() {
        return Checksum.adler32(data);
    }

    @Benchmark
    public int tuned() throws Throwable {
        return (int) TUNED_CALL.invokeExact(data);
    }

    @Benchmark
    public int hand() {
        return ChecksumHand.adler32(data);
    }
}
