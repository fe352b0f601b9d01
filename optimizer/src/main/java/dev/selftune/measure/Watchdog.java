package dev.selftune.measure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Kills the JMH forks of one run (found by the spec file on their command line) when the run overstays. */
final class Watchdog {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "selftune-jmh-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final AtomicBoolean fired = new AtomicBoolean();
    private volatile ScheduledFuture<?> task;

    /* Only descendants of this JVM whose arguments contain "-Dselftune.bench.spec=<this spec file>"
     * are killed: never a process by name, never another run's fork. ProcessHandle.Info.arguments()
     * reads /proc/<pid>/cmdline on Linux; where it is unavailable the watchdog cannot act and JMH's
     * own (10 minute) timeout is the fallback. */
    static Watchdog start(Path specFile, Duration limit) {
        Watchdog w = new Watchdog();
        String marker = "-D" + GenericBenchmark.SPEC_PROPERTY + "=" + specFile.toAbsolutePath();
        w.task = TIMER.schedule(() -> w.kill(marker), limit.toMillis(), TimeUnit.MILLISECONDS);
        return w;
    }

    private void kill(String marker) {
        ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(args -> Arrays.asList(args).contains(marker)).orElse(false))
                .forEach(p -> {
                    fired.set(true);
                    p.destroyForcibly();
                });
    }

    boolean fired() {
        return fired.get();
    }

    void cancel() {
        ScheduledFuture<?> t = task;
        if (t != null) {
            t.cancel(false);
        }
    }
}
