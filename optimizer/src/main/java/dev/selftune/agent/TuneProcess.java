package dev.selftune.agent;

import dev.selftune.api.MethodRef;
import dev.selftune.measure.ForkFlags;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code tune} for one method in a child JVM at low priority — the host's java binary, the
 * agent jar as class path, the host's class path as the target class path — and waits for its report.
 */
final class TuneProcess {
    /*
     * Out of process because measuring happens in forked JVMs (DESIGN.md, invariant 4): the host only
     * pays for sampling and capture. Under -javaagent java.class.path does not hold the agent jar, so
     * the child's class path is the agent's own code source; the target class path is java.class.path
     * plus the URLs of the candidate's loader chain plus its class's code source, which covers
     * Spring Boot style nested loaders only partially (a known gap). The child runs under `nice -n 19`
     * where available; its output goes to a log file, never a pipe the agent would have to drain.
     * A child that outlives budget + GRACE is killed with its descendants (JMH forks).
     * Test hooks (host system properties): selftune.tune.main replaces the tool's main class and
     * selftune.tune.classpath is put in front of the tool's class path, so the agent's swap and
     * guard paths can be tested against a scripted tuner.
     */
    static final Duration GRACE = Duration.ofSeconds(90);
    static final String TASKSET = "/usr/bin/taskset";
    static final String KILL = "/usr/bin/kill";

    /** Told when the child is paused because the host needs the CPU, and when it resumes. */
    interface Pacing {
        void paused(String why);

        void resumed(double pausedSeconds);

        Pacing NONE = new Pacing() {
            @Override
            public void paused(String why) { }

            @Override
            public void resumed(double pausedSeconds) { }
        };
    }

    private final String toolClassPath;
    private final String java;

    TuneProcess(String toolClassPath, String java) {
        this.toolClassPath = toolClassPath;
        this.java = java;
    }

    /**
     * The command line for one tuning run, with this host's code-generation flags and a fork heap laid
     * out like the host's own ({@link ForkFlags#forForks}, read here in the host: the compressed-oop
     * encoding and G1 region size the winner will run under), not like the tuning child's.
     */
    List<String> command(MethodRef target, String classpath, Path inputsFile, Duration budget, Path out) {
        return command(target, classpath, inputsFile, budget, out, ForkFlags.forForks(CodegenFlags.host()));
    }

