package dev.selftune.target;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Class-file versions: the range selftune reads, and the lowest version a rewritten method needs.
 * A variant keeps its class's version unless its code uses a newer feature; then it is raised to
 * the lowest version that allows it, and the report says so.
 */
public final class ClassVersion {
    /** Java 1.1 (45.3, also what Java 1.0.2's javac wrote), the oldest class-file version selftune reads. */
    public static final int OLDEST = Opcodes.V1_1 & 0xFFFF;
    /** Java 6: the first version with stack-map frames. */
    public static final int FRAMES = Opcodes.V1_6;
    /** Java 7: from here on JSR/RET are illegal and every method needs frames (JVMS 4.9.1, 4.10.1). */
    public static final int TYPE_CHECKED = Opcodes.V1_7;

    private ClassVersion() { }

    /*
     * Why keep the version: the JVM still verifies class files before 50 by type inference (on 17
     * and 25 alike) and lets a version-50 class without frames fail over to it (JVMS 4.10), so an
     * old class stays loadable as written. Raising it would change more than frames: from 51 every
     * method of the class must carry frames and be free of JSR; from 53 a static final field may be
     * written only in <clinit>. So the writer raises only for an instruction the old version
     * cannot hold, and to the lowest version that holds it (JVMS 4.4 and 6.5 name the minimums).
     */

    /** The lowest version that allows an instruction, and what that instruction is. */
    public record Need(int major, String feature) { }

    /** The major version in {@code classBytes} (u2 at offset 6). */
    public static int major(byte[] classBytes) {
        return ((classBytes[6] & 0xFF) << 8) | (classBytes[7] & 0xFF);
    }

    /** The minor version in {@code classBytes} (u2 at offset 4). */
    public static int minor(byte[] classBytes) {
        return ((classBytes[4] & 0xFF) << 8) | (classBytes[5] & 0xFF);
    }

    /** The newest version the running JVM loads. */
    public static int newestRunnable() {
        return 44 + Runtime.version().feature();
    }

    /** {@code 45 (Java 1.1)}, {@code 49 (Java 5)}, {@code 61 (Java 17)}. */
    public static String describe(int major) {
        int java = major - 44;
        return major + " (Java " + (major < Opcodes.V1_5 ? "1." + java : String.valueOf(java)) + ")";
    }

    /** True when {@code m} holds JSR or RET (old javac's try/finally subroutines). */
    public static boolean hasSubroutines(MethodNode m) {
        for (AbstractInsnNode n : m.instructions) {
            if (n.getOpcode() == Opcodes.JSR || n.getOpcode() == Opcodes.RET) {
                return true;
            }
        }
        return false;
    }

    /** The lowest version every instruction of {@code m} is legal in ({@link #OLDEST} when all are). */
    public static Need needed(MethodNode m) {
        Need need = new Need(OLDEST, null);
        for (AbstractInsnNode n : m.instructions) {
            Need here = neededBy(n);
            if (here != null && here.major() > need.major()) {
                need = here;
            }
        }
        return need;
    }

    private static Need neededBy(AbstractInsnNode n) {
        if (n.getOpcode() == Opcodes.INVOKEDYNAMIC) {
            return new Need(Opcodes.V1_7, "invokedynamic");
        }
        if (n instanceof MethodInsnNode call && call.itf
                && (call.getOpcode() == Opcodes.INVOKESTATIC || call.getOpcode() == Opcodes.INVOKESPECIAL)) {
            return new Need(Opcodes.V1_8, "a call to a static or private interface method");
        }
        if (n instanceof LdcInsnNode ldc) {
            if (ldc.cst instanceof ConstantDynamic) {
                return new Need(Opcodes.V11, "a dynamic constant");
            }
            if (ldc.cst instanceof Handle || ldc.cst instanceof Type t && t.getSort() == Type.METHOD) {
                return new Need(Opcodes.V1_7, "a method handle or method type constant");
            }
            if (ldc.cst instanceof Type) {
                return new Need(Opcodes.V1_5, "ldc of a class literal");
            }
        }
        return null;
    }

    /**
     * Why {@code written} has a newer version than {@code original}, naming the method and the
     * instruction that needs the newest version; null when the version was kept.
     */
    public static String raiseReason(byte[] original, byte[] written) {
        int from = major(original);
        int to = major(written);
        if (to <= from) {
            return null;
        }
        ClassNode cn = new ClassNode();
        new ClassReader(written).accept(cn, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        Need top = new Need(from, null);
        String where = null;
        for (MethodNode m : cn.methods) {
            Need need = needed(m);
            if (need.major() > top.major()) {
                top = need;
                where = m.name + m.desc;
            }
        }
        return "raised from " + describe(from) + " to " + describe(to) + (where == null ? "" : ": " + where + " uses "
                + top.feature() + ", which needs class-file version " + top.major() + " or later") + framesNote(from, to);
    }

    private static String framesNote(int from, int to) {
        return from < TYPE_CHECKED && to >= TYPE_CHECKED
                ? "; every method now carries stack-map frames, with JSR subroutines inlined" : "";
    }
}
