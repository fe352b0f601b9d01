package dev.selftune.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where a measurement was made: JVM version and vendor, and the CPU model, as evidence and as a wisdom key. */
public record Environment(String jvmVersion, String jvmVendor, String cpu) {

    public static Environment current() {
        return new Environment(System.getProperty("java.vm.version", System.getProperty("java.version")),
                System.getProperty("java.vm.vendor", "unknown"), cpuModel());
    }

    /**
     * The JVM as wisdom keys it: full runtime version plus VM name and vendor, since results differ
     * between JDK builds and a decision is never reused across them.
     */
    public String jvmKey() {
        String jvm = System.getProperty("java.runtime.version", Runtime.version().toString()) + " "
                + System.getProperty("java.vm.name", "") + " " + jvmVendor;
        return jvm.trim();
    }

    /* /proc/cpuinfo names the model on Linux; elsewhere the architecture and core count must do. */
    static String cpuModel() {
        Path info = Path.of("/proc/cpuinfo");
        String fallback = System.getProperty("os.arch") + " x" + Runtime.getRuntime().availableProcessors();
        if (!Files.isReadable(info)) {
            return fallback;
        }
        try {
            List<String> lines = Files.readAllLines(info);
            for (String line : lines) {
                if (line.startsWith("model name") && line.contains(":")) {
                    return line.substring(line.indexOf(':') + 1).trim() + " x" + Runtime.getRuntime().availableProcessors();
                }
            }
        } catch (IOException | RuntimeException e) {
            return fallback;
        }
        return fallback;
    }
}
