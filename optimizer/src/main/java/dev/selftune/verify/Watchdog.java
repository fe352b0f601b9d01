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
    private volatile Thread worker;

    Watchdog(String name) {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "selftune-watchdog-" + name);
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            worker = t;
            return t;
        });
    }

    /*
     * Why this is only the fallback (FuelInstrumenter): a call past its deadline is interrupted and
     * stopped with Thread.stop where the JDK still has it (up to JDK 19); from JDK 20 on stop throws,
     * and a call that loops without checking for interruption keeps its (abandoned, daemon, lowest
     * priority) thread busy until the JVM exits. That is the price of not hanging the whole tuning
     * run; this watchdog is then closed and the next call gets a fresh thread.
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
            abandon(f);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(f);
            return null;
        } catch (ExecutionException e) {
            return new Result(null, e.getCause());
        }
    }

    private void abandon(Future<Result> f) {
        f.cancel(true);
        close();
        Thread t = worker;
        if (t != null && t.isAlive()) {
            try {
                Thread.class.getMethod("stop").invoke(t);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // JDK 20+: stop is unsupported; the interrupted thread is left to finish or spin
            }
        }
    }

    void close() {
        thread.shutdownNow();
    }
}
