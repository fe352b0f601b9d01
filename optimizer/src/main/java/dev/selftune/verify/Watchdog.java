package dev.selftune.verify;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The wall-clock limit for a call that has no fuel (a method too near 64 KB to take the ticks):
 * the call runs on a daemon thread of its own and is abandoned when the deadline passes.
 */
final class Watchdog {
    /** A call that finished: its value, or what it threw. */
    record Result(Object value, Throwable thrown) { }

    /** The call, as a method handle invocation would throw. */
    interface Call {
        Object run() throws Throwable;
    }

    private final ExecutorService thread;

    Watchdog(String name) {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "selftune-watchdog-" + name);
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    /*
     * Why this is only the fallback (FuelInstrumenter): Thread.stop is gone on JDK 20+, so a call
     * past its deadline is interrupted and abandoned; if it loops without checking, its thread keeps
     * a core busy until the JVM exits. That is the price of not hanging the whole tuning run; this
     * watchdog is then closed and the next call gets a fresh thread.
     */
    /** The call's result, or null when it did not finish by {@code deadlineNanos} (the thread is abandoned). */
    Result call(Call c, long deadlineNanos) {
        Future<Result> f = thread.submit(() -> {
            try {
                return new Result(c.run(), null);
            } catch (Throwable t) {
                return new Result(null, t);
            }
        });
        try {
            return f.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            close();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            close();
            return null;
        } catch (ExecutionException e) {
            return new Result(null, e.getCause());
        }
    }

    void close() {
        thread.shutdownNow();
    }
}
