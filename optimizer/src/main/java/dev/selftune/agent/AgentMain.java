package dev.selftune.agent;

import java.lang.instrument.Instrumentation;

/**
 * The {@code Premain-Class} and {@code Agent-Class} of optimizer.jar: parses the options and starts
 * the agent thread; a bad option prints one {@code [selftune] error:} line and the application runs untouched.
 */
public final class AgentMain {
    /*
     * premain runs on the main thread before the application's main (java.lang.instrument package
     * docs), so it does the minimum: parse, register the wisdom load hook (it must see class loads
     * from the first one), start one daemon thread. JFR, ASM and ByteBuddy are first touched on that
     * thread. agentmain runs on the attach listener thread; a second load of the same jar finds the
     * running agent through AgentDaemon.current() (the system class loader defines the agent once).
     * Nothing thrown here may reach the JVM: an exception from premain aborts the launch.
     */
    private AgentMain() { }

    public static void premain(String args, Instrumentation inst) {
        start(args, inst);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst);
    }

    static void start(String args, Instrumentation inst) {
        try {
            AgentOptions options;
            try {
                options = AgentOptions.parse(args);
            } catch (AgentOptionException e) {
                System.err.println(Events.PREFIX + "error: " + e.getMessage() + ". The application runs without the agent.");
                return;
            }
            AgentDaemon running = AgentDaemon.current();
            if (options.rollback()) {
                if (running == null) {
                    System.err.println(Events.PREFIX + "rollback: no selftune agent is running in this JVM; nothing to undo");
                } else {
                    running.rollback(null, "requested by attach --rollback", null);
                }
                return;
            }
            if (running != null) {
                System.err.println(Events.PREFIX + "warning: a selftune agent already runs in this JVM; the new options are ignored "
                        + "(use attach <pid> --rollback to undo its swaps)");
                return;
            }
            if (!inst.isRetransformClassesSupported()) {
                System.err.println(Events.PREFIX + "error: this JVM cannot retransform classes (Can-Retransform-Classes missing "
                        + "from the agent jar's manifest?). The application runs without the agent.");
                return;
            }
            new AgentDaemon(options, inst, new Events(options.events(), System.err)).start();
        } catch (Throwable t) {
            System.err.println(Events.PREFIX + "error: the agent failed to start (" + t + "). The application runs without the agent.");
        }
    }
}
