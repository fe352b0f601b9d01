package dev.selftune.measure;

import dev.selftune.api.Measurement;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Measures a {@link BenchSpec} with JMH's {@link Runner} in forked JVMs through {@link GenericBenchmark},
 * and confirms a candidate against its baseline with interleaved fresh forks.
 */
public final class JmhMeasurer implements Measurer {
    private static final String BENCHMARK = GenericBenchmark.class.getName() + ".run";
    private static final Object RUN_LOCK = new Object();
    private static final long LOCK_WAIT_MILLIS = Long.getLong("selftune.jmh.lockWaitMillis", 600_000);

    private final String javaBinary;
    private final List<String> jvmArgs;
    private final Path workDir;
    private final List<Path> forkClasspath;
    private final Duration forkTimeout;
    /** How long a run may still wait for JMH's machine-wide lock, asked afresh before each run (the caller's budget). */
    private volatile LongSupplier lockWaitMillis = () -> LOCK_WAIT_MILLIS;
    private static final AtomicInteger RUNS = new AtomicInteger();
    private volatile double lastRunSeconds;
    private volatile double lastRunCpuShare = Double.NaN;
    private volatile double[] lastForkCpuShares = new double[0];
    private volatile String environmentKey;
    private double totalForkSeconds;
    private double totalOverheadSeconds;
    private int totalForks;

    /* JVM flags: JMH's default for a fork is the calling JVM's own input arguments, which would carry
     * -javaagent, -agentlib:jdwp (a second debugger on the same port) or surefire's flags into every
     * fork. We always pass jvmArgs explicitly, so a fork runs with exactly the flags given here (the
     * agent passes the host's relevant flags) after ForkFlags' fixed heap (unless they size the heap
     * themselves), plus -D selftune.bench.spec appended, and on JDK 23+
     * --sun-misc-unsafe-memory-access=allow in front (ForkFlags: JMH's own use of sun.misc.Unsafe).
     * Class path: JMH builds the fork's -cp from System.getProperty("java.class.path") at launch
     * (Runner.addClasspath). Under -javaagent that property lacks the agent jar (DESIGN.md), so an
     * override swaps the property for the duration of the run, under RUN_LOCK.
     * Concurrency: one run per JVM at a time (RUN_LOCK). JMH also takes a file lock on
     * ${java.io.tmpdir}/jmh.lock and fails at once when another JMH process holds it; we wait and
     * retry (up to -Dselftune.jmh.lockWaitMillis), since two benchmarks on 2 cores spoil each other.
     * Timeout: JMH's own iteration timeout only interrupts the benchmark thread, which a CPU-bound
     * loop never notices, and the default is 10 minutes. A watchdog kills, when the run overstays,
     * exactly the child processes whose command line carries this run's spec file; JMH then sees the
     * fork die and fails the run, and the variant is rejected as too slow. */

    public JmhMeasurer(String javaBinary, List<String> jvmArgs, Path workDir) {
        this(javaBinary, jvmArgs, workDir, null);
    }

    /** With {@code forkClasspath} non-null, forks get that class path instead of {@code java.class.path}. */
    public JmhMeasurer(String javaBinary, List<String> jvmArgs, Path workDir, List<Path> forkClasspath) {
        this(javaBinary, jvmArgs, workDir, forkClasspath, null);
    }

    private JmhMeasurer(String javaBinary, List<String> jvmArgs, Path workDir, List<Path> forkClasspath, Duration forkTimeout) {
        this.javaBinary = Objects.requireNonNull(javaBinary, "javaBinary");
        this.jvmArgs = ForkFlags.forForks(jvmArgs);
        this.workDir = Objects.requireNonNull(workDir, "workDir");
        this.forkClasspath = forkClasspath == null ? null : List.copyOf(forkClasspath);
        this.forkTimeout = forkTimeout;
    }

    /**
     * A measurer whose forks are killed after {@code perFork} (JVM start included), failing the run;
     * without it the limit is 60 s plus 20 times the plan's iterating time.
     */
    public JmhMeasurer withForkTimeout(Duration perFork) {
        return new JmhMeasurer(javaBinary, jvmArgs, workDir, forkClasspath, Objects.requireNonNull(perFork, "perFork"));
    }

    /**
     * Bounds the wait for JMH's machine-wide lock (another JMH process measuring) by {@code maxMillis},
     * asked before each run; past it the run throws {@link JmhLockTimeout} instead of measuring late.
     */
    public JmhMeasurer limitLockWait(LongSupplier maxMillis) {
        this.lockWaitMillis = Objects.requireNonNull(maxMillis, "maxMillis");
        return this;
    }

