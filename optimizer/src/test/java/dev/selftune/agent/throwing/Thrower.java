package dev.selftune.agent.throwing;

import java.net.URL;
import java.net.URLClassLoader;

/** A method for the throw-attribution test: it spins (so JFR samples it) and makes throwables of two kinds. */
public final class Thrower {
    private Thrower() {
    }

    /**
     * Spins for about {@code millis}, then, {@code n} times, either asks a class loader for a class that
     * does not exist (the loader constructs and this method catches a ClassNotFoundException, as a
     * parent loader does for its child) or constructs a throwable of its own.
     */
    public static long work(int millis, int n, boolean own) throws Exception {
        long x = 0;
        for (long end = System.nanoTime() + millis * 1_000_000L; System.nanoTime() < end; ) {
            for (int i = 0; i < 10_000; i++) {
                x += i * 31L ^ x >>> 3;
            }
        }
        try (URLClassLoader l = new URLClassLoader(new URL[0], null)) {
            for (int i = 0; i < n; i++) {
                try {
                    if (own) {
                        throw new IllegalStateException("own " + i);
                    }
                    l.loadClass("dev.selftune.agent.throwing.Missing" + i);
                } catch (IllegalStateException | ClassNotFoundException e) {
                    x += e.getMessage().length();
                }
            }
        }
        return x;
    }
}
