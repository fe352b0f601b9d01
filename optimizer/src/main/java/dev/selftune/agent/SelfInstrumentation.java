package dev.selftune.agent;

import java.lang.instrument.Instrumentation;

/**
 * The {@code Launcher-Agent-Class} of optimizer.jar: keeps the {@link Instrumentation} the JVM hands an
 * executable jar before {@code main}, so {@code self-improve --tune-self} can swap winners into its own JVM.
 */
public final class SelfInstrumentation {
    /*
     * java.lang.instrument (package docs, "Including an agent in an executable JAR file"): with
     * `java -jar optimizer.jar`, the JVM calls agentmain of the manifest's Launcher-Agent-Class before
     * main, with the jar's Can-Retransform-Classes capability and without JDK 21+'s dynamic-agent
     * warning (JEP 451 exempts it). It does nothing else: every command pays one static store.
     * Run from a classes directory (tests, IDE) there is none; set() is then the tests' door.
     */
    private static volatile Instrumentation inst;

    private SelfInstrumentation() { }

    public static void agentmain(String args, Instrumentation instrumentation) {
        inst = instrumentation;
    }

    /** This JVM's Instrumentation, or null when selftune was not started as {@code java -jar optimizer.jar}. */
    static Instrumentation get() {
        return inst;
    }

    /** For tests (a ByteBuddy self-attach) and embedders that hold an Instrumentation already. */
    public static void set(Instrumentation instrumentation) {
        inst = instrumentation;
    }
}
