package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attach <pid>} loads the agent into a running JVM; {@code attach <pid> --rollback} restores the original behaviour. */
class AttachIT {
    @TempDir
    Path dir;
    ChildJvm app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.process.destroyForcibly();
        }
    }

    @Test
    void attach_appliesWisdomInRunningJvm_thenRollbackRestoresOriginal() throws Exception {
        System.setProperty("selftune.agent.jar", ChildJvm.agentJar().toString());
        Path wisdom = WisdomRestartIT.wisdomFile(dir, WisdomRestartIT.originalSha());
        Path events = dir.resolve("events.jsonl");
        app = ChildJvm.start(dir, null, "dev.selftune.agent.apps.GreeterApp", List.of(), "40");
        assertTrue(ChildJvm.waitFor(app.stdout, s -> s.contains("original-3"), 30), "app did not start");
        String pid = Long.toString(app.process.pid());

        assertEquals(0, attach(pid, "include=dev.selftune.agent.apps.Greeter", "--warmup", "60s", "wisdom=" + wisdom, "events=" + events));
        assertTrue(ChildJvm.waitFor(app.stdout, s -> s.contains("\nvariant-"), 30), "swap not observed: " + app.err());

        assertEquals(0, attach(pid, "--rollback"));
        assertTrue(ChildJvm.waitFor(events, s -> s.contains("\"event\":\"rolled-back\""), 20), app.err());
        int mark = Files.readString(app.stdout).length();
        assertTrue(ChildJvm.waitFor(app.stdout, s -> s.substring(mark).contains("original-"), 20), "rollback not observed");
        assertTrue(app.err().contains("[selftune] rolled-back dev.selftune.agent.apps.Greeter#greet"), app.err());
    }

    @Test
    void attach_badArguments_exitCode2WithOneLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Attach.run(new String[] {"attach", "notapid"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("[selftune] error: attach needs the process id"));
        err.reset();
        assertEquals(2, Attach.run(new String[] {"123", "budget=x"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("[selftune] error: option 'budget=x'"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void agentOptions_joinsFlagAndKeyValueForms() {
        assertEquals("include=a.**,budget=10s,rollback", Attach.agentOptions(List.of("include=a.**", "--budget", "10s", "--rollback")));
    }

    private static int attach(String... args) {
        return Attach.run(args);
    }
}
