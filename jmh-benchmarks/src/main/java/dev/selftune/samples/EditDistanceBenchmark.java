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
 * Original two-row Levenshtein vs selftune's winner vs one row over char arrays with the neighbours in locals.
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar EditDistanceBenchmark -p tuned=tune-out/edit-distance}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class EditDistanceBenchmark {
    private static final MutableCallSite TUNED = new MutableCallSite(
            MethodType.methodType(int.class, String.class, String.class));
    private static final MethodHandle TUNED_CALL = TUNED.dynamicInvoker();

    @Param("1024")
    public int size;

    /** A {@code tune --out} directory, or a directory of them named after the samples; "-" reads {@code -Dselftune.tuned}. */
    @Param(TunedMethod.FROM_PROPERTY)
    public String tuned;

    private String a;
    private String b;

    @Setup
    public void setUp() {
        Random rnd = new Random(BenchData.SEED);
        a = BenchData.text(rnd, size, "ACGT");
        b = BenchData.text(rnd, size, "ACGT");
        TUNED.setTarget(TunedMethod.find("edit-distance", EditDistance.class, "distance", TUNED.type(), tuned));
    }

    @Benchmark
    public int original() {
        return EditDistance.distance(a, b);
    }

    @Benchmark
    public int tuned() throws Throwable {
        return (int) TUNED_CALL.invokeExact(a, b);
    }

    @Benchmark
    public int hand() {
        return EditDistanceHand.distance(a, b);
    }
}
