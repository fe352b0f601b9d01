package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.install.HotSwapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbationTest {
    static final class Target {
        static int f(int x) {
            return x * 7 + 1;
        }
    }

    static final class Other {
        static int g(int x) {
            return x - 3;
        }
    }

    @TempDir
    Path dir;

    private AgentDaemon daemon(HotSwapper swapper, Path eventsFile) {
        Events events = new Events(eventsFile, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        AgentDaemon d = new AgentDaemon(AgentOptions.parse("include=dev.selftune.agent.**"), ByteBuddyAgent.install(), events);
        d.useSwapper(swapper);
        return d;
    }

    @Test
    void guardWindow_passedClean_settlesTheCallSiteWhichStopsCountingCalls() throws Exception {
        HotSwapper swapper = new HotSwapper(ByteBuddyAgent.install(), line -> { });
        Path eventsFile = dir.resolve("events.jsonl");
        AgentDaemon d = daemon(swapper, eventsFile);
        MethodRef m = new MethodRef(Target.class.getName(), "f", "(I)I");
        LoadedMethod lm = new LoadedMethod(Target.class, m, null, null);
        d.swap(lm, "same", ClassFiles.read(Target.class));
        for (int i = 0; i < 100; i++) {
            assertEquals(i * 7 + 1, Target.f(i));
        }
        assertTrue(swapper.guard(m).countingCalls(), "a fresh swap is on probation");
        assertTrue(swapper.guard(m).calls() >= 100);

        Guard guard = new Guard(new HotMethodDetector(new ClassPattern(List.of("dev.selftune.agent.**"), List.of()),
                Duration.ofMillis(20)), Duration.ZERO);
        guard.arm(lm, "same", 0.5, 0);
        Thread.sleep(5);
        List<Guard.Verdict> verdicts = guard.check();
        assertEquals(1, verdicts.size());
        assertFalse(verdicts.get(0).rollback(), "a clean window asks for settling, not a rollback");
        assertFalse(guard.active());

        assertTrue(d.settle(lm, verdicts.get(0).variantId(), verdicts.get(0).evidence()));
        for (int i = 0; i < 100; i++) {
            assertEquals(i * 7 + 1, Target.f(i));
        }
        assertEquals("same", swapper.active(m));
        assertFalse(swapper.guard(m).countingCalls(), "a settled call site counts no calls");
        assertTrue(Files.readString(eventsFile).contains("\"settled\""));
    }

    @Test
    void settle_variantNoLongerActive_leavesTheCallSiteAlone() {
        HotSwapper swapper = new HotSwapper(ByteBuddyAgent.install(), line -> { });
        AgentDaemon d = daemon(swapper, null);
        MethodRef m = new MethodRef(Other.class.getName(), "g", "(I)I");
        LoadedMethod lm = new LoadedMethod(Other.class, m, null, null);
        d.swap(lm, "v1", ClassFiles.read(Other.class));
        assertFalse(d.settle(lm, "v0", Map.of()), "the window was for a variant that is gone");
        assertEquals(2, Other.g(5));
        assertTrue(swapper.guard(m).countingCalls());
        d.rollback(lm, "test", null);
        assertFalse(d.settle(lm, "v1", Map.of()), "rolled back: nothing to settle");
        assertEquals(HotSwapper.ORIGINAL, swapper.active(m));
    }

    static final class Redefined {
        static int h(int x) {
            return x + 10;
        }
    }

    @Test
    void classRedefinedByADebugger_variantDropped_emitsRolledBackAndForgetsTheSwap() throws Exception {
        HotSwapper swapper = new HotSwapper(ByteBuddyAgent.install(), line -> { });
        Path eventsFile = dir.resolve("events.jsonl");
        AgentDaemon d = daemon(swapper, eventsFile);
        MethodRef m = new MethodRef(Redefined.class.getName(), "h", "(I)I");
        byte[] original = ClassFiles.read(Redefined.class);
        LoadedMethod lm = new LoadedMethod(Redefined.class, m, null, null);
        d.swap(lm, "v1", original);
        byte[] edited = original.clone();   // the IDE's edit: the constant 10 becomes 11 (bipush 10 -> bipush 11)
        int at = indexOf(edited, new byte[] {0x10, 10, 0x60});
        edited[at + 1] = 11;
        ByteBuddyAgent.install().redefineClasses(new java.lang.instrument.ClassDefinition(Redefined.class, edited));
        assertEquals(16, Redefined.h(5));
        assertEquals(HotSwapper.ORIGINAL, swapper.active(m));
        d.noteDropped();
        String log = Files.readString(eventsFile);
        assertTrue(log.contains("\"rolled-back\"") && log.contains("redefined"), log);
        assertFalse(d.settle(lm, "v1", Map.of()), "no longer active in the agent's view");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }
}
