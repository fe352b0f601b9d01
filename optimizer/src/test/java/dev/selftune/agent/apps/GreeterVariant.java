package dev.selftune.agent.apps;

/** Renamed to {@link Greeter} by the tests to make a known "winner" class: {@link #greet} returns "variant-i". */
public final class GreeterVariant {
    private GreeterVariant() { }

    public static String greet(int i) {
        return "variant-" + i;
    }
}
