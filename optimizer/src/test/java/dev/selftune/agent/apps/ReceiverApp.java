package dev.selftune.agent.apps;

import java.util.SplittableRandom;

/**
 * A test application whose hot methods are instance methods of classes without a no-arg
 * constructor: {@link Source#batch}'s receiver can be copied; {@link Pump#spin}'s holds a thread.
 * Run: {@code java -cp target/test-classes dev.selftune.agent.apps.ReceiverApp 10}.
 */
public final class ReceiverApp {
    enum Mode { PLAIN, SALTED }

    /** Like the sample app's RecordStream: state set once by a constructor that takes arguments. */
    public static final class Source {
        private final long seed;
        private final int[] weights;
        private final Mode mode;
        private final Object lock = new Object();
        private long produced;

        public Source(long seed, int n) {
            this.seed = seed;
            this.weights = new int[n];
            for (int i = 0; i < n; i++) {
                weights[i] = (int) (seed * 31 + i);
            }
            this.mode = seed % 2 == 0 ? Mode.PLAIN : Mode.SALTED;
        }

        public long batch(long index, int size) {
            SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
            long h = mode == Mode.SALTED ? 7 : 1;
            for (int r = 0; r < size; r++) {
                for (int w : weights) {
                    h = h * 31 + (w ^ rnd.nextInt(1000));
                }
            }
            synchronized (lock) {
                produced += size;
            }
            return h;
        }
    }

    /** A receiver that owns a thread: not state a copy can stand for. */
    public static final class Pump {
        private final Thread worker = new Thread(() -> { });
        private final int[] data;

        public Pump(int n) {
            data = new int[n];
        }

        public long spin(int rounds) {
            long h = worker.getName().length();
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < data.length; i++) {
                    h = h * 0x9E3779B97F4A7C15L + data[i] + r;
                    h ^= h >>> 29;
                }
            }
            return h;
        }
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        Source source = new Source(42, 256);
        Pump pump = new Pump(4096);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long checksum = 0;
        long tick = System.nanoTime();
        int n = 0;
        while (System.nanoTime() < end) {
            checksum += source.batch(n, 40);
            checksum += pump.spin(40);
            n++;
            if (System.nanoTime() - tick > 1_000_000_000L) {
                System.out.println("tick " + n);
                tick = System.nanoTime();
            }
        }
        System.out.println("checksum=" + checksum + " iterations=" + n);
    }
}
