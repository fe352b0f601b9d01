package dev.selftune.agent.apps;

import java.util.function.IntUnaryOperator;

/**
 * A test application with one hot eligible static method ({@link #mix}), a hot lambda body and a hot
 * constructor (both ineligible). Run: {@code java -cp target/test-classes dev.selftune.agent.apps.HotApp 10}.
 */
public final class HotApp {
    private final long acc;

    HotApp(int[] data) {
        long a = 0;
        for (int r = 0; r < 40; r++) {
            for (int x : data) {
                a = a * 31 + (x ^ r);
            }
        }
        acc = a;
    }

    /** The hot method: a mixing checksum over the array. */
    public static long mix(int[] data, int rounds) {
        long h = 1;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < data.length; i++) {
                h = h * 0x9E3779B97F4A7C15L + data[i] + r;
                h ^= h >>> 29;
            }
        }
        return h;
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int[] data = new int[4096];
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 7 + 3;
        }
        IntUnaryOperator lambda = seed -> {
            int s = seed;
            for (int r = 0; r < 60; r++) {
                for (int x : data) {
                    s = s * 17 + (x >>> (r & 7));
                }
            }
            return s;
        };
        System.out.println("ready");
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long checksum = 0;
        long tick = System.nanoTime();
        int n = 0;
        while (System.nanoTime() < end) {
            checksum += mix(data, 100);
            checksum += lambda.applyAsInt(n);
            checksum += new HotApp(data).acc;
            n++;
            if (System.nanoTime() - tick > 1_000_000_000L) {
                System.out.println("tick " + n);
                tick = System.nanoTime();
            }
        }
        System.out.println("checksum=" + checksum + " iterations=" + n);
    }
}
