package dev.selftune.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The JVM and CPU a decision was measured on, as wisdom keys them (DESIGN.md, invariant 5). */
record Environment(String jvm, String cpu) {
    /*
     * jvm is the full runtime version plus VM name and vendor ("25.0.1+8-LTS OpenJDK 64-Bit Server VM
     * Eclipse Adoptium"): results differ between JDK builds (DESIGN.md "Measuring"), so a decision
     * is never reused across them. cpu is /proc/cpuinfo's first "model name" (Linux), else os.arch.
     */
    static Environment current() {
        String jvm = System.getProperty("java.runtime.version", Runtime.version().toString()) + " "
                + System.getProperty("java.vm.name", "") + " " + System.getProperty("java.vm.vendor", "");
        return new Environment(jvm.trim(), cpuModel());
    }

    static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String l : lines) {
                if (l.startsWith("model name")) {
                    int colon = l.indexOf(':');
                    if (colon > 0) {
                        return l.substring(colon + 1).trim();
                    }
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux, or no permission: fall back below
        }
        return System.getProperty("os.arch", "unknown");
    }
}
