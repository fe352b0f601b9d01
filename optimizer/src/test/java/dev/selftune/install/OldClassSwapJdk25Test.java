package dev.selftune.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Old class files swapped under {@code -javaagent} on JDK 25 where installed (as ChildJvmTest does for the smoke test). */
class OldClassSwapJdk25Test {
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    @TempDir
    Path dir;

    @Test
    void swap_oldClassFilesOnJdk25_raisedSwappedAndRolledBack() throws Exception {
        assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "JDK 25 not installed at " + JDK25);
        Path agent = dir.resolve("test-agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", TestAgent.class.getName());
        manifest.getMainAttributes().putValue("Can-Retransform-Classes", "true");
        try (OutputStream o = Files.newOutputStream(agent); JarOutputStream jar = new JarOutputStream(o, manifest)) {
            jar.flush();
        }
        Process p = new ProcessBuilder(List.of(JDK25.resolve("bin/java").toString(), "-Xmx256m", "-javaagent:" + agent,
                "-cp", System.getProperty("java.class.path"), OldClassSwapSmoke.class.getName(), dir.toString()))
                .redirectErrorStream(true).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done, "child JVM timed out: " + out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("OLD SWAP OK 25"), out);
    }
}
