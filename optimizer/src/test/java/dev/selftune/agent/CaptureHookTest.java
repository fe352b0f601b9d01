package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.selftune.install.CaptureChannel;
import net.bytebuddy.agent.ByteBuddyAgent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

class CaptureHookTest {
    static final String SPECIMENS = "dev.selftune.agent.apps.Specimens";

    private final List<Object[]> rows = new ArrayList<>();
    private CaptureChannel channel;

    @AfterEach
    void close() {
        if (channel != null) {
            channel.close();
        }
    }

    /** Specimens woven for {@code method desc}, in a loader that sees only the JDK, its hook linked to {@link #rows}. */
    Class<?> woven(String method, String desc) throws Exception {
        byte[] original = Files.readAllBytes(Path.of(ChildJvm.testClasses(), SPECIMENS.replace('.', '/') + ".class"));
        Loader loader = new Loader();
        channel = CaptureChannel.open(ByteBuddyAgent.install(), loader, rows::add);
        byte[] bytes = CaptureHook.weave(original, method, desc, channel.bootstrap(), channel.key());
        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(bytes), false, new PrintWriter(problems));
        assertEquals("", problems.toString(), "woven class must verify");
        Class<?> c = loader.define(bytes);
        channel.attach(c);
        return c;
    }

    private static final class Loader extends ClassLoader {
        Loader() {
            super(null);
        }

        Class<?> define(byte[] bytes) {
            return defineClass(SPECIMENS, bytes, 0, bytes.length);
        }
    }

    @Test
    void weave_staticMethod_boxesEveryArgumentKind() throws Exception {
        Class<?> c = woven("mixed", "(IJDLjava/lang/String;[I)J");
        int[] arr = {1, 2};
        Method m = c.getMethod("mixed", int.class, long.class, double.class, String.class, int[].class);
        assertEquals(1L + 2 + 3 + 2 + 2, m.invoke(null, 1, 2L, 3.5, "ab", arr));
        assertEquals(1, rows.size());
        assertArrayEquals(new Object[] {1, 2L, 3.5, "ab", arr}, rows.get(0));
    }

    @Test
    void weave_instanceMethod_passesTheReceiverFirstAndKeepsResult() throws Exception {
        Class<?> c = woven("instance", "(ZFCBS)I");
        Object o = c.getConstructor(int.class).newInstance(10);
        Method m = c.getMethod("instance", boolean.class, float.class, char.class, byte.class, short.class);
        assertEquals(10 + 1 + 2 + 'a' + 3 + 4, m.invoke(o, true, 2.5f, 'a', (byte) 3, (short) 4));
        assertArrayEquals(new Object[] {o, true, 2.5f, 'a', (byte) 3, (short) 4}, rows.get(0));
    }

    @Test
    void weave_frameAtOffsetZero_capturesThenRunsUnchangedOnceTheChannelCloses() throws Exception {
        Class<?> c = woven("loopAtEntry", "(I)I");
        Method m = c.getMethod("loopAtEntry", int.class);
        assertEquals(0, m.invoke(null, 8));
        assertArrayEquals(new Object[] {8}, rows.get(0));
        channel.close();
        assertEquals(-1, m.invoke(null, 7));
        assertEquals(1, rows.size(), "a closed channel drops the arguments");
    }

    @Test
    void weave_whileCapturing_leavesEverySystemPropertyAString() throws Exception {
        Class<?> c = woven("loopAtEntry", "(I)I");
        c.getMethod("loopAtEntry", int.class).invoke(null, 8);
        assertEquals(1, rows.size());
        System.getProperties().forEach((k, v) -> {
            assertTrue(k instanceof String, "property key " + k);
            assertTrue(v instanceof String, "property " + k + " holds a " + v.getClass().getName());
        });
    }

    @Test
    void weave_absentMethod_returnsNull() throws Exception {
        byte[] original = Files.readAllBytes(Path.of(ChildJvm.testClasses(), SPECIMENS.replace('.', '/') + ".class"));
        assertNull(CaptureHook.weave(original, "nope", "()V", CaptureChannel.open(ByteBuddyAgent.install(),
                ClassLoader.getSystemClassLoader(), r -> { }).bootstrap(), "k"));
    }
}
