package dev.selftune.install;

import java.lang.instrument.Instrumentation;

/** The Premain-Class of the throwaway agent jar the child-JVM test starts with {@code -javaagent}. */
public final class TestAgent {
    static volatile Instrumentation inst;

    private TestAgent() { }

    public static void premain(String args, Instrumentation instrumentation) {
        inst = instrumentation;
    }
}
