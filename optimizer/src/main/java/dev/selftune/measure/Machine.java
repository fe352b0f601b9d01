package dev.selftune.measure;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** What a measurement depends on outside the benchmark: the forks' JVM build and this machine's CPU model. */
public final class Machine {
    private Machine() { }

    /* /proc/cpuinfo names the model on Linux; elsewhere the architecture and core count must do. */
    /** The CPU model and core count, e.g. {@code Intel(R) Xeon(R) ... x2}. */
    public static String cpuModel() {
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

    /*
     * The forks run javaBinary, not necessarily this JVM. When it is this JVM's own binary the system
     * properties name the build; otherwise the JDK's "release" file (present in every JDK image since 9)
     * names version and implementor. Failing both, the binary's path, size and modification time stand
     * in: a changed JDK then misses the cache rather than hitting a stale entry.
     */
    /** The JVM that {@code javaBinary} runs: runtime version, VM name and vendor. */
    public static String jvmOf(String javaBinary) {
        try {
            Path bin = Path.of(javaBinary).toRealPath();
            Path home = bin.getParent() == null ? null : bin.getParent().getParent();
            Path own = Path.of(System.getProperty("java.home")).toRealPath();
            if (own.equals(home)) {
                return System.getProperty("java.runtime.version", Runtime.version().toString()) + " "
                        + System.getProperty("java.vm.name", "") + " " + System.getProperty("java.vm.vendor", "");
            }
            Path release = home == null ? null : home.resolve("release");
            if (release != null && Files.isRegularFile(release)) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(release)) {
                    p.load(r);
                }
                return unquote(p.getProperty("JAVA_RUNTIME_VERSION", p.getProperty("JAVA_VERSION", "?"))) + " "
                        + unquote(p.getProperty("IMPLEMENTOR", "?")) + " " + home;
            }
            return bin + " " + Files.size(bin) + " " + Files.getLastModifiedTime(bin).toMillis();
        } catch (IOException | RuntimeException e) {
            return javaBinary;
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
