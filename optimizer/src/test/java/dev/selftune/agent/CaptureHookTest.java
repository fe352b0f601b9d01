package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

class CaptureHookTest {
    static final String SPECIMENS = "dev.selftune.agent.apps.Specimens";

    @AfterEach
    void clear() {
        System.getProperties().remove(CaptureHook.SINK_KEY);
    }

    static Class<?> woven(String method, String desc) throws Exception {
        byte[] original = Files.readAllBytes(Path.of(ChildJvm.testClasses(), SPECIMENS.replace('.', '/') + ".class"));
        byte[] bytes = CaptureHook.weave(original, method, desc);
        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(bytes), false, new PrintWriter(problems));
        assertEquals("", problems.toString(), "woven class must verify");
        return new ClassLoader(null) {
            Class<?> define() {
                return defineClass(SPECIMENS, bytes, 0, bytes.length);
            }
        }.define();
    }

    static List<Object[]> sink() {
        List<Object[]> rows = new ArrayList<>();
        System.getProperties().put(CaptureHook.SINK_KEY, (Consumer<Object[]>) rows::add);
        return rows;
    }

    @Test
    void weave_staticMethod_boxesEveryArgumentKind() throws Exception {
        Class<?> c = woven("mixed", "(IJDLjava/lang/String;[I)J");
        List<Object[]> rows = sink();
        int[] arr = {1, 2};
        Method m = c.getMethod("mixed", int.class, long.class, double.class, String.class, int[].class);
        assertEquals(1L + 2 + 3 + 2 + 2, m.invoke(null, 1, 2L, 3.5, "ab", arr));
        assertEquals(1, rows.size());
        assertArrayEquals(new Object[] {1, 2L, 3.5, "ab", arr}, rows.get(0));
    }

    @Test
    void weave_instanceMethod_skipsThisAndKeepsResult() throws Exception {
        Class<?> c = woven("instance", "(ZFCBS)I");
        List<Object[]> rows = sink();
        Object o = c.getConstructor(int.class).newInstance(10);
        Method m = c.getMethod("instance", boolean.class, float.class, char.class, byte.class, short.class);
        assertEquals(10 + 1 + 2 + 'a' + 3 + 4, m.invoke(o, true, 2.5f, 'a', (byte) 3, (short) 4));
        assertArrayEquals(new Object[] {true, 2.5f, 'a', (byte) 3, (short) 4}, rows.get(0));
    }

    @Test
    void weave_noSink_methodRunsUnchanged_evenWithAFrameAtOffsetZero() throws Exception {
        Class<?> c = woven("loopAtEntry", "(I)I");
        Method m = c.getMethod("loopAtEntry", int.class);
        assertEquals(-1, m.invoke(null, 7));
        List<Object[]> rows = sink();
        assertEquals(0, m.invoke(null, 8));
        assertArrayEquals(new Object[] {8}, rows.get(0));
    }

    @Test
    void weave_absentMethod_returnsNull() throws Exception {
        byte[] original = Files.readAllBytes(Path.of(ChildJvm.testClasses(), SPECIMENS.replace('.', '/') + ".class"));
        assertNull(CaptureHook.weave(original, "nope", "()V"));
    }
}
