package dev.selftune.install;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.selftune.api.MethodRef;
import dev.selftune.api.Variant;
import dev.selftune.generate.ClassBytes;
import dev.selftune.generate.Generator;
import dev.selftune.generate.Policy;
import dev.selftune.generate.TransformContext;
import dev.selftune.generate.TunedMethods;
import dev.selftune.target.ClassVersion;
import dev.selftune.target.OldClasses;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** Class files before 51 under the swapper: the trampoline raises the class to 51, variants swap in and roll back. */
class OldClassSwapTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {Opcodes.V1_1, Opcodes.V1_4, Opcodes.V1_6})
    void swap_oldClassWithSubroutines_swapsTunedAndMarkedVariantsAndRollsBack(int version) throws Exception {
        HotSwapper swapper = new Agents.LoggedSwapper().swapper;
        scenario(swapper, dir, version);
    }

    /** Prepare, swap a marked and a generated variant, roll back; throws AssertionError on any difference. */
    static void scenario(HotSwapper swapper, Path dir, int version) throws Exception {
        byte[] original = OldClasses.kernels(version);
        Path cp = OldClasses.write(dir.resolve("v" + (version & 0xFFFF)), original);
        swapper.setMinSwapInterval(java.time.Duration.ZERO);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {cp.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> owner = loader.loadClass(OldClasses.NAME);
            Method sumFinally = owner.getMethod("sumFinally", int[].class);
            Method sum = owner.getMethod("sum", int[].class);
            MethodRef ref = new MethodRef(OldClasses.NAME, "sumFinally", "([I)I");
            swapper.prepare(owner, ref);
            assertEquals("6 [2, 2, 3]", call(sumFinally), "the trampoline calls the original body");
            assertEquals(10L, sum.invoke(null, (Object) new int[] {1, 2, 3, 4}), "untouched methods still run");

            swapper.swap(ref, "plus5", finallyAdds(original, 5));
            assertEquals("6 [6, 2, 3]", call(sumFinally), "the marked variant runs");

            Policy p = Policy.defaults();
            List<Variant> tuned = new Generator(p, TransformContext.exact(p), ClassBytes.resourcesOf(loader))
                    .generate("sumFinally", "([I)I", original);
            assertFalse(tuned.isEmpty());
            swapper.swap(ref, tuned.get(0).id(), tuned.get(0).classBytes());
            assertEquals("6 [2, 2, 3]", call(sumFinally), "the tuned variant " + tuned.get(0) + " behaves like the original");
            int[] big = new int[1000];
            java.util.Arrays.fill(big, 3);
            assertEquals(3000, sumFinally.invoke(null, (Object) big));
            assertEquals(4, big[0]);

            swapper.rollback(ref);
            assertEquals("6 [2, 2, 3]", call(sumFinally));
            assertArrayEquals(new int[0], callOn(sumFinally, new int[0]), "the finally skips an empty array");
        }
    }

    private static String call(Method m) throws Exception {
        int[] a = {1, 2, 3};
        Object r = m.invoke(null, (Object) a);
        return r + " " + java.util.Arrays.toString(a);
    }

    private static int[] callOn(Method m, int[] a) throws Exception {
        m.invoke(null, (Object) a);
        return a;
    }

    /* The class with sumFinally's finally block adding {@code n} to a[0] instead of 1, written as a tuner would. */
    private static byte[] finallyAdds(byte[] original, int n) {
        ClassNode cn = ClassBytes.read(original);
        MethodNode m = TunedMethods.find(cn, "sumFinally", "([I)I");
        for (AbstractInsnNode insn : m.instructions.toArray()) {
            if (insn.getOpcode() == Opcodes.ICONST_1) {
                m.instructions.set(insn, new IntInsnNode(Opcodes.BIPUSH, n));
            }
        }
        byte[] bytes = ClassBytes.writeChanged(original, cn, Set.of("sumFinally([I)I"), ClassBytes.resourcesOf(null));
        assertEquals(ClassVersion.major(original), ClassVersion.major(bytes));
        return bytes;
    }
}
