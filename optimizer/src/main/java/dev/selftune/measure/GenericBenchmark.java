package dev.selftune.measure;

import dev.selftune.inputs.Inputs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The one precompiled JMH benchmark: calls the method named by the {@link BenchSpec} in
 * {@code -D}{@value #SPEC_PROPERTY} once on every measurement row; a score is the time of one pass.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GenericBenchmark {
    /** System property naming the spec file. */
    public static final String SPEC_PROPERTY = "selftune.bench.spec";

    /* Why a static final call site: C2 folds a static final field to a constant, and a constant
     * MutableCallSite's dynamicInvoker is inlined through to its current target (with a dependency
     * that deoptimises if setTarget is called again). A MethodHandle read from an instance field is
     * not a constant: every call would go through the generic invoker and the variant's body would not
     * be inlined into the loop, adding a call per row and hiding exactly the differences we measure
     * (HotSpot trusts static finals in java.lang.invoke; see MutableCallSite's javadoc on setTarget).
     * One benchmark class per fork and one trial per fork (JMH's default), so the site is set once. */
    private static final MutableCallSite SITE = new MutableCallSite(MethodType.methodType(Object.class, Object[].class));
    private static final MethodHandle INVOKER = SITE.dynamicInvoker();

    private Object[][] rows;
    private boolean copyArgs;

    @Setup(Level.Trial)
    public void setup() {
        String spec = System.getProperty(SPEC_PROPERTY);
        if (spec == null) {
            throw new IllegalStateException("GenericBenchmark needs -D" + SPEC_PROPERTY
                    + "=<spec file>: run it through JmhMeasurer, which writes the spec and passes it to the fork");
        }
        BenchSpec read = BenchSpec.read(Path.of(spec));
        BoundMethod bound = BoundMethod.bind(read);
        SITE.setTarget(bound.invoker());
        MutableCallSite.syncAll(new MutableCallSite[] {SITE});
        rows = bound.rows();
        copyArgs = read.copyArgs();
    }

    /* The row copy (when the method mutates its arguments) is inside the timed region: it costs the
     * same for original and variant, and leaving the rows mutated would let one side run on data the
     * other side never saw (a sort measured on already-sorted input). Results go to the Blackhole so
     * C2 cannot drop the call as dead code (JMHSample_08_DeadCode). */
    @Benchmark
    public void run(Blackhole bh) throws Throwable {
        Object[][] rs = rows;
        if (copyArgs) {
            for (Object[] row : rs) {
                bh.consume((Object) INVOKER.invokeExact(Inputs.copyRow(row)));
            }
        } else {
            for (Object[] row : rs) {
                bh.consume((Object) INVOKER.invokeExact(row));
            }
        }
    }
}
