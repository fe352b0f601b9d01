package dev.selftune.agent;

import dev.selftune.api.MethodRef;
import dev.selftune.inputs.Inputs;

import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Handles one candidate: reports it detected, captures its real arguments, runs {@code tune} out of
 * process within the budget and reads the decision ("kept", "rejected" or a winner for the daemon to swap).
 */
final class MethodTuner {
    /*
     * The capture window is a quarter of the budget, at most CAPTURE_WINDOW: long enough to see a
     * few hundred calls of a hot method, short enough that the entry hook (an Object[] and boxing per
     * call) is gone long before measuring starts. Exception tracking runs during the same window and
     * gives the guard its "before" rate.
     */
    static final Duration CAPTURE_WINDOW = Duration.ofSeconds(10);

    /** The result of one tuning run: the report, its directory, and the throw rate seen before. */
    record Outcome(TuneReport report, Path dir, double throwRateBefore) { }

    /** Returned when the method was skipped after capture (no receiver to tune it on): it does not use up a max-methods slot. */
    static final Outcome SKIPPED = new Outcome(null, null, 0);

    private final Instrumentation inst;
    private final AgentOptions options;
    private final Events events;
    private final HotMethodDetector detector;
    private final Path workDir;
    private int serial;

    MethodTuner(Instrumentation inst, AgentOptions options, Events events, HotMethodDetector detector, Path workDir) {
        this.inst = inst;
        this.options = options;
        this.events = events;
        this.detector = detector;
        this.workDir = workDir;
    }

    Path workDir() {
        return workDir;
    }