    /** Forks with the running JVM's {@code java} binary and no extra flags. */
    public static JmhMeasurer forCurrentJvm(Path workDir) {
        return new JmhMeasurer(currentJava(), List.of(), workDir);
    }

    /** The {@code java} binary of the running JVM. */
    public static String currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Measures one spec: {@code plan.forks()} forks, score ± 99.9% error (JMH's), per-fork means in ns/op. */
    @Override
    public Measurement measure(BenchSpec spec, ForkPlan plan) {
        return ForkResults.aggregate(run(spec, plan), plan.measurementIterations());
    }

    /**
     * A confirmation that can grow: every {@code addPairs} call runs that many more fresh fork pairs,
     * continuing the ABBA order where the last batch stopped, and returns the confirmation over all.
     */
    @Override
    public PairSource pairs(BenchSpec baseline, BenchSpec candidate, ForkPlan plan) {
        ForkPlan one = plan.withForks(1);
        List<ForkResults> a = new ArrayList<>();
        List<ForkResults> b = new ArrayList<>();
        return (pairs, forkDone) -> {
            if (pairs < 1) {
                throw new IllegalArgumentException("add at least 1 fork pair, got " + pairs);
            }
            int done = 0;
            for (char side : order(a.size(), pairs).toCharArray()) {
                if (side == 'A') {
                    a.add(run(baseline, one));
                } else {
                    b.add(run(candidate, one));
                }
                forkDone.accept(++done);
            }
            ForkResults as = ForkResults.concat(a);
            ForkResults bs = ForkResults.concat(b);
            return new Confirmation(as.forkScores(), bs.forkScores(),
                    ForkResults.aggregate(as, plan.measurementIterations()), ForkResults.aggregate(bs, plan.measurementIterations()),
                    as.cpuShares(), bs.cpuShares());
        };
    }

    /** Where specs, class files and JMH logs go. */
    @Override
    public Path workDir() {
        return workDir;
    }

    /** The fork order of a confirmation: A B, B A, A B, ... (pair i holds the i-th A and the i-th B). */
    static String order(int pairs) {
        return order(0, pairs);
    }

    /** The order of pairs {@code first .. first + pairs - 1} of a confirmation: pair i is AB when i is even, BA when odd. */
    static String order(int first, int pairs) {
        StringBuilder sb = new StringBuilder();
        for (int i = first; i < first + pairs; i++) {
            sb.append(i % 2 == 0 ? "AB" : "BA");
        }
        return sb.toString();
    }

    /** The forks' JVM (from the {@code java} binary's home), this machine's CPU model and the forks' JVM flags. */
    @Override
    public String environmentKey() {
        String k = environmentKey;
        if (k == null) {   // asked once per cached measurement: read the JDK's release file and /proc/cpuinfo once
            k = Machine.jvmOf(javaBinary) + " | " + Machine.cpuModel() + " | " + String.join(" ", jvmArgs);
            environmentKey = k;
        }
        return k;
    }

    /** Wall-clock seconds of the last JMH run (all its forks, JVM start-up included). */
    public double lastRunSeconds() {
        return lastRunSeconds;
    }

    /**
     * Mean share of wall time the benchmark thread spent on a CPU during the last run's iterations
     * (1.0 on a quiet machine; 0.3 means other processes took 70% of its core), or NaN if unknown.
     */
    public double lastRunCpuShare() {
        return lastRunCpuShare;
    }

    /**
     * Per fork of the last run, the CPU share over its measured iterations (NaN when unknown):
     * {@code forkScores[i] * share[i]} is that fork's CPU time per op, the contention-proof basis
     * Decider uses; racing can rank on it too (with Stats.unpairedSpeedup).
     */
    @Override
    public double[] lastForkCpuShares() {
        return lastForkCpuShares.clone();
    }

    /** Mean wall-clock seconds per fork over every run of this measurer so far, or NaN before the first. */
    public synchronized double secondsPerFork() {
        return totalForks == 0 ? Double.NaN : totalForkSeconds / totalForks;
    }

    /**
     * Predicted wall-clock seconds of {@code measure(spec, plan)}: per fork, the plan's iterating time
     * plus the start-up and set-up overhead observed so far (0.6 s, as seen here, before any run).
     */
    public synchronized double estimateSeconds(ForkPlan plan) {
        double overhead = totalForks == 0 ? 0.6 : Math.max(0, totalOverheadSeconds / totalForks);
        return plan.forks() * (overhead + plan.iteratingTimePerFork().toNanos() / 1e9);
    }

    private ForkResults run(BenchSpec spec, ForkPlan plan) {
        int n = RUNS.incrementAndGet();
        String safe = spec.label().replaceAll("[^A-Za-z0-9._-]", "_");
        Path log = workDir.resolve("jmh").resolve(String.format("%04d-%s.log", n, safe));
        Path specFile = spec.write(workDir.resolve("specs"));
        try {
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            throw new MeasureFailure(spec.label(), "cannot create log dir " + log.getParent(), null, "", e);
        }
        List<String> append = new ArrayList<>();
        append.add("-D" + GenericBenchmark.SPEC_PROPERTY + "=" + specFile.toAbsolutePath());
        Path cpuLog = Path.of(log + ".cpu");
        try {
            Files.deleteIfExists(cpuLog);
        } catch (IOException e) {
            throw new MeasureFailure(spec.label(), "cannot clear " + cpuLog, null, "", e);
        }
        append.add("-D" + GenericBenchmark.CPU_LOG_PROPERTY + "=" + cpuLog.toAbsolutePath());
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include("^" + Pattern.quote(BENCHMARK) + "$")
                .forks(plan.forks())
                .warmupIterations(plan.warmupIterations())
                .warmupTime(TimeValue.milliseconds(plan.iterationTime().toMillis()))
                .measurementIterations(plan.measurementIterations())
                .measurementTime(TimeValue.milliseconds(plan.iterationTime().toMillis()))
                .threads(1)
                .timeUnit(TimeUnit.NANOSECONDS)
                .jvm(javaBinary)
                .jvmArgs(ForkFlags.quietUnsafe(javaBinary, jvmArgs).toArray(new String[0]))
                .jvmArgsAppend(append.toArray(new String[0]))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.NORMAL)
                .output(log.toString());
        Duration limit = (forkTimeout != null ? forkTimeout
                : Duration.ofSeconds(60).plus(plan.iteratingTimePerFork().multipliedBy(20))).multipliedBy(plan.forks());
        synchronized (RUN_LOCK) {
            long[] started = {System.nanoTime()};
            Collection<RunResult> results = runWithClasspath(spec, o, log, specFile, limit, started);
            double seconds = (System.nanoTime() - started[0]) / 1e9;
            lastRunSeconds = seconds;
            lastRunCpuShare = JmhLog.cpuShare(cpuLog);
            synchronized (this) {
                totalForkSeconds += seconds;
                totalOverheadSeconds += seconds - plan.forks() * plan.iteratingTimePerFork().toNanos() / 1e9;
                totalForks += plan.forks();
            }
            ForkResults r = ForkResults.of(spec.label(), results, plan, log, cpuLog);
            lastForkCpuShares = r.cpuShares().clone();
            return r;
        }
    }

