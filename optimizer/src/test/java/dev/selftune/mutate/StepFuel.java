package dev.selftune.mutate;

import dev.selftune.generate.ClassBytes;
import java.io.InputStream;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/**
 * The equivalence run's own step budget, independent of the verifier's: a call to {@link Fuel#tick}
 * before every jump or switch and at every method entry (loops and recursion), in original and mutant alike.
 */
final class StepFuel {
    private StepFuel() { }

    static byte[] instrument(byte[] bytes, Function<String, InputStream> resources) {
        ClassNode cn = ClassBytes.read(bytes);
        for (MethodNode m : cn.methods) {
            if (m.instructions.size() == 0 || m.name.equals("<clinit>")) {
                continue;
            }
            for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
                if (n instanceof JumpInsnNode || n instanceof TableSwitchInsnNode || n instanceof LookupSwitchInsnNode) {
                    m.instructions.insertBefore(n, tick());
                }
            }
            if (!m.name.equals("<init>")) {
                m.instructions.insert(tick());
            }
        }
        return ClassBytes.write(cn, resources);
    }

    private static MethodInsnNode tick() {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, "dev/selftune/mutate/Fuel", "tick", "()V", false);
    }
}
