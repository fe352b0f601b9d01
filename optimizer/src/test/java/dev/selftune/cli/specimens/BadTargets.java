package dev.selftune.cli.specimens;

import java.util.List;

/** Targets and providers that tune must refuse before measuring anything. */
public final class BadTargets {
    private BadTargets() { }

    public static int sum(int[] a) {
        int s = 0;
        for (int x : a) {
            s += x;
        }
        return s;
    }

    public static int size(List<String> names) {
        return names.size();
    }

    public static int alwaysThrows(int[] a) {
        throw new IllegalStateException("never works");
    }

    /** A provider of the wrong shape: it takes a parameter. */
    public static Object[][] takesArgs(int n) {
        return new Object[n][];
    }

    /** A provider of the wrong shape: it returns the wrong type. */
    public static int[] wrongType() {
        return new int[0];
    }
}
