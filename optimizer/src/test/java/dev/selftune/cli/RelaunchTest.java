package dev.selftune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RelaunchTest {
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    private static final String[] ARGS = {"tune", "--budget", "30s"};

    @Test
    void command_jdk25WithoutTheOption_addsItKeepsJvmArgsAndMarksTheChild() {
        List<String> cmd = Relaunch.command(25, List.of("-Xmx1g", "-Dx=y"), "/j/bin/java", "opt.jar", "dev.selftune.cli.Main", ARGS);
        assertEquals(List.of("/j/bin/java", "-Xmx1g", "-Dx=y", Relaunch.FLAG, "-D" + Relaunch.MARK + "=true", "-cp", "opt.jar",
                "dev.selftune.cli.Main", "tune", "--budget", "30s"), cmd);
    }

    @Test
    void command_olderJdkOptionGivenAgentOrDebugger_isNotNeeded() {
        assertNull(Relaunch.command(17, List.of(), "java", "opt.jar", "M", ARGS));
        assertNull(Relaunch.command(23, List.of(), "java", "opt.jar", "M", ARGS), "23 does not warn by default");
        assertNull(Relaunch.command(25, List.of("--sun-misc-unsafe-memory-access=warn"), "java", "opt.jar", "M", ARGS));
        assertNull(Relaunch.command(25, List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005"), "java", "opt.jar", "M", ARGS));
        assertNull(Relaunch.command(25, List.of("-javaagent:x.jar"), "java", "opt.jar", "M", ARGS));
        assertNull(Relaunch.command(25, List.of("-D" + Relaunch.MARK + "=true"), "java", "opt.jar", "M", ARGS));
        assertNull(Relaunch.command(25, List.of(), "java", "", "M", ARGS));
    }

    @Test
    void jmhInTheCommandProcess_onJdk25_printsNoUnsafeWarning() throws Exception {
        assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "JDK 25 not installed at " + JDK25);
        String quiet = run();
        assertTrue(quiet.contains("JMH TOUCHED relaunched"), quiet);
        assertFalse(quiet.contains("sun.misc.Unsafe"), quiet);
        String control = run("no-relaunch");
        assertTrue(control.contains("JMH TOUCHED in place"), control);
        assertTrue(control.contains("sun.misc.Unsafe::objectFieldOffset has been called by org.openjdk.jmh.util.Utils"),
                "without the relaunch JMH's warning shows, so the check above can fail: " + control);
    }

    private static String run(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(JDK25.resolve("bin/java").toString(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), JmhTouch.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
