package dev.selftune.agent.apps;

/** A hot static method whose class two class loaders define in TwoLoadersAgentTest (a plugin host's situation). */
public final class Twin {
    private Twin() { }

    public static int scale(int x) {
        int s = 1;
        for (int i = 0; i < x; i++) {
            s = s * 31 + i * 3;
        }
        return s;
    }
}
