package remeasure;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.distribution.TDistribution;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * An independent re-measurement of a {@code tune} winner, written apart from selftune's own harness: the
 * published class against the winner class first on the class path, one JMH fork a side, interleaved
 * (alternating which side goes first), on inputs the tuning never saw ({@code Provider.rows(7)}). Prints
 * {@code 1.23x [1.10, 1.37] (5 pairs, cpu; wall 1.19x)}: the geometric mean of original/winner CPU time per
 * op over the pairs with its 95% t-interval, and the wall-time ratio beside it.
 *
 * <pre>java -cp &lt;classes&gt;:&lt;jmh jars&gt; remeasure.ReMeasure &lt;library class path&gt; &lt;winner dir&gt; &lt;class#method(desc)&gt; &lt;provider&gt; &lt;pairs&gt;</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReMeasure {
    /* A static final call site, set once per fork, so C2 inlines the target as it would a direct call. */
    private static final MutableCallSite SITE = new MutableCallSite(MethodType.methodType(Object.class, Object[].class));
    private static final MethodHandle INVOKER = SITE.dynamicInvoker();

    @Param("") public String libCp;
    @Param("") public String winnerDir;
    @Param("") public String target;
    @Param("") public String provider;
    @Param("original") public String side;

    private Object[][] rows;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        List<URL> urls = new ArrayList<>();
        if (side.equals("winner")) {
            urls.add(Path.of(winnerDir).toUri().toURL());
        }
        for (String e : libCp.split(File.pathSeparator)) {
            urls.add(Path.of(e).toUri().toURL());
        }
        ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        String cls = target.substring(0, target.indexOf('#'));
        String name = target.substring(target.indexOf('#') + 1, target.indexOf('('));
        MethodType type = MethodType.fromMethodDescriptorString(target.substring(target.indexOf('(')), loader);
        Method m = Class.forName(cls, true, loader).getDeclaredMethod(name, type.parameterArray());
        m.setAccessible(true);
        MethodHandle h = MethodHandles.lookup().unreflect(m);
        SITE.setTarget(h.asType(h.type().generic()).asSpreader(Object[].class, h.type().parameterCount()));
        MutableCallSite.syncAll(new MutableCallSite[] {SITE});
        rows = (Object[][]) Class.forName(provider, true, loader).getMethod("rows", long.class).invoke(null, 7L);
        copies = writesArguments(rows);
    }

    /* Whether the method changes an array argument on some row: called once on a copy of each, compared with another. */
    private static boolean writesArguments(Object[][] rows) {
        for (Object[] row : rows) {
            Object[] before = (Object[]) copy(row);
            Object[] args = (Object[]) copy(row);
            try {
                Object ignored = (Object) INVOKER.invokeExact(args);
            } catch (Throwable t) {
                // what it wrote before throwing still counts
            }
            if (!java.util.Arrays.deepEquals(before, args)) {
                return true;
            }
        }
        return false;
    }

    private boolean copies;

    /* When the method writes an array argument, arrays are copied inside the timed region on both sides, so an
     * in-place method (a sort, an FFT, a relaxation) always starts from the same data; when it writes none, the
     * rows are passed as they are: copying two 100000-element arrays per call cost more than the method
     * (StatUtils.sumDifference) and its allocation split the forks into two modes a factor of four apart.
     * Objects other than arrays are passed as they are either way. */
    @Benchmark
    public void run(Blackhole bh) throws Throwable {
        for (Object[] row : rows) {
            bh.consume((Object) INVOKER.invokeExact(copies ? (Object[]) copy(row) : row));
        }
    }

    static Object copy(Object o) {
        if (o == null || !o.getClass().isArray()) {
            return o;
        }
        int n = Array.getLength(o);
        if (o.getClass().getComponentType().isPrimitive()) {
            Object c = Array.newInstance(o.getClass().getComponentType(), n);
            System.arraycopy(o, 0, c, 0, n);
            return c;
        }
        Object[] c = (Object[]) Array.newInstance(o.getClass().getComponentType(), n);
        for (int i = 0; i < n; i++) {
            c[i] = copy(Array.get(o, i));
        }
        return c;
    }

    /* Contention: on a shared machine wall time per op also counts the time the thread waited for a core.
     * Each iteration's share of wall time the thread was on a CPU goes to a side file (outside the timed
     * region: Level.Iteration fixtures are not in the score), and the CPU time per op (score x share) is
     * what the pairs compare; the wall-time ratio is printed beside it. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private long iterationCpu;
    private long iterationWall;

    @Setup(Level.Iteration)
    public void startIteration() {
        iterationCpu = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
        iterationWall = System.nanoTime();
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        long wall = System.nanoTime() - iterationWall;
        String file = System.getProperty(CPU_LOG);
        if (file != null && iterationCpu >= 0 && wall > 0) {
            double share = (THREADS.getCurrentThreadCpuTime() - iterationCpu) / (double) wall;
            try {
                Files.writeString(Path.of(file), String.format(Locale.ROOT, "%.5f%n", share),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                // the share is a correction only: without it main falls back to wall time
            }
        }
    }

    private static final String CPU_LOG = "remeasure.cpuLog";

    /* tune's fork flags (args[5], space-separated, may be absent or empty), then the CPU log property. */
    private static String[] jvmArgs(String[] args, Path log) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (args.length > 5 && !args[5].isBlank()) {
            out.addAll(java.util.List.of(args[5].trim().split("\\s+")));
        }
        out.add("-D" + CPU_LOG + "=" + log);
        return out.toArray(new String[0]);
    }
    private static final int MEASUREMENTS = 5;

    /*
     * Ten warm-up iterations of 500 ms. With three, commons-math's FFT (about 3 ms an op over its rows) was
     * still in its warm-up transient when measuring began: this harness's run() reached C2 only about 3 s into
     * the fork, and until then an op took 6.3 ms instead of 1.6 (both sides alike); a pair in which one fork
     * had settled and the other had not read 0.5x or 2x, and the whole re-measurement 0.74x [0.43, 1.27].
     * A fork whose first measured iteration is still UNSTEADY times its last is named on its pair's line.
     */
    private static final int WARMUPS = 10;
    private static final double UNSTEADY = 1.25;

    public static void main(String[] args) throws Exception {
        int pairs = Integer.parseInt(args[4]);
        double[] cpuLogs = new double[pairs];
        double[] wallLogs = new double[pairs];
        boolean cpu = true;
        int unsteady = 0;
        for (int p = 0; p < pairs; p++) {
            String first = p % 2 == 0 ? "original" : "winner";
            String second = p % 2 == 0 ? "winner" : "original";
            double[] a = score(args, first);
            double[] b = score(args, second);
            double[] original = first.equals("original") ? a : b;
            double[] winner = first.equals("original") ? b : a;
            wallLogs[p] = Math.log(original[0] / winner[0]);
            cpuLogs[p] = Math.log(original[1] / winner[1]);
            cpu &= !Double.isNaN(cpuLogs[p]);
            System.err.printf(Locale.ROOT, "pair %d: original %.4g us (cpu %.4g)%s, winner %.4g us (cpu %.4g)%s%n",
                    p + 1, original[0], original[1], steadiness(original[2]), winner[0], winner[1], steadiness(winner[2]));
            unsteady += (original[2] > UNSTEADY ? 1 : 0) + (winner[2] > UNSTEADY ? 1 : 0);
        }
        double[] logs = cpu ? cpuLogs : wallLogs;
        double mean = mean(logs);
        double var = 0;
        for (double r : logs) {
            var += (r - mean) * (r - mean) / Math.max(1, pairs - 1);
        }
        double half = pairs < 2 ? Double.NaN
                : new TDistribution(pairs - 1).inverseCumulativeProbability(0.975) * Math.sqrt(var / pairs);
        System.out.printf(Locale.ROOT, "%.2fx [%.2f, %.2f] (%d pairs, %s%s)%n", Math.exp(mean), Math.exp(mean - half),
                Math.exp(mean + half), pairs, cpu ? String.format(Locale.ROOT, "cpu; wall %.2fx", Math.exp(mean(wallLogs))) : "wall",
                unsteady == 0 ? "" : "; " + unsteady + " of " + (2 * pairs) + " forks still warming up");
    }

    private static String steadiness(double drift) {
        return drift > UNSTEADY ? String.format(Locale.ROOT, " [still warming up: first measured iteration %.2fx the last]", drift) : "";
    }

    private static double mean(double[] xs) {
        double m = 0;
        for (double x : xs) {
            m += x / xs.length;
        }
        return m;
    }

    /*
     * The forks run with exactly the JVM flags tune's own forks ran with (its report's forkJvmArgs,
     * passed as the sixth argument): since tune fixes the forks' heap (docs/measuring.md), a
     * re-measurement on the JVM's default heap would be another experiment. Heap layout moves results
     * by itself: this harness once passed a plain -Xmx1g, and EJML's jammed winner then re-measured
     * 1.91x where tune had confirmed 1.42x (443 us with references unscaled, 608 us zero-based and
     * shifted; the original does not move).
     */
    /** {wall time per op, CPU time per op (NaN when the fork reported no CPU shares), first measured iteration / last}. */
    private static double[] score(String[] args, String side) throws Exception {
        Path log = Files.createTempFile("remeasure-", ".cpu");
        Options o = new OptionsBuilder().include("^remeasure\\.ReMeasure\\.run$").forks(1)
                .warmupIterations(WARMUPS).warmupTime(TimeValue.milliseconds(500))
                .measurementIterations(MEASUREMENTS).measurementTime(TimeValue.milliseconds(500))
                .param("libCp", args[0]).param("winnerDir", args[1]).param("target", args[2])
                .param("provider", args[3]).param("side", side)
                .jvmArgs(jvmArgs(args, log)).shouldFailOnError(true).build();
        // JMH refuses to start while another JMH run holds its machine-wide lock: two benchmarks on the same
        // cores spoil each other, so wait for it (up to ten minutes) instead of measuring beside it.
        long deadline = System.currentTimeMillis() + 600_000;
        try {
            while (true) {
                try {
                    Files.writeString(log, "");
                    RunResult run = new Runner(o).runSingle();
                    double wall = run.getPrimaryResult().getScore();
                    List<Double> its = new ArrayList<>();
                    for (BenchmarkResult b : run.getBenchmarkResults()) {
                        for (IterationResult i : b.getIterationResults()) {
                            its.add(i.getPrimaryResult().getScore());
                        }
                    }
                    double drift = its.size() < 2 ? 1 : its.get(0) / its.get(its.size() - 1);
                    List<String> shares = Files.readAllLines(log);
                    if (shares.size() < MEASUREMENTS) {
                        return new double[] {wall, Double.NaN, drift};
                    }
                    double share = 0;
                    for (String x : shares.subList(shares.size() - MEASUREMENTS, shares.size())) {
                        share += Double.parseDouble(x.trim()) / MEASUREMENTS;
                    }
                    return new double[] {wall, wall * share, drift};
                } catch (RunnerException e) {
                    if (!String.valueOf(e.getMessage()).contains("Another JMH instance") || System.currentTimeMillis() > deadline) {
                        throw e;
                    }
                    Thread.sleep(2000);
                }
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
