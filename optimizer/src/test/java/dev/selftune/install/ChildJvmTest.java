package dev.selftune.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The swap in a child JVM started with {@code -javaagent}, on this JDK and on JDK 25 where installed. */
class ChildJvmTest {
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    @TempDir
    Path dir;

    @Test
    void smoke_underJavaagentOnThisJdk_swapsAndRollsBack() throws Exception {
        String out = run(Path.of(System.getProperty("java.home")));
        assertTrue(out.contains("SMOKE OK"), out);
    }

    @Test
    void smoke_underJavaagentOnJdk25_swapsAndRollsBack() throws Exception {
        assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "JDK 25 not installed at " + JDK25);
        String out = run(JDK25);
        assertTrue(out.contains("SMOKE OK 25"), out);
        assertTrue(out.lines().noneMatch(l -> l.contains("sun.misc.Unsafe")), "the agent's own code must not touch sun.misc.Unsafe: " + out);
    }

    private String run(Path javaHome) throws IOException, InterruptedException {
        Path agent = dir.resolve("test-agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", TestAgent.class.getName());
        manifest.getMainAttributes().putValue("Can-Retransform-Classes", "true");
        try (OutputStream o = Files.newOutputStream(agent); JarOutputStream jar = new JarOutputStream(o, manifest)) {
            jar.flush();
        }
        List<String> cmd = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(), "-Xmx256m",
                "-javaagent:" + agent, "-cp", System.getProperty("java.class.path"), SwapSmoke.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done, "child JVM timed out: " + out);
        assertEquals(0, p.exitValue(), out);
        System.out.println(out);
        return out;
    }
}
