package dev.selftune.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment part of a measurement's cache key: the forks' JVM, the CPU and the fork flags. */
class MachineTest {
    @TempDir
    Path dir;

    @Test
    void environmentKey_ownJvm_namesItsBuildTheCpuAndTheFlags() {
        String k = new JmhMeasurer(JmhMeasurer.currentJava(), List.of("-Xmx64m", "-XX:-UseSuperWord"), dir).environmentKey();
        assertTrue(k.contains(System.getProperty("java.runtime.version")), k);
        assertTrue(k.contains(System.getProperty("java.vm.vendor")), k);
        assertTrue(k.contains(Machine.cpuModel()), k);
        assertTrue(k.endsWith("-Xmx64m -XX:-UseSuperWord"), k);
    }

    @Test
    void environmentKey_otherFlags_differ() {
        assertNotEquals(new JmhMeasurer(JmhMeasurer.currentJava(), List.of("-XX:-UseSuperWord"), dir).environmentKey(),
                new JmhMeasurer(JmhMeasurer.currentJava(), List.of(), dir).environmentKey());
    }

    @Test
    void jvmOf_anotherJdk_readsItsReleaseFile() throws Exception {
        Path home = dir.resolve("jdk");
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(home.resolve("bin/java"), "");
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Acme\"\nJAVA_RUNTIME_VERSION=\"99.0.1+7\"\n");
        String jvm = Machine.jvmOf(java.toString());
        assertTrue(jvm.startsWith("99.0.1+7 Acme"), jvm);
    }

    @Test
    void jvmOf_missingBinary_fallsBackToItsName() {
        assertEquals("/no/such/java", Machine.jvmOf("/no/such/java"));
    }
}
