package dev.selftune.cli;

import dev.selftune.api.Progress;
import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Progress on stderr: on a terminal, one status line redrawn in place (at most every 100 ms); otherwise
 * plain lines, at most one every 5 s per stage, so a CI log stays readable.
 */
final class ConsoleProgress implements Progress {
    static final long TERMINAL_INTERVAL_NANOS = 100_000_000L;
    static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintStream err;
    private final boolean terminal;
    private final LongSupplier clock;
    private String stage;
    private long last = Long.MIN_VALUE;
    private int drawn;
    private String pending;

    ConsoleProgress(PrintStream err, boolean terminal, LongSupplier nanoClock) {
        this.err = err;
        this.terminal = terminal;
        this.clock = nanoClock;
    }

    ConsoleProgress(PrintStream err, boolean terminal) {
        this(err, terminal, System::nanoTime);
    }

    @Override
    public synchronized void update(String stage, int done, int total, double secondsLeft) {
        long now = clock.getAsLong();
        boolean newStage = !stage.equals(this.stage);
        String line = line(stage, done, total, secondsLeft);
        long interval = terminal ? TERMINAL_INTERVAL_NANOS : PLAIN_INTERVAL_NANOS;
        if (!newStage && now - last < interval) {
            pending = line;
            return;
        }
        if (!terminal && newStage && pending != null) {
            err.println(pending);
        }
        this.stage = stage;
        last = now;
        pending = null;
        show(line);
    }

    @Override
    public synchronized void message(String text) {
        clear();
        err.println("selftune: " + text);
        err.flush();
    }

    /** Clears the status line before the summary is printed; on plain output, prints the last suppressed line. */
    synchronized void finish() {
        if (!terminal && pending != null) {
            err.println(pending);
        }
        pending = null;
        clear();
    }

    /** {@code selftune: measure  12/40 variants, 1m25s left}. */
    static String line(String stage, int done, int total, double secondsLeft) {
        StringBuilder sb = new StringBuilder("selftune: ").append(String.format("%-9s", stage));
        if (total > 0) {
            sb.append(' ').append(done).append('/').append(total).append(" variants");
        }
        if (secondsLeft >= 0 && Double.isFinite(secondsLeft)) {
            sb.append(total > 0 ? ", " : " ").append(Budgets.format(secondsLeft)).append(" left");
        }
        return sb.toString();
    }

    private void show(String line) {
        if (terminal) {
            err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
            drawn = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    private void clear() {
        if (terminal && drawn > 0) {
            err.print("\r" + " ".repeat(drawn) + "\r");
            drawn = 0;
            stage = null;
        }
    }
}
