package dev.selftune.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/** Makes the verification copy of a class: a fuel tick at every method entry and backward branch. */
final class FuelInstrumenter {
    static final String SPENT = "$selftune$spent";
    static final String LIMIT = "$selftune$limit";
    static final String DEADLINE = "$selftune$deadline";
    static final String ARMED = "$selftune$armed";
    static final String OUT = "$selftune$out";
    static final String TICK = "$selftune$tick";
    /* Check the wall clock every 16k ticks: System.nanoTime costs ~20 ns, a tick ~1 ns. */
    static final long CLOCK_MASK = 0x3FFF;

    private FuelInstrumenter() { }

    /*
     * Why fuel rather than a watchdog thread: Thread.stop is gone (JDK 20+), and a variant spinning
     * in a leftover thread would steal one of two cores from every later JMH fork. Every
     * non-terminating path passes a backward branch or a method entry (recursion), so counting those
     * bounds the work; the tick throws a preallocated Error when the count passes the limit, or the
     * deadline passes. The tick only reads and writes statics added to this copy, so it takes no
     * operand stack, and inserted before a jump it leaves every existing stack map frame valid:
     * no frames are recomputed (which would need the hierarchy and could fail on odd classes).
     * Interfaces cannot hold mutable statics: they come back null (run without fuel).
     */
    static byte[] instrument(byte[] classBytes) {
        ClassNode cn = new ClassNode();
        new ClassReader(classBytes).accept(cn, 0);
        if ((cn.access & Opcodes.ACC_INTERFACE) != 0) {
            return null;
        }
        for (MethodNode m : cn.methods) {
            if (m.instructions.size() > 0 && !"<clinit>".equals(m.name)) {
                addTicks(cn.name, m);
            }
        }
        int acc = Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC;
        cn.fields.add(new FieldNode(acc, SPENT, "J", null, null));
        cn.fields.add(new FieldNode(acc, LIMIT, "J", null, null));
        cn.fields.add(new FieldNode(acc, DEADLINE, "J", null, null));
        cn.fields.add(new FieldNode(acc, ARMED, "Z", null, null));
        cn.fields.add(new FieldNode(acc, OUT, "Ljava/lang/Throwable;", null, null));
        cn.methods.add(tick(cn.name, (cn.version & 0xFFFF) >= Opcodes.V1_6));
        ClassWriter cw = new ClassWriter(0);
        cn.accept(cw);
        return cw.toByteArray();
    }

    private static void addTicks(String owner, MethodNode m) {
        InsnList insns = m.instructions;
        Map<LabelNode, Integer> at = new HashMap<>();
        int i = 0;
        for (AbstractInsnNode n = insns.getFirst(); n != null; n = n.getNext(), i++) {
            if (n instanceof LabelNode) {
                at.put((LabelNode) n, i);
            }
        }
        List<AbstractInsnNode> backward = new ArrayList<>();
        i = 0;
        for (AbstractInsnNode n = insns.getFirst(); n != null; n = n.getNext(), i++) {
            List<LabelNode> targets = new ArrayList<>();
            if (n instanceof JumpInsnNode) {
                targets.add(((JumpInsnNode) n).label);
            } else if (n instanceof TableSwitchInsnNode) {
                targets.addAll(((TableSwitchInsnNode) n).labels);
                targets.add(((TableSwitchInsnNode) n).dflt);
            } else if (n instanceof LookupSwitchInsnNode) {
                targets.addAll(((LookupSwitchInsnNode) n).labels);
                targets.add(((LookupSwitchInsnNode) n).dflt);
            }
            for (LabelNode t : targets) {
                if (at.getOrDefault(t, Integer.MAX_VALUE) <= i) {
                    backward.add(n);
                    break;
                }
            }
        }
        for (AbstractInsnNode n : backward) {
            insns.insertBefore(n, call(owner));
        }
        insns.insert(call(owner));
    }

    private static MethodInsnNode call(String owner) {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, owner, TICK, "()V", false);
    }

    /* spent++; if (armed && (spent > limit || (spent & MASK) == 0 && nanoTime() > deadline)) throw out; */
    private static MethodNode tick(String owner, boolean frames) {
        MethodNode m = new MethodNode(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, TICK, "()V", null, null);
        Label fire = new Label();
        Label done = new Label();
        m.visitCode();
        m.visitFieldInsn(Opcodes.GETSTATIC, owner, SPENT, "J");
        m.visitInsn(Opcodes.LCONST_1);
        m.visitInsn(Opcodes.LADD);
        m.visitInsn(Opcodes.DUP2);
        m.visitFieldInsn(Opcodes.PUTSTATIC, owner, SPENT, "J");
        m.visitVarInsn(Opcodes.LSTORE, 0);
        m.visitFieldInsn(Opcodes.GETSTATIC, owner, ARMED, "Z");
        m.visitJumpInsn(Opcodes.IFEQ, done);
        m.visitVarInsn(Opcodes.LLOAD, 0);
        m.visitFieldInsn(Opcodes.GETSTATIC, owner, LIMIT, "J");
        m.visitInsn(Opcodes.LCMP);
        m.visitJumpInsn(Opcodes.IFGT, fire);
        m.visitVarInsn(Opcodes.LLOAD, 0);
        m.visitLdcInsn(CLOCK_MASK);
        m.visitInsn(Opcodes.LAND);
        m.visitInsn(Opcodes.LCONST_0);
        m.visitInsn(Opcodes.LCMP);
        m.visitJumpInsn(Opcodes.IFNE, done);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "nanoTime", "()J", false);
        m.visitFieldInsn(Opcodes.GETSTATIC, owner, DEADLINE, "J");
        m.visitInsn(Opcodes.LCMP);
        m.visitJumpInsn(Opcodes.IFLE, done);
        m.visitLabel(fire);
        if (frames) {
            m.visitFrame(Opcodes.F_FULL, 1, new Object[] {Opcodes.LONG}, 0, new Object[0]);
        }
        m.visitFieldInsn(Opcodes.GETSTATIC, owner, OUT, Type.getDescriptor(Throwable.class));
        m.visitInsn(Opcodes.ATHROW);
        m.visitLabel(done);
        if (frames) {
            m.visitFrame(Opcodes.F_FULL, 1, new Object[] {Opcodes.LONG}, 0, new Object[0]);
        }
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(4, 2);
        m.visitEnd();
        return m;
    }
}