    /**
     * The command line for one tuning run whose JMH forks run with {@code codegenFlags}: the host's
     * flags that change code generation ({@link CodegenFlags}), so the winner is measured as it will
     * run in the host. The child itself does not get them: its own code is not what is measured, and
     * a host running -Xint or -XX:TieredStopAtLevel=1 would make its verification crawl.
     */
    List<String> command(MethodRef target, String classpath, Path inputsFile, Duration budget, Path out, List<String> codegenFlags) {
        List<String> cmd = new ArrayList<>();
        int cpus = Runtime.getRuntime().availableProcessors();
        if (cpus >= 2 && new File(TASKSET).canExecute()) {
            cmd.add(TASKSET);            // the last CPU only: the host keeps the others to itself (CpuGovernor)
            cmd.add("-c");
            cmd.add(String.valueOf(cpus - 1));
        }
        if (!System.getProperty("os.name", "").toLowerCase().contains("win") && new File("/usr/bin/nice").canExecute()) {
            cmd.add("/usr/bin/nice");
            cmd.add("-n");
            cmd.add("19");
        }
        cmd.add(java);
        if (Runtime.version().feature() >= 23) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");   // JMH's Unsafe use in the child (cli.Relaunch explains)
        }
        cmd.add("-cp");
        cmd.add(toolClassPath);
        cmd.add(System.getProperty("selftune.tune.main", "dev.selftune.cli.Main"));
        cmd.add("tune");
        cmd.add("--classpath");
        cmd.add(classpath);
        cmd.add("--target");
        cmd.add(target.toString());
        if (inputsFile != null) {
            cmd.add("--inputs-file");
            cmd.add(inputsFile.toString());
        }
        cmd.add("--budget");
        cmd.add(Math.max(1, budget.toSeconds()) + "s");
        cmd.add("--out");
        cmd.add(out.toString());
        if (!codegenFlags.isEmpty()) {
            cmd.add("--fork-jvm-flags=" + String.join(" ", codegenFlags));
        }
        return cmd;
    }

    /** Runs the child; {@code tick} runs about once a second while waiting (the guard). Returns the exit code, or -1 when killed. */
    int run(List<String> cmd, Path out, Duration budget, Runnable tick) throws IOException, InterruptedException {
        return run(cmd, out, budget, tick, Pacing.NONE);
    }

    /**
     * As {@link #run(List, Path, Duration, Runnable)}, pausing the child's process tree (SIGSTOP) while
     * the host leaves it less than a core ({@link CpuGovernor}) and resuming it after; paused time
     * does not count against the kill deadline.
     */
    int run(List<String> cmd, Path out, Duration budget, Runnable tick, Pacing pacing) throws IOException, InterruptedException {
        Files.createDirectories(out);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.resolve("tune.log").toFile()).start();
        long deadline = System.nanoTime() + budget.plus(GRACE).toNanos();
        CpuGovernor governor = new CpuGovernor();
        CpuSampler sampler = new CpuSampler();
        boolean canSignal = new File(KILL).canExecute();
        long pausedAt = 0;
        try {
            while (!p.waitFor(1, TimeUnit.SECONDS)) {
                tick.run();
                CpuGovernor.Sample s = canSignal ? sampler.sample(p.toHandle()) : null;
                CpuGovernor.Action a = s == null ? CpuGovernor.Action.NONE : governor.observe(s);
                if (a == CpuGovernor.Action.PAUSE && signal(p.toHandle(), "-STOP")) {
                    pausedAt = System.nanoTime();
                    pacing.paused("the host leaves less than a core for tuning (" + s + "); tuning waits until a core is idle");
                } else if (a == CpuGovernor.Action.RESUME && pausedAt != 0) {
                    signal(p.toHandle(), "-CONT");
                    long paused = System.nanoTime() - pausedAt;
                    deadline += paused;
                    pausedAt = 0;
                    pacing.resumed(paused / 1e9);
                }
                if (pausedAt == 0 && System.nanoTime() > deadline) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    return -1;
                }
            }
            return p.exitValue();
        } finally {
            if (p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    /*
     * Stop or continue the child and every descendant (its JMH forks). The parent is stopped first so
     * it cannot start a fork in between; on continue the order does not matter. kill(1) because
     * ProcessHandle has no way to send SIGSTOP.
     */
    static boolean signal(ProcessHandle child, String sig) {
        List<String> cmd = new ArrayList<>(List.of(KILL, sig, String.valueOf(child.pid())));
        child.descendants().forEach(d -> cmd.add(String.valueOf(d.pid())));
        try {
            return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The host class path for a candidate: its own code source first (so the child tunes this loader's
     * copy when another loader, or the class path, holds a class of the same name), then
     * java.class.path and its loader chain's URLs, parents first.
     */
    static String hostClassPath(Class<?> owner) {
        Set<String> entries = new LinkedHashSet<>();
        CodeSource cs = owner.getProtectionDomain().getCodeSource();
        if (cs != null && cs.getLocation() != null) {
            addUrl(entries, cs.getLocation());
        }
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(Path.of(e).toAbsolutePath().toString());
            }
        }
        java.util.Deque<ClassLoader> chain = new java.util.ArrayDeque<>();
        for (ClassLoader l = owner.getClassLoader(); l != null; l = l.getParent()) {
            chain.push(l);   // parents first, as delegation finds a class
        }
        for (ClassLoader l : chain) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    addUrl(entries, url);
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void addUrl(Set<String> entries, URL url) {
        try {
            if ("file".equals(url.getProtocol())) {
                entries.add(Path.of(url.toURI()).toString());
            }
        } catch (URISyntaxException | RuntimeException ignored) {
            // a non-file URL cannot be handed to a child JVM
        }
    }

    /** The jar (or classes directory) the agent itself was loaded from. */
    static Path agentLocation() {
        try {
            CodeSource cs = TuneProcess.class.getProtectionDomain().getCodeSource();
            return cs == null ? null : Path.of(cs.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The host's own java binary. */
    static String hostJava() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
