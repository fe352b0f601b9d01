package dev.selftune.generate.specimens;

/** Methods no transform can rewrite: straight-line code, and a loop that is not counted. */
public final class Plain {
    private Plain() { }

    public static int mix(int a, int b) {
        int x = a * 31 + b;
        return x ^ (x >>> 7);
    }

    public static int chase(int[] next, int start) {
        int p = start;
        int hops = 0;
        while (p >= 0) {
            p = next[p];
            hops++;
        }
        return hops;
    }
}
