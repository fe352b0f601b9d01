package dev.selftune.verify;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.target.OldClasses;
import dev.selftune.target.TargetClassLoader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/** The static check on class files with JSR/RET subroutines and no frames: it judges them rather than skipping them. */
class BytecodeCheckTest {
    @ParameterizedTest
    @ValueSource(ints = {Opcodes.V1_1, Opcodes.V1_4, Opcodes.V1_5, Opcodes.V1_6})
    void check_oldClassWithSubroutines_passes(int version) {
        assertNull(BytecodeCheck.check(OldClasses.kernels(version), null));
    }

    @ParameterizedTest
    @ValueSource(ints = {Opcodes.V1_1, Opcodes.V1_6})
    void check_retThroughAnIntLocal_rejectedNamingTheMethodAsTheJvmDoes(int version) {
        ClassNode cn = new ClassNode();
        new ClassReader(OldClasses.kernels(version)).accept(cn, 0);
        for (MethodNode m : cn.methods) {
            for (AbstractInsnNode n : m.instructions) {
                if (n.getOpcode() == Opcodes.RET) {
                    ((VarInsnNode) n).var = 1;
                }
            }
        }
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cn.accept(cw);
        byte[] broken = cw.toByteArray();
        String why = BytecodeCheck.check(broken, null);
        assertNotNull(why);
        assertTrue(why.startsWith("method sumFinally([I)I fails type-flow analysis"), why);
        assertThrows(VerifyError.class, () -> {
            try (TargetClassLoader l = new TargetClassLoader(List.of(), OldClasses.NAME, broken)) {
                l.targetClass().getMethods();
            }
        });
    }
}
