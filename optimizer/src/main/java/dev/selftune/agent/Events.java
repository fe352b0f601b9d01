package dev.selftune.agent;

import dev.selftune.util.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The agent's only voice: each step goes to the events file as one JSON object per line, to stderr
 * with the stable {@code [selftune] } prefix, and to JFR as a {@link SelftuneEvent}.
 */
final class Events {
    /** The stable prefix of every line the agent prints (pinned in EventsTest). */
    static final String PREFIX = "[selftune] ";
    static final Set<String> KINDS = Set.of("detected", "skipped", "tuning", "rejected", "swapped", "kept",
            "rolled-back", "wisdom-applied", "settled", "error", "paused", "resumed");

    /*
     * Never throws: an unwritable events file is reported once on stderr and then ignored, and a
     * JVM without the jdk.jfr module (jlink'ed images) simply gets no JFR events. Writes are appends
     * of whole lines under a lock, so `tail -f` and line-oriented readers never see half an object.
     */
    private final Path file;
    private final PrintStream err;
    private boolean fileBroken;
    private boolean jfrBroken;

    Events(Path file, PrintStream err) {
        this.file = file;
        this.err = err;
    }

    /** Records one step; {@code kind} is one of {@link #KINDS}, evidence values are JSON-writable. */
    synchronized void emit(String kind, String target, Map<String, ?> evidence) {
        try {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("time", Instant.now().toString());
            line.put("event", kind);
            line.put("target", target);
            if (evidence != null) {
                evidence.forEach((k, v) -> {
                    if (!line.containsKey(k)) {
                        line.put(k, v);
                    }
                });
            }
            err.println(PREFIX + kind + (target == null ? "" : " " + target) + describe(evidence));
            appendLine(Json.write(line));
            jfr(kind, target, evidence == null ? "{}" : Json.write(evidence));
        } catch (Throwable t) {
            err.println(PREFIX + "error: could not record event " + kind + ": " + t);
        }
    }

    /** A warning that is not a step: stderr only, {@code [selftune] warning: …}. */
    synchronized void warn(String message) {
        err.println(PREFIX + "warning: " + message);
    }

    /** Plain progress text on stderr. */
    synchronized void info(String message) {
        err.println(PREFIX + message);
    }

    /** An agent failure: the "error" step with the failure's message as evidence. */
    void error(String target, String message, Throwable cause) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("message", message);
        if (cause != null) {
            ev.put("cause", cause.toString());
        }
        emit("error", target, ev);
    }

    private void appendLine(String json) {
        if (file == null || fileBroken) {
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, (json + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            fileBroken = true;
            err.println(PREFIX + "warning: events file " + file + " is not writable (" + e + "); events go to stderr only");
        }
    }

    private void jfr(String kind, String target, String evidence) {
        if (jfrBroken) {
            return;
        }
        try {
            SelftuneEvent.emit(kind, target, evidence);
        } catch (LinkageError e) {
            jfrBroken = true;
        }
    }

    private static String describe(Map<String, ?> evidence) {
        if (evidence == null || evidence.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        evidence.forEach((k, v) -> {
            String s = v instanceof String str ? str : Json.write(v);
            if (s.length() > 160) {
                s = s.substring(0, 157) + "...";
            }
            sb.append(' ').append(k).append('=').append(s);
        });
        return sb.toString();
    }
}
