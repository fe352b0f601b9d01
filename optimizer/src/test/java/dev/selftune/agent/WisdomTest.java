package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WisdomTest {
    @TempDir
    Path dir;
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Events events = new Events(null, new PrintStream(err, true, StandardCharsets.UTF_8));
    static final MethodRef M = MethodRef.parse("com.acme.Foo#bar(I)I");
    static final String SHA = "ab".repeat(32);

    static WisdomEntry entry(Environment env) {
        return new WisdomEntry(M, SHA, env, "v1", new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2, 3, 4, 5, 6, 7, 8, 9},
                Map.of("speedup", 1.5));
    }

    @Test
    void remember_thenLoad_roundTripsTheEntry() {
        Path file = dir.resolve("wisdom.json");
        Wisdom.load(file, events).remember(entry(Environment.current()));
        Wisdom again = Wisdom.load(file, events);
        assertEquals(1, again.entries().size());
        WisdomEntry e = again.forOwner("com.acme.Foo").get(0);
        assertEquals(entry(Environment.current()).key(), e.key());
        assertEquals(11, e.winnerClass().length);
        assertNull(e.staleReason(SHA, Environment.current()));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void staleReason_otherJvmCpuOrClassBytes_isNamed() {
        WisdomEntry e = entry(new Environment("17.0.1 other", "some cpu"));
        assertTrue(e.staleReason(SHA, Environment.current()).contains("JVM"));
        WisdomEntry cpu = entry(new Environment(Environment.current().jvm(), "another cpu"));
        assertTrue(cpu.staleReason(SHA, Environment.current()).contains("CPU"));
        String changed = entry(Environment.current()).staleReason("cd".repeat(32), Environment.current());
        assertNotNull(changed);
        assertTrue(changed.contains("class file changed"), changed);
    }

    @Test
    void load_corruptFile_warnsAndIsEmpty_thenMovedAsideOnSave() throws Exception {
        Path file = dir.resolve("wisdom.json");
        Files.writeString(file, "{\"format\": \"selftune-wisdom/2\", \"entries\": [ {");
        Wisdom w = Wisdom.load(file, events);
        assertTrue(w.entries().isEmpty());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("[selftune] warning: wisdom file"), err.toString(StandardCharsets.UTF_8));
        w.remember(entry(Environment.current()));
        assertTrue(Files.exists(dir.resolve("wisdom.json.corrupt")));
        assertEquals(1, Wisdom.load(file, events).entries().size());
    }

    @Test
    void load_corruptEntry_ignoredOthersKept() throws Exception {
        Path file = dir.resolve("wisdom.json");
        Wisdom.load(file, events).remember(entry(Environment.current()));
        String text = Files.readString(file).replace("\"entries\": [", "\"entries\": [{\"method\": \"x.Y#z()V\", \"winnerClass\": \"!!\"},");
        Files.writeString(file, text);
        Wisdom w = Wisdom.load(file, events);
        assertEquals(1, w.entries().size());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("wisdom entry #0"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void load_tamperedKey_entryRejected() throws Exception {
        Path file = dir.resolve("wisdom.json");
        Wisdom.load(file, events).remember(entry(Environment.current()));
        Files.writeString(file, Files.readString(file).replace("\"variantId\": \"v1\"", "\"variantId\": \"v2\"").replace(SHA, "cd".repeat(32)));
        assertTrue(Wisdom.load(file, events).entries().isEmpty());
    }

    @Test
    void load_tamperedWinnerBytes_refusedWithAWarning() throws Exception {
        Path file = dir.resolve("wisdom.json");
        Wisdom.load(file, events).remember(entry(Environment.current()));
        String good = java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        String evil = java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2, 3, 4, 5, 6, 7, 8, 10});
        String text = Files.readString(file);
        assertTrue(text.contains(good));
        Files.writeString(file, text.replace(good, evil));
        assertTrue(Wisdom.load(file, events).entries().isEmpty());
        String warning = err.toString(StandardCharsets.UTF_8);
        assertTrue(warning.contains("wisdom entry #0") && warning.contains("do not match their SHA-256"), warning);
    }

    @Test
    void load_entryWithoutWinnerHash_refusedWithAWarning() throws Exception {
        Path file = dir.resolve("wisdom.json");
        Wisdom.load(file, events).remember(entry(Environment.current()));
        Files.writeString(file, Files.readString(file).replaceAll("\"winnerSha256\": \"[0-9a-f]+\",", ""));
        assertTrue(Wisdom.load(file, events).entries().isEmpty());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("'winnerSha256' is missing"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void staleReason_otherCodegenFlags_notApplied() {
        Environment here = Environment.current();
        WisdomEntry avx2 = entry(new Environment(here.jvm(), here.cpu(), "-XX:UseAVX=2"));
        String why = avx2.staleReason(SHA, new Environment(here.jvm(), here.cpu(), "-XX:UseAVX=2 -XX:-UseSuperWord"));
        assertNotNull(why);
        assertTrue(why.contains("code-generation flags"), why);
        assertNull(avx2.staleReason(SHA, new Environment(here.jvm(), here.cpu(), "-XX:UseAVX=2")));
        assertTrue(!avx2.key().equals(entry(new Environment(here.jvm(), here.cpu(), "")).key()), "flags join the key");
    }

    @Test
    void codegenFlags_fromInputArguments_keepsOnlyTheListedOnesInOrder() {
        assertEquals(java.util.List.of("-XX:UseAVX=2", "-XX:-UseSuperWord", "-XX:TieredStopAtLevel=1", "-Xint", "-XX:-TieredCompilation",
                        "-XX:+UseVectorCmov", "-XX:MaxVectorSize=16"),
                CodegenFlags.of(java.util.List.of("-Xmx1g", "-XX:UseAVX=2", "-Dfoo=bar", "-XX:-UseSuperWord", "-javaagent:x.jar",
                        "-XX:TieredStopAtLevel=1", "-Xint", "-XX:-TieredCompilation", "-XX:+UseVectorCmov", "-XX:MaxVectorSize=16",
                        "-XX:+PrintCompilation", "-XX:UseAVXFoo=1")));
    }

    @Test
    void tuneCommand_hostWithCodegenFlags_forksGetThemTheChildDoesNot() {
        java.util.List<String> cmd = new TuneProcess("tool.jar", "java").command(M, "app.jar", null, java.time.Duration.ofSeconds(60),
                Path.of("out"), java.util.List.of("-XX:UseAVX=2", "-XX:-UseSuperWord"));
        assertTrue(cmd.subList(0, cmd.indexOf("-cp")).stream().noneMatch(a -> a.startsWith("-XX:")), cmd.toString());
        assertTrue(cmd.contains("--fork-jvm-flags=-XX:UseAVX=2 -XX:-UseSuperWord"), cmd.toString());
        java.util.List<String> plain = new TuneProcess("tool.jar", "java").command(M, "app.jar", null, java.time.Duration.ofSeconds(60),
                Path.of("out"), java.util.List.of());
        assertTrue(plain.stream().noneMatch(a -> a.startsWith("--fork-jvm-flags")), plain.toString());
    }

    @Test
    void tuneCommand_host_forksGetAHeapLaidOutLikeTheHostsNotTheChilds() {
        java.util.List<String> cmd = new TuneProcess("tool.jar", "java").command(M, "app.jar", null, java.time.Duration.ofSeconds(60),
                Path.of("out"));
        String expected = String.join(" ", dev.selftune.measure.ForkFlags.forForks(CodegenFlags.host()));
        if (expected.isEmpty()) {
            assertTrue(cmd.stream().noneMatch(a -> a.startsWith("--fork-jvm-flags")), cmd.toString());
        } else {
            assertTrue(cmd.contains("--fork-jvm-flags=" + expected), cmd + " should carry " + expected);
            assertTrue(expected.startsWith("-Xms1g -Xmx1g") || !expected.contains("-Xms1g"), expected);
        }
    }
}
