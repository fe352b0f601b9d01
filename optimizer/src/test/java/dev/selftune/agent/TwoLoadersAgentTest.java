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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

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

    /** Defines Twin from given bytes and serves them as its class file, as a loader with an edited copy would. */
    static final class BytesLoader extends ClassLoader {
        private final byte[] bytes;

        BytesLoader(byte[] bytes) {
            super("edited", ClassLoader.getPlatformClassLoader());
            this.bytes = bytes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (!name.equals(SCALE.owner())) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            return name.equals(SCALE.internalOwner() + ".class") ? new ByteArrayInputStream(bytes) : super.getResourceAsStream(name);
        }
    }

    private static byte[] withExtraField(byte[] original) {
        ClassWriter w = new ClassWriter(0);
        new ClassReader(original).accept(new ClassVisitor(Opcodes.ASM9, w) {
            @Override
            public void visitEnd() {
                visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, "edited", "I", null, null).visitEnd();
                super.visitEnd();
            }
        }, 0);
        return w.toByteArray();
    }

    @Test
    void applyWisdom_classInThreeLoadersOneEdited_appliesToEachCopyWhoseBytesMatch() throws Exception {
        try (URLClassLoader la = loader(); URLClassLoader lb = loader()) {
            Class<?> a = la.loadClass(SCALE.owner());
            Class<?> b = lb.loadClass(SCALE.owner());
            byte[] original = ClassFiles.read(a);
            Class<?> c = new BytesLoader(withExtraField(original)).loadClass(SCALE.owner());
            HotSwapper swapper = new HotSwapper(INST, line -> { });
            Path eventsFile = dir.resolve("events.jsonl");
            AgentDaemon d = daemon(swapper, eventsFile);
            Wisdom w = Wisdom.load(null, events(null));
            w.remember(new WisdomEntry(SCALE, ClassFiles.sha256(original), Environment.current(), "w1", original, Map.of()));
            d.useWisdom(w);
            d.applyWisdom(a);
            d.applyWisdom(c);
            d.applyWisdom(b);
            d.applyWisdom(a);
            assertEquals("w1", swapper.active(a, SCALE));
            assertEquals("w1", swapper.active(b, SCALE), "the second loader's copy gets the winner too");
            assertNull(swapper.active(c, SCALE), "a copy whose class file differs is not touched");
            List<String> applied = Files.readAllLines(eventsFile).stream().filter(l -> l.contains("\"wisdom-applied\"")).toList();
            assertEquals(2, applied.size(), String.join("\n", applied));
            d.rollback(null, "test", null);
        }
    }

    @Test
    void detector_sameHotMethodInTwoLoaders_countsEachApartAndResolvesEachToItsClass() throws Exception {
        try (URLClassLoader la = loader(); URLClassLoader lb = loader()) {
            Class<?> a = la.loadClass(SCALE.owner());
            Class<?> b = lb.loadClass(SCALE.owner());
            HotMethodDetector det = new HotMethodDetector(new ClassPattern(List.of("dev.selftune.agent.apps.**"), List.of()),
                    Duration.ofMillis(10));
            det.start();
            try {
                List<Map.Entry<SampledMethod, Long>> twins = List.of();
                for (int round = 0; round < 10 && (twins.size() < 2 || twins.get(1).getValue() < 20); round++) {
                    spin(a.getMethod("scale", int.class), 600);
                    spin(b.getMethod("scale", int.class), 200);
                    twins = det.ranking().stream().filter(e -> e.getKey().method().equals(SCALE)).toList();
                }
                assertEquals(2, twins.size(), "one entry per loader's copy: " + twins);
                assertNotEquals(twins.get(0).getKey().classId(), twins.get(1).getKey().classId());
                Class<?> hotter = null;
                Class<?> cooler = null;
                for (int i = 0; i < 100 && (hotter == null || cooler == null); i++) {
                    hotter = det.resolve(INST, twins.get(0).getKey());
                    cooler = det.resolve(INST, twins.get(1).getKey());
                    Thread.sleep(100);
                }
                assertSame(a, hotter, "the copy run three times as long has the most samples");
                assertSame(b, cooler);
            } finally {
                det.close();
            }
        }
    }

    private static void spin(Method scale, long millis) throws Exception {
        long end = System.nanoTime() + millis * 1_000_000;
        int sink = 0;
        while (System.nanoTime() < end) {
            sink += (int) scale.invoke(null, 20_000);
        }
        blackhole = sink;
    }

    static volatile int blackhole;

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
