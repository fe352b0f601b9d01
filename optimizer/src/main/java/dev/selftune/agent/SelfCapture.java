package dev.selftune.agent;

import dev.selftune.api.MethodRef;
import dev.selftune.inputs.Inputs;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Self-tuning's argument capture: the agent's {@link ArgumentCapture} on one of selftune's own methods,
 * on a background daemon thread, so the calls the next generation makes are recorded (receivers included,
 * copied by {@link StateCopy}) while that generation runs.
 */
final class SelfCapture implements SelfTuneSeams.Capturing {
    /*
     * ArgumentCapture blocks until MAX_CALLS rows are in or the window closes, then removes its hook;
     * a hot own method fills the sink within seconds of its generation's first tuning. WINDOW bounds
     * the wait at the generation's end if it did not (a generation is 5+ tunings of 30 s or more, so
     * the window has normally closed by then).
     */
    static final Duration WINDOW = Duration.ofSeconds(90);

    private final Instrumentation inst;
    private final Events events;

    SelfCapture(Instrumentation inst, Path eventsFile, Consumer<String> log) {
        this.inst = inst;
        this.events = new Events(eventsFile, lines(log));
    }

    @Override
    public SelfTuneSeams.Recording start(Class<?> owner, MethodRef method) {
        CaptureSink[] sink = new CaptureSink[1];
        Thread t = new Thread(() -> sink[0] = new ArgumentCapture(inst, events).capture(owner, method, WINDOW),
                "selftune-self-capture");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return file -> {
            try {
                t.join(WINDOW.plusSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            CaptureSink s = sink[0];
            if (s == null) {
                return new SelfTuneSeams.Captured(null, 0, false, "the capture did not finish within " + WINDOW.toSeconds() + "s");
            }
            List<Object[]> rows = s.rows();
            if (rows.isEmpty()) {
                return new SelfTuneSeams.Captured(null, 0, false, s.refusal());
            }
            try {
                Inputs.writeRows(file, rows);
            } catch (RuntimeException | LinkageError e) {
                return new SelfTuneSeams.Captured(null, 0, false, "captured rows could not be written (" + e + ")");
            }
            return new SelfTuneSeams.Captured(file, rows.size(), s.rowsHaveReceiver(), s.refusal());
        };
    }

    /* The agent's stderr lines, handed to the run's progress one line at a time. */
    private static PrintStream lines(Consumer<String> log) {
        return new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b == '\n') {
                    log.accept("self-tuning capture: " + line.toString(StandardCharsets.UTF_8).strip());
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8);
    }
}