    /** Returns the outcome, or null when nothing was tuned (mode=detect, tool failure). */
    Outcome tune(Candidate c, Runnable tick) throws InterruptedException {
        MethodRef m = c.method();
        String name = c.id().toString();
        SampledMethod sampled = c.id().sampled();
        Path dir = workDir.resolve(String.format("%02d-%s", ++serial, safe(m.owner() + "." + m.name())));
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("samples", c.samples());
        ev.put("selfSamples", c.selfSamples());
        ev.put("totalSamples", c.totalSamples());
        ev.put("share", c.share());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            events.error(name, "cannot create work directory " + dir, e);
            return null;
        }
        detector.watchThrows(sampled);
        detector.trackExceptions(true);
        long t0 = System.nanoTime();
        long throws0 = detector.throwsInside(sampled);
        Duration window = options.budget().dividedBy(4).compareTo(CAPTURE_WINDOW) < 0 ? options.budget().dividedBy(4) : CAPTURE_WINDOW;
        CaptureSink sink = new ArgumentCapture(inst, events).capture(c.owner(), m, window);
        double secs = Math.max(1, (System.nanoTime() - t0) / 1e9);
        double throwRate = (detector.throwsInside(sampled) - throws0) / secs;
        detector.trackExceptions(false);
        Path inputs = writeInputs(m, sink.rows(), dir.resolve("inputs.rows"));
        ev.put("capturedCalls", sink.rows().size());
        ev.put("capturedBytes", sink.bytes());
        ev.put("uncapturableCalls", sink.unsupported());
        if (sink.refusal() != null) {
            ev.put("uncapturableReason", sink.refusal());
        }
        ev.put("receiverCaptured", sink.rowsHaveReceiver());
        ev.put("inputsFile", inputs == null ? null : inputs.toString());
        events.emit("detected", name, ev);
        String noReceiver = receiverMissing(c, sink, window);
        if (noReceiver != null) {
            Map<String, Object> skip = new LinkedHashMap<>();
            skip.put("reason", noReceiver);
            skip.put("samples", c.samples());
            skip.put("totalSamples", c.totalSamples());
            events.emit("skipped", name, skip);
            return SKIPPED;
        }
        if (options.mode() == AgentOptions.Mode.DETECT) {
            return null;
        }
        return runTune(c, dir, inputs, tick, throwRate);
    }

    private Outcome runTune(Candidate c, Path dir, Path inputs, Runnable tick, double throwRate) throws InterruptedException {
        MethodRef m = c.method();
        String name = c.id().toString();
        Path jar = TuneProcess.agentLocation();
        if (jar == null) {
            events.error(name, "cannot locate the selftune jar this agent was loaded from; not tuning", null);
            return null;
        }
        String toolCp = Files.isDirectory(jar) ? jar + File.pathSeparator + System.getProperty("java.class.path") : jar.toString();
        String extra = System.getProperty("selftune.tune.classpath");
        if (extra != null && !extra.isBlank()) {
            toolCp = extra + File.pathSeparator + toolCp;
        }
        TuneProcess tp = new TuneProcess(toolCp, TuneProcess.hostJava());
        Path out = dir.resolve("out");
        List<String> cmd = tp.command(m, TuneProcess.hostClassPath(c.owner()), inputs, options.budget(), out);
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("budgetSeconds", options.budget().toSeconds());
        ev.put("out", out.toString());
        ev.put("command", String.join(" ", cmd));
        events.emit("tuning", name, ev);
        int exit;
        try {
            exit = tp.run(cmd, out, options.budget(), tick, new TuneProcess.Pacing() {
                @Override
                public void paused(String why) {
                    events.emit("paused", name, Map.of("reason", why));
                }

                @Override
                public void resumed(double pausedSeconds) {
                    events.emit("resumed", name, Map.of("pausedSeconds", Math.round(pausedSeconds * 10) / 10.0));
                }
            });
        } catch (IOException e) {
            events.error(name, "could not start the tuning JVM", e);
            return null;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("exitCode", exit);
        result.put("log", out.resolve("tune.log").toString());
        TuneReport report;
        try {
            report = TuneReport.read(out, m.internalOwner());
        } catch (IOException | RuntimeException e) {
            result.put("reason", exit == -1 ? "tuning exceeded its budget and was stopped" : "tune wrote no readable report.json (" + e.getMessage() + ")");
            result.put("logTail", tail(out.resolve("tune.log")));
            events.emit(exit == 2 ? "rejected" : "error", name, result);
            return null;
        }
        if (report.swap()) {
            if (options.mode() == AgentOptions.Mode.ADVISE) {
                result.put("reason", "mode=advise: winner " + report.winnerId() + " (speedup " + report.speedup() + ") not installed");
                result.put("variant", report.winnerId());
                result.put("speedup", report.speedup());
                events.emit("kept", name, result);
            }
            return new Outcome(report, out, throwRate);
        }
        result.put("decision", report.decision());
        result.put("reason", report.reason() == null ? "no improvement found" : report.reason());
        events.emit("kept", name, result);
        return new Outcome(report, out, throwRate);
    }

    /*
     * tune needs a receiver for an instance method: the captured one, or one from a no-arg
     * constructor. With neither, tuning would fail in the child after minutes, so the method is
     * skipped here, with the capture's reason.
     */
    /** Why an instance method cannot be tuned for want of a receiver, or null. */
    static String receiverMissing(Candidate c, CaptureSink sink, Duration window) {
        try {
            if (sink.rowsHaveReceiver() || !ArgumentCapture.isInstance(c.owner(), c.method())
                    || ArgumentCapture.hasNoArgConstructor(c.owner())) {
                return null;
            }
        } catch (RuntimeException | LinkageError e) {
            return null;   // the class cannot be inspected: tune will say what is wrong
        }
        if (sink.refusal() != null) {
            return "instance method whose receiver could not be captured: " + sink.refusal()
                    + "; its class has no no-arg constructor, so tune has no receiver to run it on";
        }
        return "instance method of a class without a no-arg constructor, and no call was captured within "
                + window.toSeconds() + "s to copy a receiver from";
    }

    private Path writeInputs(MethodRef m, List<Object[]> rows, Path file) {
        if (rows.isEmpty()) {
            return null;
        }
        try {
            Inputs.writeRows(file, rows);
            return file;
        } catch (RuntimeException | LinkageError e) {
            events.warn("captured arguments of " + m + " could not be written (" + e + "); tuning uses generated inputs");
            return null;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
