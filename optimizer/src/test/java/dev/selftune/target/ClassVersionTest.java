package dev.selftune.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.selftune.generate.ClassBytes;
import dev.selftune.generate.TunedMethods;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
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

    private static MethodNode method(AbstractInsnNode n) {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "m", "()V", null, null);
        m.instructions.add(n);
        return m;
    }

    @Test
    void raiseReason_featuresInTwoMethods_namesTheOneThatSetTheVersion() {
        byte[] original = OldClasses.kernels(Opcodes.V1_1);
        ClassNode cn = ClassBytes.read(original);
        prefix(TunedMethods.find(cn, "sumFinally", "([I)I"), OldClasses.classLiteral());
        prefix(TunedMethods.find(cn, "sum", "([I)J"), OldClasses.invokedynamic());
        byte[] raised = ClassBytes.writeChanged(original, cn, Set.of("sumFinally([I)I", "sum([I)J"), ClassBytes.resourcesOf(null));
        assertEquals(51, ClassVersion.major(raised));
        assertEquals("raised from 45 (Java 1.1) to 51 (Java 7): sum([I)J uses invokedynamic, which needs class-file version 51 "
                + "or later; every method now carries stack-map frames, with JSR subroutines inlined",
                ClassVersion.raiseReason(original, raised));
    }

    private static void prefix(MethodNode m, AbstractInsnNode... insns) {
        InsnList l = new InsnList();
        for (AbstractInsnNode n : insns) {
            l.add(n);
        }
        m.instructions.insert(l);
    }
}
