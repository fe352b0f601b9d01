package dev.selftune.agent.apps;

/** The class a hand-made wisdom entry swaps: {@link #greet} returns "original-i". */
public final class Greeter {
    private Greeter() { }

    public static String greet(int i) {
        return "original-" + i;
    }
}
