package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent samples a child JVM with JFR, finds its hot method, captures its arguments and reports
 * the ineligible ones. The apps run long and are stopped once the events appeared, so a loaded
 * machine makes the test slower, not red.
 */
class DetectionIT {
    @TempDir
    Path dir;
    ChildJvm app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void hotApp_detectsHotMethod_capturesArguments_andSkipsIneligibleWithReason() throws Exception {
        Path events = dir.resolve("events.jsonl");
        app = ChildJvm.start(dir, "include=dev.selftune.agent.apps.**,mode=detect,warmup=2s,budget=20s,events=" + events,
                "dev.selftune.agent.apps.HotApp", List.of(), "120");
        app.expect(events, "\"event\":\"detected\"", 90);
        app.expect(events, "lambda$main$", 60);
        app.expect(app.stdout, "tick", 30);
        List<Map<String, Object>> lines = ChildJvm.events(events);
        for (Map<String, Object> e : lines) {
            assertTrue(e.get("time") instanceof String && e.containsKey("target"), e.toString());
            assertTrue(Events.KINDS.contains((String) e.get("event")), e.toString());
        }
        Map<String, Object> detected = lines.stream().filter(e -> e.get("event").equals("detected")).findFirst().orElseThrow();
        assertEquals("dev.selftune.agent.apps.HotApp#mix([II)J", detected.get("target"));
        assertTrue(((Number) detected.get("capturedCalls")).longValue() > 0, detected.toString());
        assertTrue(detected.get("inputsFile") instanceof String, detected.toString());
        assertTrue(lines.stream().anyMatch(e -> e.get("event").equals("skipped")
                && ((String) e.get("target")).contains("lambda$main$") && ((String) e.get("reason")).contains("synthetic")), lines.toString());
        assertFalse(lines.stream().anyMatch(e -> e.get("event").equals("tuning")), "mode=detect never tunes");
        assertTrue(app.err().contains("[selftune] detected dev.selftune.agent.apps.HotApp#mix([II)J samples="), app.err());
        assertFalse(app.err().contains("[selftune] error"), app.err());
    }

    @Test
    void appWithItsOwnAsm_runsUnchanged_andTheAgentStillReadsClasses() throws Exception {
        Path asmJar = Path.of(org.objectweb.asm.ClassReader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path events = dir.resolve("asm-events.jsonl");
        app = ChildJvm.start(dir.resolve("asm"), "include=dev.selftune.agent.apps.**,mode=detect,warmup=2s,budget=20s,events=" + events,
                "dev.selftune.agent.apps.AsmApp", List.of(asmJar.toString()), "120");
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(ChildJvm.agentJar().toFile())) {
            assertTrue(jar.getEntry("dev/selftune/shaded/asm/ClassReader.class") != null, "agent jar carries relocated ASM");
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("org/objectweb/asm/") || e.getName().startsWith("net/bytebuddy/")),
                    "agent jar must not carry unrelocated ASM or ByteBuddy, which would clash with the application's own");
        }
        app.expect(events, "AsmApp#spin([J)J", 90);
        app.expect(app.stdout, "asm-ok methods=", 30);
        assertFalse(app.err().contains("[selftune] error"), app.err());
        assertFalse(app.err().contains("Exception"), app.err());
    }
}
