package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.selftest.OwnHot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** Winners' class files under self-tuned/: one per class, several winners merged, a rolled-back one taken out. */
class SelfTunedClassesTest {
    static final MethodRef TWICE = SelfTunerTest.TWICE;
    static final MethodRef SUM = SelfTunerTest.SUM;

    @TempDir
    Path dir;

    static byte[] original() {
        return ClassFiles.read(OwnHot.class);
    }

    /* The original class with {@code name} returning the constant {@code value}, plus a helper named {@code helper} if given. */
    static byte[] winner(String name, Object value, String helper) {
        ClassNode cn = new ClassNode();
        new ClassReader(original()).accept(cn, 0);
        for (MethodNode m : cn.methods) {
            if (m.name.equals(name)) {
                InsnList l = new InsnList();
                l.add(new LdcInsnNode(value));
                l.add(new InsnNode(value instanceof Long ? Opcodes.LRETURN : Opcodes.IRETURN));
                m.instructions = l;
                m.tryCatchBlocks.clear();
                m.localVariables = null;
                m.maxStack = 2;
            }
        }
        if (helper != null) {
            MethodNode h = new MethodNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, helper, "()I", null, null);
            h.instructions.add(new InsnNode(Opcodes.ICONST_1));
            h.instructions.add(new InsnNode(Opcodes.IRETURN));
            h.maxStack = 1;
            cn.methods.add(h);
        }
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        cn.accept(cw);
        return cw.toByteArray();
    }

    static Object call(Path file, String name, Class<?> type, Object arg) throws Exception {
        byte[] b = Files.readAllBytes(file);
        Class<?> c = new ClassLoader(null) {
            Class<?> define() {
                return defineClass(OwnHot.class.getName(), b, 0, b.length);
            }
        }.define();
        return c.getMethod(name, type).invoke(null, arg);
    }

    @Test
    void add_twoWinnersOfOneClass_mergedIntoOneFileRunningBoth() throws Exception {
        SelfTunedClasses t = new SelfTunedClasses(dir);
        t.add(TWICE, original(), winner("twice", 42, "twice$fast$0"));
        t.add(SUM, original(), winner("sum", 7L, "sum$fast$0"));
        Path file = dir.resolve(TWICE.internalOwner() + ".class");
        assertEquals(42, call(file, "twice", int.class, 1));
        assertEquals(7L, call(file, "sum", int[].class, new int[] {1, 2}));
        ClassNode cn = new ClassNode();
        new ClassReader(Files.readAllBytes(file)).accept(cn, 0);
        assertTrue(cn.methods.stream().anyMatch(m -> m.name.equals("twice$fast$0"))
                && cn.methods.stream().anyMatch(m -> m.name.equals("sum$fast$0")), "both winners' helpers are kept");
    }

    @Test
    void remove_rolledBackWinner_originalBackAndFileGoneWhenNoneLeft() throws Exception {
        SelfTunedClasses t = new SelfTunedClasses(dir);
        t.add(TWICE, original(), winner("twice", 42, null));
        t.add(SUM, original(), winner("sum", 7L, null));
        Path file = dir.resolve(TWICE.internalOwner() + ".class");
        t.remove(TWICE, original());
        assertEquals(2, call(file, "twice", int.class, 1));
        assertEquals(7L, call(file, "sum", int[].class, new int[] {1, 2}));
        t.remove(SUM, original());
        assertFalse(Files.exists(file), "no winner left in the class: no file");
    }

    @Test
    void add_helperNameBothWinnersDefine_refusedAndTheFirstKept() throws Exception {
        SelfTunedClasses t = new SelfTunedClasses(dir);
        t.add(TWICE, original(), winner("twice", 42, "fast$0"));
        IOException e = assertThrows(IOException.class, () -> t.add(SUM, original(), winner("sum", 7L, "fast$0")));
        assertTrue(e.getMessage().contains("fast$0") && e.getMessage().contains("not merged"), e.getMessage());
        Path file = dir.resolve(TWICE.internalOwner() + ".class");
        assertEquals(42, call(file, "twice", int.class, 1));
        assertEquals(3L, call(file, "sum", int[].class, new int[] {1, 2}));
    }
}
