package dev.selftune.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

class ClassVersionTest {
    @Test
    void describe_oldAndNewVersions_namedAsJavaReleases() {
        assertEquals("45 (Java 1.1)", ClassVersion.describe(45));
        assertEquals("48 (Java 1.4)", ClassVersion.describe(48));
        assertEquals("49 (Java 5)", ClassVersion.describe(49));
        assertEquals("61 (Java 17)", ClassVersion.describe(61));
    }

    @Test
    void major_minor_readFromTheHeader() {
        byte[] b = OldClasses.kernels(Opcodes.V1_1);
        assertEquals(45, ClassVersion.major(b));
        assertEquals(3, ClassVersion.minor(b));
    }

    @Test
    void needed_eachFeature_lowestVersionThatHoldsIt() {
        assertEquals(ClassVersion.OLDEST, ClassVersion.needed(method(new InsnNode(Opcodes.NOP))).major());
        assertEquals(49, ClassVersion.needed(method(new LdcInsnNode(Type.getType("[I")))).major());
        assertEquals(51, ClassVersion.needed(method(new LdcInsnNode(Type.getMethodType("()V")))).major());
        assertEquals(52, ClassVersion.needed(method(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/util/List", "of",
                "()Ljava/util/List;", true))).major());
        assertEquals(ClassVersion.OLDEST, ClassVersion.needed(method(new MethodInsnNode(Opcodes.INVOKEINTERFACE,
                "java/util/List", "size", "()I", true))).major(), "invokeinterface is as old as the JVM");
        assertEquals(ClassVersion.OLDEST, ClassVersion.needed(method(new LdcInsnNode(7L))).major());
    }

    @Test
    void raiseReason_sameVersion_null() {
        byte[] b = OldClasses.kernels(Opcodes.V1_4);
        assertNull(ClassVersion.raiseReason(b, b));
    }

    private static MethodNode method(org.objectweb.asm.tree.AbstractInsnNode n) {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "m", "()V", null, null);
        m.instructions.add(n);
        return m;
    }
}
