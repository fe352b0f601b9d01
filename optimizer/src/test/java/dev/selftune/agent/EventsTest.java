package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsTest {
    @TempDir
    Path dir;

    @Test
    void emit_writesOneJsonObjectPerLine_withTimeEventTargetAndEvidence() throws Exception {
        Path file = dir.resolve("sub/events.jsonl");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Events events = new Events(file, new PrintStream(err, true, StandardCharsets.UTF_8));
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("variant", "v3");
        ev.put("speedup", 1.42);
        events.emit("swapped", "com.acme.Foo#bar(I)I", ev);
        events.emit("kept", "com.acme.Foo#baz()V", Map.of("reason", "no improvement found"));
        List<Map<String, Object>> lines = ChildJvm.events(file);
        assertEquals(2, lines.size());
        Map<String, Object> first = lines.get(0);
        assertEquals(List.of("time", "event", "target", "variant", "speedup"), List.copyOf(first.keySet()));
        Instant.parse((String) first.get("time"));
        assertEquals("swapped", first.get("event"));
        assertEquals("com.acme.Foo#bar(I)I", first.get("target"));
        assertEquals(1.42, first.get("speedup"));
    }

    @Test
    void emit_mirrorsOnStderr_withStablePrefix() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Events events = new Events(null, new PrintStream(err, true, StandardCharsets.UTF_8));
        events.emit("swapped", "com.acme.Foo#bar(I)I", Map.of("variant", "v3"));
        events.warn("wisdom entry is stale");
        String[] lines = err.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("[selftune] swapped com.acme.Foo#bar(I)I variant=v3", lines[0]);
        assertEquals("[selftune] warning: wisdom entry is stale", lines[1]);
        assertEquals("[selftune] ", Events.PREFIX);
    }

    @Test
    void emit_recordsCustomJfrEvent_inCategorySelftune() throws Exception {
        Events events = new Events(null, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Path jfr = dir.resolve("events.jfr");
        try (jdk.jfr.Recording r = new jdk.jfr.Recording()) {
            r.enable("selftune.Event");
            r.start();
            events.emit("kept", "com.acme.Foo#bar(I)I", Map.of("reason", "no improvement found"));
            r.stop();
            r.dump(jfr);
        }
        jdk.jfr.consumer.RecordedEvent e = jdk.jfr.consumer.RecordingFile.readAllEvents(jfr).stream()
                .filter(x -> x.getEventType().getName().equals("selftune.Event")).findFirst().orElseThrow();
        assertEquals("kept", e.getString("event"));
        assertEquals("com.acme.Foo#bar(I)I", e.getString("target"));
        assertEquals("{\"reason\":\"no improvement found\"}", e.getString("evidence"));
        assertEquals(List.of("selftune"), e.getEventType().getCategoryNames());
    }

    @Test
    void emit_unwritableFile_warnsOnceAndKeepsGoing() throws Exception {
        Path notADir = dir.resolve("file");
        Files.writeString(notADir, "x");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Events events = new Events(notADir.resolve("events.jsonl"), new PrintStream(err, true, StandardCharsets.UTF_8));
        events.emit("detected", "a.B#c()V", Map.of());
        events.emit("detected", "a.B#d()V", Map.of());
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.split("not writable", -1).length - 1, text);
        assertTrue(text.contains("[selftune] detected a.B#d()V"), text);
    }
}
