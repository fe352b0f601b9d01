package dev.selftune.generate.transform;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import dev.selftune.generate.CountedLoop;

/** Code-building pieces shared by the loop rewrites: body copies, long-arithmetic guards, constants. */
final class LoopCode {
    private LoopCode() { }

    /** Body instructions (without the increment) above which a rewrite declines: HotSpot will not JIT huge methods. */
    static final int MAX_COPIED_INSNS = 2400;

    /*
     * A copy gets fresh labels for every label defined inside it, so its own "continue" lands on its
     * own increment; labels outside (the loop exit, outer loops, handlers) map to themselves, so
     * "break" still leaves the loop. Frames are dropped: ClassBytes.write recomputes them all.
     */
    static InsnList copy(AbstractInsnNode first, AbstractInsnNode lastInclusive, Map<AbstractInsnNode, AbstractInsnNode> twins) {
        Map<LabelNode, LabelNode> labels = new HashMap<>() {
            @Override
            public LabelNode get(Object key) {
                LabelNode v = super.get(key);
                return v != null ? v : (LabelNode) key;
            }
        };
        for (AbstractInsnNode n = first; n != lastInclusive.getNext(); n = n.getNext()) {
            if (n instanceof LabelNode l) {
                labels.put(l, new LabelNode());
            }
        }
        InsnList out = new InsnList();
        for (AbstractInsnNode n = first; n != lastInclusive.getNext(); n = n.getNext()) {
            if (n instanceof FrameNode) {
                continue;
            }
            AbstractInsnNode c = n.clone(labels);
            twins.put(n, c);
            out.add(c);
        }
        return out;
    }

    static int bodySize(CountedLoop loop) {
        int size = 0;
        for (AbstractInsnNode n = loop.bodyFirst(); n != loop.increment(); n = n.getNext()) {
            size += n.getOpcode() >= 0 ? 1 : 0;
        }
        return size;
    }

    /*
     * "Continue while iv + ahead*step REL bound", evaluated in long arithmetic so that a bound near
     * Integer.MAX_VALUE cannot wrap the look-ahead around. When it holds, the original test would
     * have held for each of the next ahead+1 iterations (the step moves monotonically towards the
     * bound and neither iv nor the bound is written in the body), so those tests may be skipped.
     */
    static InsnList guard(CountedLoop loop, int ahead, LabelNode otherwise) {
        InsnList g = new InsnList();
        g.add(new VarInsnNode(Opcodes.ILOAD, loop.inductionVar()));
        g.add(new InsnNode(Opcodes.I2L));
        g.add(new LdcInsnNode((long) ahead * loop.step()));
        g.add(new InsnNode(Opcodes.LADD));
        if (loop.bound().isEmpty()) {
            g.add(new InsnNode(Opcodes.ICONST_0));
        } else {
            Map<LabelNode, LabelNode> same = new HashMap<>() {
                @Override
                public LabelNode get(Object key) {
                    return (LabelNode) key;
                }
            };
            for (AbstractInsnNode b : loop.bound()) {
                g.add(b.clone(same));
            }
        }
        g.add(new InsnNode(Opcodes.I2L));
        g.add(new InsnNode(Opcodes.LCMP));
        int exitIf = switch (loop.relation()) {
            case Opcodes.IF_ICMPLT -> Opcodes.IFGE;
            case Opcodes.IF_ICMPLE -> Opcodes.IFGT;
            case Opcodes.IF_ICMPGT -> Opcodes.IFLE;
            default -> Opcodes.IFLT;
        };
        g.add(new JumpInsnNode(exitIf, otherwise));
        return g;
    }

    static AbstractInsnNode pushInt(int v) {
        if (v >= -1 && v <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + v);
        }
        if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            return new IntInsnNode(Opcodes.BIPUSH, v);
        }
        if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            return new IntInsnNode(Opcodes.SIPUSH, v);
        }
        return new LdcInsnNode(v);
    }

    /** Pushes {@code v} as the given primitive sort ('I', 'J', 'F', 'D'). */
    static AbstractInsnNode push(char sort, long bits) {
        return switch (sort) {
            case 'I' -> pushInt((int) bits);
            case 'J' -> new LdcInsnNode(bits);
            case 'F' -> new LdcInsnNode(Float.intBitsToFloat((int) bits));
            default -> new LdcInsnNode(Double.longBitsToDouble(bits));
        };
    }
}
