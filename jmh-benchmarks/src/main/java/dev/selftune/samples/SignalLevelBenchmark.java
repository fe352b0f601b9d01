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
 * Original energy loop over a {@link Signal}'s fields with the band gain recomputed per sample vs
 * selftune's winner vs the fields and the gain read once (bit-exact).
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar SignalLevelBenchmark -p tuned=tune-out/signal-level}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class SignalLevelBenchmark {
    private static final MutableCallSite TUNED = new MutableCallSite(MethodType.methodType(double.class, Signal.class));
    private static final MethodHandle TUNED_CALL = TUNED.dynamicInvoker();

    @Param("65536")
    public int n;

    /** A {@code tune --out} directory, or a directory of them named after the samples; "-" reads {@code -Dselftune.tuned}. */
    @Param(TunedMethod.FROM_PROPERTY)
    public String tuned;

    private Signal s;

    @Setup
    public void setUp() {
        Random rnd = new Random(BenchData.SEED);
        s = new Signal(BenchData.doubles(rnd, n), n, 48_000, 1_000, 6, 0.7);
        TUNED.setTarget(TunedMethod.find("signal-level", SignalLevel.class, "energy", TUNED.type(), tuned));
    }

    @Benchmark
    public double original() {
        return SignalLevel.energy(s);
    }

    @Benchmark
    public double tuned() throws Throwable {
        return (double) TUNED_CALL.invokeExact(s);
    }

    @Benchmark
    public double hand() {
        return SignalLevelHand.energy(s);
    }
}
