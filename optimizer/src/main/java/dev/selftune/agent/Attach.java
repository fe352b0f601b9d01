package dev.selftune.agent;

import com.sun.tools.attach.VirtualMachine;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code attach <pid> [options]} and {@code attach <pid> --rollback}: loads this jar as an agent into
 * a running JVM through the Attach API, with the same options as {@code -javaagent}.
 */
public final class Attach {
    /*
     * VirtualMachine.loadAgent needs a jar: the shaded optimizer.jar this class runs from, or the
     * system property selftune.agent.jar when running from a classes directory (tests, IDE).
     * JDK 21+ (JEP 451) prints a warning in the target when an agent is loaded dynamically, and a
     * future JDK will refuse it, unless the target runs with -XX:+EnableDynamicAgentLoading. The
     * agent's output (and the result of a rollback) appears on the target's stderr and events file;
     * loadAgent returns once agentmain returned, and agentmain never throws.
     */
    static final String USAGE = "usage: attach <pid> [include=com.acme.**,budget=120s,max-methods=3,wisdom=<file>,events=<file>,mode=swap|advise] "
            + "| attach <pid> --rollback";

    private Attach() { }

    /** Runs the command; returns 0 on success, 1 when the attach failed, 2 for bad arguments. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> a = new ArrayList<>(List.of(args));
        if (!a.isEmpty() && a.get(0).equals("attach")) {
            a.remove(0);
        }
        if (a.isEmpty() || !a.get(0).matches("\\d+")) {
            err.println(Events.PREFIX + "error: attach needs the process id of a running JVM first (see jps); " + USAGE);
            return 2;
        }
        String pid = a.remove(0);
        String options;
        try {
            options = agentOptions(a);
            AgentOptions.parse(options);
        } catch (AgentOptionException e) {
            err.println(Events.PREFIX + "error: " + e.getMessage());
            return 2;
        }
        Path jar = agentJar();
        if (jar == null) {
            err.println(Events.PREFIX + "error: cannot find optimizer.jar to load as the agent; run attach from the jar "
                    + "(java -jar optimizer.jar attach …) or set -Dselftune.agent.jar=<path>");
            return 2;
        }
        try {
            VirtualMachine vm = VirtualMachine.attach(pid);
            try {
                vm.loadAgent(jar.toString(), options);
            } finally {
                vm.detach();
            }
        } catch (Exception | LinkageError e) {
            err.println(Events.PREFIX + "error: could not attach to " + pid + ": " + e
                    + " (same user? a JVM started with -XX:+DisableAttachMechanism refuses; on JDK 21+ start it with -XX:+EnableDynamicAgentLoading)");
            return 1;
        }
        out.println(Events.PREFIX + (options.equals("rollback") ? "asked " + pid + " to roll back every swap"
                : "agent loaded into " + pid + " with " + options) + "; see its stderr or events file");
        return 0;
    }

    /** Joins {@code k=v,k=v}, {@code --k v}, {@code --k=v} and {@code --rollback} forms into one agent option string. */
    static String agentOptions(List<String> args) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (s.startsWith("--")) {
                String k = s.substring(2);
                if (k.contains("=") || k.equals("rollback")) {
                    parts.add(k);
                } else if (i + 1 < args.size()) {
                    parts.add(k + "=" + args.get(++i));
                } else {
                    throw new AgentOptionException(s, "needs a value", "write it like --" + k + " <value> or " + k + "=<value>");
                }
            } else {
                parts.add(s);
            }
        }
        return String.join(",", parts);
    }

    static Path agentJar() {
        String prop = System.getProperty("selftune.agent.jar");
        if (prop != null && Files.isRegularFile(Path.of(prop))) {
            return Path.of(prop).toAbsolutePath();
        }
        try {
            Path self = Path.of(Attach.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(self) ? self : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
