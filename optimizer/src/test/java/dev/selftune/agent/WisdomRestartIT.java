package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

/**
 * On start the agent applies a matching wisdom entry as the class loads, without tuning; stale and
 * corrupt wisdom is ignored with a warning. The entry is made by hand from a known "winner".
 */
class WisdomRestartIT {
    static final String APPS = "dev/selftune/agent/apps/";
    static final MethodRef GREET = MethodRef.parse("dev.selftune.agent.apps.Greeter#greet(I)Ljava/lang/String;");

    @TempDir
    Path dir;
    ChildJvm app;

    @org.junit.jupiter.api.AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    /** GreeterVariant renamed to Greeter: a whole class in which only greet's body differs. */
    static byte[] winnerClass() throws Exception {
        byte[] variant = Files.readAllBytes(Path.of(ChildJvm.testClasses(), APPS + "GreeterVariant.class"));
        ClassWriter w = new ClassWriter(0);
        new ClassReader(variant).accept(new ClassRemapper(w, new SimpleRemapper(APPS + "GreeterVariant", APPS + "Greeter")), 0);
        return w.toByteArray();
    }

    static Path wisdomFile(Path dir, String classSha) throws Exception {
        Path file = dir.resolve("wisdom.json");
        Environment here = Environment.current();
        Environment env = new Environment(here.jvm(), here.cpu(), CodegenFlags.key(ChildJvm.CODEGEN_FLAGS));
        Wisdom.load(file, new Events(null, System.err)).remember(new WisdomEntry(GREET, classSha, env, "hand-made-v1",
                winnerClass(), Map.of("speedup", 1.5, "note", "made by hand in WisdomRestartIT")));
        return file;
    }

    static String originalSha() throws Exception {
        return ClassFiles.sha256(Files.readAllBytes(Path.of(ChildJvm.testClasses(), APPS + "Greeter.class")));
    }

    static String agentArgs(Path wisdom, Path events) {
        return "include=dev.selftune.agent.apps.Greeter,warmup=60s,budget=10s,wisdom=" + wisdom + ",events=" + events;
    }

    @Test
    void matchingEntry_appliedOnStart_withoutTuning() throws Exception {
        Path events = dir.resolve("events.jsonl");
        app = ChildJvm.start(dir, agentArgs(wisdomFile(dir, originalSha()), events), "dev.selftune.agent.apps.GreeterApp", List.of(), "60");
        app.expect(app.stdout, "\nvariant-", 60);
        app.expect(events, "\"event\":\"wisdom-applied\"", 10);
        List<Map<String, Object>> lines = ChildJvm.events(events);
        assertTrue(lines.stream().anyMatch(e -> e.get("event").equals("wisdom-applied") && e.get("target").equals(GREET.toString())
                && e.get("variant").equals("hand-made-v1")), app.err());
        assertFalse(lines.stream().anyMatch(e -> e.get("event").equals("tuning")), lines.toString());
        assertTrue(app.out().contains("\nvariant-"), "the remembered winner runs: " + app.out());
        assertTrue(app.err().contains("[selftune] wisdom-applied " + GREET), app.err());
    }

    @Test
    void staleEntry_classBytesChanged_ignoredWithWarning() throws Exception {
        Path events = dir.resolve("events.jsonl");
        app = ChildJvm.start(dir, agentArgs(wisdomFile(dir, "0".repeat(64)), events), "dev.selftune.agent.apps.GreeterApp", List.of(), "60");
        app.expect(app.stderr, "is stale", 60);
        Thread.sleep(500);
        assertTrue(app.err().contains("[selftune] warning: wisdom entry for " + GREET + " is stale (the class file changed"), app.err());
        assertFalse(app.out().contains("variant-"), app.out());
        assertTrue(ChildJvm.events(events).stream().noneMatch(e -> e.get("event").equals("wisdom-applied")));
    }

    @Test
    void corruptFile_ignoredWithWarning_appRunsNormally() throws Exception {
        Path wisdom = dir.resolve("wisdom.json");
        Files.writeString(wisdom, "{\"format\":\"selftune-wisdom/2\",\"entries\":[{\"method\":");
        app = ChildJvm.start(dir, agentArgs(wisdom, dir.resolve("events.jsonl")), "dev.selftune.agent.apps.GreeterApp", List.of(), "60");
        app.expect(app.stderr, "[selftune] warning: wisdom file " + wisdom + " is corrupt", 60);
        app.expect(app.stdout, "original-5\n", 30);
        assertFalse(app.out().contains("variant-"), app.out());
        assertFalse(app.err().contains("[selftune] error"), app.err());
    }
}