    private Collection<RunResult> runWithClasspath(BenchSpec spec, ChainedOptionsBuilder o, Path log, Path specFile,
                                                   Duration limit, long[] started) {
        String saved = System.getProperty("java.class.path");
        if (forkClasspath != null) {
            System.setProperty("java.class.path",
                    forkClasspath.stream().map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator)));
        }
        try {
            long waitLimit = Math.max(0, lockWaitMillis.getAsLong());
            long deadline = System.currentTimeMillis() + waitLimit;
            while (true) {
                started[0] = System.nanoTime();
                Watchdog dog = Watchdog.start(specFile, limit);
                try {
                    return new Runner(o.build()).run();
                } catch (RunnerException e) {
                    if (String.valueOf(e.getMessage()).contains("Another JMH instance")) {
                        if (System.currentTimeMillis() < deadline) {
                            sleep(Math.min(2000, Math.max(1, deadline - System.currentTimeMillis())));
                            continue;
                        }
                        throw new JmhLockTimeout(waitLimit);
                    }
                    throw new MeasureFailure(spec.label(), (dog.fired() ? "timed out after " + limit.toSeconds()
                            + " s and its fork was killed (a variant this slow is rejected); " : "")
                            + "JMH run failed: " + firstLine(e) + JmhLog.forkException(log), log, JmhLog.tail(log), e);
                } catch (RuntimeException e) {
                    throw new MeasureFailure(spec.label(), "JMH run failed: " + e, log, JmhLog.tail(log), e);
                } finally {
                    dog.cancel();
                }
            }
        } finally {
            if (forkClasspath != null) {
                System.setProperty("java.class.path", saved);
            }
        }
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another JMH instance to finish", ie);
        }
    }
}
