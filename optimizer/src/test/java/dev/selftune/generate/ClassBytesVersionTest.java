package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.target.ClassVersion;
import dev.selftune.target.OldClasses;
import dev.selftune.verify.BytecodeCheck;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.BasicVerifier;

/** Reading and writing old class files: subroutines inlined on read, frames from 50, the version raised only when needed. */
class ClassBytesVersionTest {
    private static final String SUM = "sum([I)J";

    @Test
    void read_java11ClassWithJsr_inlinesSubroutinesIntoVerifiableBody() throws Exception {
        ClassNode cn = ClassBytes.read(OldClasses.kernels(Opcodes.V1_1));
        MethodNode m = TunedMethods.find(cn, "sumFinally", "([I)I");
        assertFalse(ClassVersion.hasSubroutines(m));
        new Analyzer<>(new BasicVerifier()).analyze(cn.name, m);
        assertEquals(Opcodes.V1_1, cn.version);
    }

    @Test
    void read_subroutinesInAJava7Class_leftInPlaceAndRefusedByTheWriter() {
        byte[] bad = OldClasses.kernels(Opcodes.V1_1);
        bad[4] = 0;
        bad[5] = 0;
        bad[7] = (byte) Opcodes.V1_7;
        ClassNode cn = ClassBytes.read(bad);
        assertTrue(ClassVersion.hasSubroutines(TunedMethods.find(cn, "sumFinally", "([I)I")),
                "JSR is illegal from 51 on: the reader leaves it for verification to reject");
        assertThrows(RuntimeException.class, () -> ClassBytes.write(cn, ClassBytes.resourcesOf(null)));
    }

    @Test
    void writeChanged_java11ClassPlainChange_keeps45_3WithoutFramesAndUntouchedJsr() throws Exception {
        byte[] original = OldClasses.kernels(Opcodes.V1_1);
        ClassNode cn = ClassBytes.read(original);
        TunedMethods.find(cn, "sum", "([I)J").instructions.insert(nop());
        byte[] out = ClassBytes.writeChanged(original, cn, Set.of(SUM), ClassBytes.resourcesOf(null));
        assertEquals(45, ClassVersion.major(out));
        assertEquals(3, ClassVersion.minor(out));
        assertNull(ClassVersion.raiseReason(original, out));
        assertEquals(Map.of(), framedMethods(out), "a 45 class file has no frames");
        assertTrue(ClassVersion.hasSubroutines(TunedMethods.find(plain(out), "sumFinally", "([I)I")), "untouched bytes are copied");
        assertEquals(OldClasses.outcomes(List.of(), original), OldClasses.outcomes(List.of(), out));
    }

    @Test
    void writeChanged_java6ClassWithoutFrames_changedMethodGetsFramesVersionKept() throws Exception {
        byte[] original = OldClasses.kernels(Opcodes.V1_6);
        ClassNode cn = ClassBytes.read(original);
        TunedMethods.find(cn, "sum", "([I)J").instructions.insert(nop());
        byte[] out = ClassBytes.writeChanged(original, cn, Set.of(SUM), ClassBytes.resourcesOf(null));
        assertEquals(50, ClassVersion.major(out));
        assertEquals(Map.of("sum", true), framedMethods(out), "only the rewritten method gets frames");
        assertNull(BytecodeCheck.check(out, null));
        assertEquals(OldClasses.outcomes(List.of(), original), OldClasses.outcomes(List.of(), out));
    }

    @Test
    void writeChanged_classLiteralInJava11Class_raisedTo49AndSaysWhy() throws Exception {
        byte[] original = OldClasses.kernels(Opcodes.V1_1);
        byte[] out = OldClasses.withSumPrefix(original, OldClasses.classLiteral());
        assertEquals(49, ClassVersion.major(out));
        assertEquals(0, ClassVersion.minor(out));
        assertEquals(Map.of(), framedMethods(out), "49 needs no frames");
        assertEquals("raised from 45 (Java 1.1) to 49 (Java 5): sum([I)J uses ldc of a class literal, "
                + "which needs class-file version 49 or later", ClassVersion.raiseReason(original, out));
        assertNull(BytecodeCheck.check(out, null));
        assertEquals(OldClasses.outcomes(List.of(), original), OldClasses.outcomes(List.of(), out));
    }

    @Test
    void writeChanged_invokedynamicInJava11ClassWithJsr_raisedTo51WithFramesEverywhereAndNoJsr() throws Exception {
        byte[] original = OldClasses.kernels(Opcodes.V1_1);
        byte[] out = OldClasses.withSumPrefix(original, OldClasses.invokedynamic());
        assertEquals(51, ClassVersion.major(out));
        ClassNode back = plain(out);
        for (MethodNode m : back.methods) {
            assertFalse(ClassVersion.hasSubroutines(m), m.name + " keeps a JSR in a 51 class file");
        }
        assertEquals(Map.of("sum", true, "sumFinally", true), framedMethods(out));
        String why = ClassVersion.raiseReason(original, out);
        assertTrue(why.startsWith("raised from 45 (Java 1.1) to 51 (Java 7): sum([I)J uses invokedynamic"), why);
        assertTrue(why.endsWith("every method now carries stack-map frames, with JSR subroutines inlined"), why);
        assertNull(BytecodeCheck.check(out, null));
        assertEquals(OldClasses.outcomes(List.of(), original), OldClasses.outcomes(List.of(), out));
    }

    private static InsnList nop() {
        InsnList l = new InsnList();
        l.add(new InsnNode(Opcodes.NOP));
        return l;
    }

    private static ClassNode plain(byte[] bytes) {
        ClassNode cn = new ClassNode();
        new ClassReader(bytes).accept(cn, 0);
        return cn;
    }

    /** Methods that carry frames (StackMapTable, or ASM's CLDC StackMap below 50), by name. */
    private static Map<String, Boolean> framedMethods(byte[] bytes) {
        Map<String, Boolean> framed = new HashMap<>();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitFrame(int type, int nLocal, Object[] local, int nStack, Object[] stack) {
                        framed.put(name, true);
                    }
                };
            }
        }, 0);
        return framed;
    }
}
