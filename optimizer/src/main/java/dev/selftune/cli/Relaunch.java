package dev.selftune.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * On JDK 24+, runs the commands that load JMH ({@code tune}, {@code aa}) in a JVM started with
 * {@code --sun-misc-unsafe-memory-access=allow}, so the user's screen holds selftune's own lines only.
 */
final class Relaunch {
    /*
     * JMH 1.37 calls sun.misc.Unsafe.objectFieldOffset in this process too (the static initialisers
     * of BenchmarkParams and IterationParams, through org.openjdk.jmh.util.Utils.check), and JDK 24+
     * prints four "WARNING:" lines for it (JEP 471/498). The only supported way to silence them is
     * the JVM's option, which must be given at launch: neither a system property set later nor the
     * jar manifest can carry it (Launcher-Agent, Add-Opens and Enable-Native-Access are the
     * manifest's only launch options). So when it is missing the command re-runs itself in a child
     * JVM: same java, same JVM arguments (RuntimeMXBean, which already holds JDK_JAVA_OPTIONS and
     * JAVA_TOOL_OPTIONS, hence those are cleared for the child), the option added, the same class path
     * and arguments, inherited stdin/stdout/stderr, the child's exit code. A JVM started with an agent
     * or a debugger (-agentlib, -agentpath, -javaagent, -Xrunjdwp, -Xdebug) is not relaunched: the
     * child would take the same port or attach twice; it then shows JMH's warnings. The cost is one
     * JVM start (about 0.1-0.3 s) in a command that runs for its budget. -Dselftune.relaunched marks the
     * child, so it can never relaunch again.
     */
    static final String FLAG = "--sun-misc-unsafe-memory-access=allow";
    static final String MARK = "selftune.relaunched";

    private Relaunch() { }

    /**
     * The command that re-runs {@code main} with {@link #FLAG}, or null when not needed: JDK before 24,
     * the option already given (allow, warn or deny: the user chose), an agent or debugger, or already relaunched.
     */
    static List<String> command(int feature, List<String> jvmArgs, String java, String classPath, String main, String[] args) {
        if (feature < 24 || System.getProperty(MARK) != null || classPath == null || classPath.isBlank()) {
            return null;
        }
        for (String a : jvmArgs) {
            if (a.startsWith("--sun-misc-unsafe-memory-access") || a.startsWith("-agentlib") || a.startsWith("-agentpath")
                    || a.startsWith("-javaagent") || a.startsWith("-Xrunjdwp") || a.equals("-Xdebug") || a.startsWith("-D" + MARK)) {
                return null;
            }
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmArgs);
        cmd.add(FLAG);
        cmd.add("-D" + MARK + "=true");
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(main);
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Re-runs {@code main} with {@link #FLAG} when needed and exits with its code; returns when not needed or not possible. */
    static void ifNeeded(Class<?> main, String[] args) {
        List<String> cmd;
        try {
            cmd = command(Runtime.version().feature(), ManagementFactory.getRuntimeMXBean().getInputArguments(),
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    System.getProperty("java.class.path"), main.getName(), args);
        } catch (RuntimeException | LinkageError e) {
            return;   // no java.management: run here, warnings included
        }
        if (cmd == null) {
            return;
        }
        Process child;
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
            pb.environment().remove("JDK_JAVA_OPTIONS");
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            child = pb.start();
        } catch (java.io.IOException | RuntimeException e) {
            return;   // cannot start a JVM: run here, warnings included
        }
        Thread stop = new Thread(child::destroy, "selftune-relaunch-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int code;
        try {
            code = child.waitFor();
        } catch (InterruptedException e) {
            child.destroy();
            code = Main.INTERNAL_ERROR;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        System.exit(code);
    }
}
