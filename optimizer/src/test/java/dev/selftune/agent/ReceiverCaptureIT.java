package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.inputs.InputSource;
import dev.selftune.inputs.Inputs;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot instance methods of classes without a no-arg constructor: the agent copies the receiver with
 * the arguments, so the method is detected with its receiver rather than skipped; a receiver
 * holding a thread is skipped with that reason.
 */
class ReceiverCaptureIT {
    static final String SOURCE = "dev.selftune.agent.apps.ReceiverApp$Source#batch(JI)J";
    static final String PUMP = "dev.selftune.agent.apps.ReceiverApp$Pump#spin(I)J";

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
    void receiverApp_copyableReceiverCaptured_threadHoldingReceiverSkippedWithReason() throws Exception {
        Path events = dir.resolve("events.jsonl");
        app = ChildJvm.start(dir, "include=dev.selftune.agent.apps.**,mode=detect,warmup=2s,budget=12s,events=" + events,
                "dev.selftune.agent.apps.ReceiverApp", List.of(), "120");
        app.expect(events, "receiver.worker holds a thread", 120);
        app.expect(events, "\"receiverCaptured\":true", 60);
        List<Map<String, Object>> lines = ChildJvm.events(events);
        Map<String, Object> detected = lines.stream()
                .filter(e -> e.get("event").equals("detected") && e.get("target").equals(SOURCE)).findFirst().orElseThrow();
        assertEquals(true, detected.get("receiverCaptured"), detected.toString());
        assertTrue(((Number) detected.get("capturedCalls")).longValue() > 0, detected.toString());
        assertFalse(lines.stream().anyMatch(e -> e.get("event").equals("skipped") && e.get("target").equals(SOURCE)), lines.toString());
        Map<String, Object> skipped = lines.stream()
                .filter(e -> e.get("event").equals("skipped") && e.get("target").equals(PUMP)).findFirst().orElseThrow();
        assertTrue(((String) skipped.get("reason")).contains("receiver.worker holds a thread"), skipped.toString());

        Path inputs = Path.of((String) detected.get("inputsFile"));
        MethodRef batch = new MethodRef("dev.selftune.agent.apps.ReceiverApp$Source", "batch", "(JI)J");
        Object receiver = Inputs.verificationRows(batch, false, new InputSource(1, new int[] {16}, null, inputs),
                getClass().getClassLoader()).get(0)[0];
        Field seed = receiver.getClass().getDeclaredField("seed");
        seed.setAccessible(true);
        assertEquals(42L, seed.get(receiver), "the host's receiver state, rebuilt without its constructor");
        assertFalse(app.err().contains("[selftune] error"), app.err());
    }

    @Test
    void instanceWinner_tunedOnTheCapturedReceiver_swappedIntoTheRunningHost() throws Exception {
        Path events = dir.resolve("swap-events.jsonl");
        String asm = SwapIT.jarOf(org.objectweb.asm.ClassReader.class) + java.io.File.pathSeparator
                + SwapIT.jarOf(org.objectweb.asm.commons.ClassRemapper.class);
        app = ChildJvm.start(dir.resolve("swap"), "include=dev.selftune.agent.apps.Tally,warmup=2s,budget=5s,events=" + events,
                "dev.selftune.agent.apps.TallyApp", List.of(),
                List.of("-Dselftune.tune.main=dev.selftune.agent.apps.ScriptedTune",
                        "-Dselftune.tune.classpath=" + ChildJvm.testClasses() + java.io.File.pathSeparator + asm),
                Map.of("SELFTUNE_SCRIPTED_WINNER", "dev.selftune.agent.apps.TallyMarked"), "300");
        long original = new dev.selftune.agent.apps.Tally(3).count(7);
        app.expect(app.stdout, "count(7)=" + original + "\n", 60);
        app.expect(events, "\"event\":\"swapped\"", 120);
        app.expect(app.stdout, "count(7)=" + (-original) + "\n", 30);
        List<Map<String, Object>> lines = ChildJvm.events(events);
        Map<String, Object> tuning = lines.stream().filter(e -> e.get("event").equals("tuning")).findFirst().orElseThrow();
        assertEquals("dev.selftune.agent.apps.Tally#count(I)J", tuning.get("target"));
        assertTrue(((String) tuning.get("command")).contains("--inputs-file"), "tuned on the captured calls: " + tuning);
        assertFalse(app.err().contains("[selftune] error"), app.err());
    }
}
