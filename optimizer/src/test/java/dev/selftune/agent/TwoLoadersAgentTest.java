package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.agent.apps.Twin;
import dev.selftune.api.MethodRef;
import dev.selftune.install.HotSwapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's bookkeeping is per loaded class: two loaders' copies of one hot method are two methods to it. */
class TwoLoadersAgentTest {
    static final URL CLASSES = Twin.class.getProtectionDomain().getCodeSource().getLocation();
    static final MethodRef SCALE = new MethodRef(Twin.class.getName(), "scale", "(I)I");
    static final Instrumentation INST = ByteBuddyAgent.install();

    @TempDir
    Path dir;

    static URLClassLoader loader() {
        return new URLClassLoader(new URL[] {CLASSES}, ClassLoader.getPlatformClassLoader());
    }

    private Events events(Path file) {
        return new Events(file, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private AgentDaemon daemon(HotSwapper swapper, Path eventsFile) {
        AgentDaemon d = new AgentDaemon(AgentOptions.parse("include=dev.selftune.agent.**"), INST, events(eventsFile));
        d.useSwapper(swapper);
        return d;
    }

    private static SampledMethod sampled(long classId, long loaderId) {
        return new SampledMethod(SCALE, classId, loaderId, null, URLClassLoader.class.getName());
    }

    @Test
    void select_sameHotMethodInTwoLoaders_twoCandidatesAndDoneForOneLeavesTheOther() throws Exception {
        try (URLClassLoader la = loader(); URLClassLoader lb = loader()) {
            Class<?> a = la.loadClass(SCALE.owner());
            Class<?> b = lb.loadClass(SCALE.owner());
            SampledMethod sa = sampled(101, 7);
            SampledMethod sb = sampled(102, 8);
            Map<SampledMethod, Class<?>> classes = Map.of(sa, a, sb, b);
            List<Map.Entry<SampledMethod, Long>> ranking = List.of(Map.entry(sa, 100L), Map.entry(sb, 90L));

            List<Candidate> both = new CandidateSelector(INST, events(null), s -> 0, classes::get).select(ranking, 200, 5, Set.of());
            assertEquals(2, both.size(), "two loaders' copies are two candidates");
            assertSame(a, both.get(0).owner());
            assertSame(b, both.get(1).owner());
            assertNotEquals(both.get(0).id(), both.get(1).id());
            assertTrue(both.get(0).id().toString().startsWith(SCALE + " [loader URLClassLoader@"), both.get(0).id().toString());
            assertNotEquals(both.get(0).id().toString(), both.get(1).id().toString(), "events tell the two loaders apart");

            Set<LoadedMethod> done = Set.of(new LoadedMethod(a, SCALE, null, null));
            List<Candidate> rest = new CandidateSelector(INST, events(null), s -> 0, classes::get).select(ranking, 200, 5, done);
            assertEquals(1, rest.size(), "done for the first loader's copy does not mark the second");
            assertSame(b, rest.get(0).owner());
        }
    }

    @Test
    void select_classNotResolvedYet_triesAgainWithoutReportingASkip() throws Exception {
        try (URLClassLoader la = loader(); URLClassLoader lb = loader()) {
            la.loadClass(SCALE.owner());
            lb.loadClass(SCALE.owner());
            Path file = dir.resolve("events.jsonl");
            CandidateSelector selector = new CandidateSelector(INST, events(file), s -> 0, s -> null);
            assertEquals(List.of(), selector.select(List.of(Map.entry(sampled(101, 7), 100L)), 100, 5, Set.of()));
            assertFalse(Files.exists(file) && Files.readString(file).contains("skipped"), "an ambiguous class is not a reason to skip");
        }
    }

    @Test
    void rollback_oneOfTwoLoadersSwapped_leavesTheOtherSwappedAndNamesTheLoader() throws Exception {
        try (URLClassLoader la = loader(); URLClassLoader lb = loader()) {
            Class<?> a = la.loadClass(SCALE.owner());
            Class<?> b = lb.loadClass(SCALE.owner());
            HotSwapper swapper = new HotSwapper(INST, line -> { });
            Path eventsFile = dir.resolve("events.jsonl");
            AgentDaemon d = daemon(swapper, eventsFile);
            LoadedMethod ma = LoadedMethod.of(INST, a, SCALE, null);
            LoadedMethod mb = LoadedMethod.of(INST, b, SCALE, null);
            d.swap(ma, "x5", ClassFiles.read(a));
            d.swap(mb, "x7", ClassFiles.read(b));
            d.markDone(ma);
            assertFalse(d.isDone(mb));
            assertEquals("x5", d.active(new LoadedMethod(a, SCALE, null, null)), "equal by the class while it lives");

            d.rollback(ma, "test", null);
            assertEquals(HotSwapper.ORIGINAL, swapper.active(a, SCALE));
            assertEquals("x7", swapper.active(b, SCALE), "the other loader's swap stays");
            assertNull(d.active(ma));
            assertEquals("x7", d.active(mb));
            List<String> rolled = Files.readAllLines(eventsFile).stream().filter(l -> l.contains("\"rolled-back\"")).toList();
            assertEquals(1, rolled.size());
            assertTrue(rolled.get(0).contains(ma.toString()) && ma.toString().contains("[loader "), rolled.get(0));
            d.rollback(null, "test", null);
        }
    }

    @Test
    void prune_loaderDroppedByTheApplication_bookkeepingForgetsItAndTheLoaderIsCollected() throws Exception {
        HotSwapper swapper = new HotSwapper(INST, line -> { });
        AgentDaemon d = daemon(swapper, null);
        WeakReference<ClassLoader> dropped = swapInThrowawayLoader(d);
        assertEquals(2, d.remembered());
        for (int i = 0; i < 100 && dropped.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
            d.prune();
        }
        assertNull(dropped.get(), "the agent's bookkeeping still holds the dropped class loader");
        d.prune();
        assertEquals(0, d.remembered(), "a collected loader's methods are forgotten");
    }

    private static WeakReference<ClassLoader> swapInThrowawayLoader(AgentDaemon d) throws Exception {
        URLClassLoader l = loader();
        Class<?> c = l.loadClass(SCALE.owner());
        LoadedMethod m = LoadedMethod.of(INST, c, SCALE, null);
        d.swap(m, "x5", ClassFiles.read(c));
        d.markDone(m);
        assertEquals(Twin.scale(50), (int) c.getMethod("scale", int.class).invoke(null, 50));
        l.close();
        return new WeakReference<>(l);
    }
}
