package dev.selftune.generate.nestspecimens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.generate.ClassBytes;
import dev.selftune.generate.Policy;
import dev.selftune.generate.Transform;
import dev.selftune.generate.TransformContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

/** Differential harness for the nest transforms: original and variant in separate class loaders, bit-exact. */
public final class NestHarness {
    public static final TransformContext CTX = TransformContext.exact(Policy.defaults());
    public static final String NAME = Nests.class.getName();

    private NestHarness() { }

    public static byte[] original() {
        try (InputStream in = Nests.class.getResourceAsStream("Nests.class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ClassNode read(byte[] bytes) {
        return ClassBytes.read(bytes);
    }

    public static MethodNode method(ClassNode cn, String name) {
        return cn.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    /** Applies {@code t} with {@code params} to {@code name} in {@code bytes}; fails the test when it does not apply. */
    public static byte[] apply(byte[] bytes, String name, Transform t, Map<String, Integer> params) {
        ClassNode cn = read(bytes);
        assertTrue(t.apply(cn, method(cn, name), params, CTX), t.name() + " " + params + " should apply to " + name);
        byte[] out = ClassBytes.write(cn, ClassBytes.resourcesOf(NestHarness.class.getClassLoader()));
        assertVerifies(out);
        return out;
    }

    public static void assertVerifies(byte[] bytes) {
        StringWriter sw = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(bytes), NestHarness.class.getClassLoader(), false, new PrintWriter(sw));
        assertEquals("", sw.toString(), "CheckClassAdapter");
    }

    /** Defines the class from {@code bytes} in a fresh loader that resolves its own name to itself. */
    public static Class<?> define(byte[] bytes) {
        return new ClassLoader(NestHarness.class.getClassLoader()) {
            private Class<?> self;

            Class<?> self() {
                if (self == null) {
                    self = defineClass(NAME, bytes, 0, bytes.length);
                }
                return self;
            }

            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                return name.equals(NAME) ? self() : super.loadClass(name, resolve);
            }
        }.self();
    }

    /**
     * Runs {@code name} of both classes on {@code trials} random inputs and asserts equal results,
     * equal arguments afterwards and equal exception types. {@code oneFault}: at most one kind of
     * bad row per input (for transforms that may reorder which exception comes first).
     */
    public static int assertSameBehaviour(byte[] original, byte[] variant, String name, int trials, boolean oneFault) {
        Method a = find(define(original), name);
        Method b = find(define(variant), name);
        Random random = new Random(42);
        int thrown = 0;
        for (int t = 0; t < trials; t++) {
            long seed = random.nextLong();
            Object[] argsA = NestInputs.arguments(a.getParameterTypes(), new Random(seed), oneFault);
            Object[] argsB = NestInputs.arguments(a.getParameterTypes(), new Random(seed), oneFault);
            Object selfA = receiver(a, new Random(seed), oneFault);
            Object selfB = receiver(b, new Random(seed), oneFault);
            Object ra = invoke(a, selfA, argsA);
            Object rb = invoke(b, selfB, argsB);
            String where = name + " trial " + t + " args " + Arrays.deepToString(argsA);
            if (ra instanceof Throwable ea) {
                thrown++;
                assertTrue(rb instanceof Throwable, where + ": original threw " + ea + ", variant returned");
                assertEquals(ea.getClass(), rb.getClass(), where);
            } else {
                assertTrue(Arrays.deepEquals(new Object[] {ra}, new Object[] {rb}), where + ": results differ");
            }
            assertTrue(Arrays.deepEquals(argsA, argsB), where + ": arguments differ afterwards");
            assertTrue(selfA == null || Arrays.deepEquals(state(selfA), state(selfB)), where + ": receivers differ afterwards");
        }
        return thrown;
    }

    private static Method find(Class<?> c, String name) {
        return Arrays.stream(c.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }

    /* For instance specimens: an object whose array fields come from the seed and whose size matches. */
    private static Object receiver(Method m, Random r, boolean oneFault) {
        if (java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
            return null;
        }
        try {
            var ctor = m.getDeclaringClass().getDeclaredConstructor();
            ctor.setAccessible(true);
            Object self = ctor.newInstance();
            double[][] data = (double[][]) NestInputs.arguments(new Class<?>[] {double[][].class}, r, oneFault)[0];
            for (String name : new String[] {"data", "shared"}) {
                field(self, name).set(self, data);
            }
            field(self, "size").set(self, data.length);
            return self;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object[] state(Object self) {
        try {
            return new Object[] {field(self, "data").get(self), field(self, "shared").get(self), field(self, "size").get(self)};
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.lang.reflect.Field field(Object self, String name) throws NoSuchFieldException {
        java.lang.reflect.Field f = self.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    private static Object invoke(Method m, Object self, Object[] args) {
        try {
            m.setAccessible(true);
            return m.invoke(self, args);
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
