package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.util.Json;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Starts a test application in a child JVM, optionally with the shaded agent jar, and collects its output. */
final class ChildJvm {
    final Process process;
    final Path stdout;
    final Path stderr;

    private ChildJvm(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * The shaded optimizer.jar. These tests are *IT, run by failsafe after package (which passes
     * {@code selftune.jar}); a missing jar fails them rather than skipping them silently.
     */
    static Path agentJar() {
        String prop = System.getProperty("selftune.jar", System.getProperty("selftune.agent.jar"));
        Path jar = prop != null ? Path.of(prop) : Path.of("target", "optimizer.jar");
        assertTrue(Files.isRegularFile(jar), "needs the shaded agent jar " + jar.toAbsolutePath()
                + ": run these tests after package (mvn -B verify), or build it first with `mvn -B -DskipTests package`");
        return jar.toAbsolutePath();
    }

    /** The child's flags that change code generation (wisdom keys them: see CodegenFlags). */
    static final List<String> CODEGEN_FLAGS = List.of("-XX:TieredStopAtLevel=4");

    static String testClasses() {
        return Path.of("target", "test-classes").toAbsolutePath().toString();
    }

    /** Starts {@code main} with {@code agentArgs} (null: no agent) and extra class path entries. */
    static ChildJvm start(Path dir, String agentArgs, String main, List<String> extraCp, String... args) throws IOException {
        return start(dir, agentArgs, main, extraCp, List.of(), Map.of(), args);
    }

    /** As above, with extra JVM options and environment variables. */
    static ChildJvm start(Path dir, String agentArgs, String main, List<String> extraCp, List<String> jvmArgs,
                          Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.addAll(CODEGEN_FLAGS);
        if (Runtime.version().feature() >= 21) {
            cmd.add("-XX:+EnableDynamicAgentLoading");
        }
        cmd.addAll(jvmArgs);
        if (agentArgs != null) {
            cmd.add("-javaagent:" + agentJar() + "=" + agentArgs);
        }
        List<String> cp = new ArrayList<>();
        cp.add(testClasses());
        cp.addAll(extraCp);
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, cp));
        cmd.add(main);
        cmd.addAll(List.of(args));
        Files.createDirectories(dir);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        return new ChildJvm(p, out, err);
    }

    int await(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("child JVM did not finish in " + seconds + " s; stderr:\n" + err());
        }
        return process.exitValue();
    }

    /** Kills the child and its descendants (tests stop long-running apps once they saw what they wait for). */
    void stop() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Waits until stdout or stderr contains {@code text}; fails with both outputs when it does not appear. */
    void expect(Path file, String text, long seconds) throws Exception {
        if (!waitFor(file, s -> s.contains(text), seconds)) {
            throw new AssertionError("'" + text + "' did not appear in " + file.getFileName() + " within " + seconds
                    + " s\nstdout:\n" + tail(out()) + "\nstderr:\n" + err());
        }
    }

    private static String tail(String s) {
        return s.length() > 2000 ? "..." + s.substring(s.length() - 2000) : s;
    }

    String out() throws IOException {
        return Files.readString(stdout);
    }

    String err() throws IOException {
        return Files.readString(stderr);
    }

    /** Polls until the file's text satisfies the condition or the time is up. */
    static boolean waitFor(Path file, Predicate<String> condition, long seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (Files.exists(file) && condition.test(Files.readString(file))) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** The events file as parsed JSON objects (every line must parse). */
    static List<Map<String, Object>> events(Path file) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file)) {
            out.add(Json.parseObject(line));
        }
        return out;
    }
}
