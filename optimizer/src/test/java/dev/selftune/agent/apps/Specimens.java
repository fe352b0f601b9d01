package dev.selftune.agent.apps;

/** Methods with every kind of parameter, for the capture hook's weaving test. */
public final class Specimens {
    private final int base;

    public Specimens(int base) {
        this.base = base;
    }

    public static long mixed(int a, long b, double c, String s, int[] arr) {
        return a + b + (long) c + s.length() + arr.length;
    }

    public int instance(boolean z, float f, char ch, byte by, short sh) {
        return base + (z ? 1 : 0) + (int) f + ch + by + sh;
    }

    /** javac puts the loop header at offset 0, so the original code has a frame there. */
    public static int loopAtEntry(int n) {
        while (n > 0) {
            n -= 2;
        }
        return n;
    }
}
