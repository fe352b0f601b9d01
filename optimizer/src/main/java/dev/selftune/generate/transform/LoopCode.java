package dev.selftune.generate.transform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import dev.selftune.generate.CountedLoop;

/** Code-building pieces shared by the loop rewrites: body copies, the main-loop limit, constants. */
final class LoopCode {
    private LoopCode() { }

    /*
     * Code growth has two cliffs in HotSpot: a method over 8000 bytecode bytes is not compiled at all
     * (-XX:+DontCompileHugeMethods), and one over FreqInlineSize (325 bytes) is no longer inlined into
     * a hot caller. The first is refused by the policy's maxCopiedInsns (copied body instructions,
     * body size times copies, above which a rewrite declines); the second is a trade-off JMH measures.
     */

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

    /*
     * Puts out where the instructions first..lastInclusive were and removes those; the labels among
     * them move to just before exit, so that jumps and handler or debug ranges that named them stay valid.
     */
    static void replace(InsnList insns, AbstractInsnNode first, AbstractInsnNode lastInclusive, InsnList out, LabelNode exit) {
        List<LabelNode> keptLabels = new ArrayList<>();
        AbstractInsnNode n = first;
        insns.insertBefore(n, out);
        while (true) {
            AbstractInsnNode next = n.getNext();
            if (n instanceof LabelNode label) {
                keptLabels.add(label);
            }
            insns.remove(n);
            if (n == lastInclusive) {
                break;
            }
            n = next;
        }
        for (LabelNode label : keptLabels) {
            insns.insertBefore(exit, label);
        }
    }

    static int bodySize(CountedLoop loop) {
        int size = 0;
        for (AbstractInsnNode n = loop.bodyFirst(); n != loop.increment(); n = n.getNext()) {
            size += n.getOpcode() >= 0 ? 1 : 0;
        }
        return size;
    }

    /*
     * The main loop runs while the next ahead+1 original tests would all pass: iv + ahead*step REL
     * bound, with neither iv nor the bound written in the body and the step moving iv towards the
     * bound. Rather than test that in long arithmetic on every trip (C2 would then not see a counted
     * loop: no range-check elimination, no superword), the limit L = bound - ahead*step is computed
     * once, in long arithmetic, and clamped into int range so that a bound near Integer.MIN/MAX_VALUE
     * cannot wrap: "<" tests iv < max(L, MIN), "<=" tests iv < max(L + 1, MIN) (L + 1 <= MAX since
     * ahead*step >= 1), and symmetrically for ">" and ">=". A clamped limit fails for every int iv,
     * which is the truth. The bound is evaluated where the original evaluates it first (a null array
     * throws the same NullPointerException at the same point), and the main test is
     *   top: iload iv; iload limit; if_icmpge|if_icmple otherwise
     * an int-compared loop like javac's own.
     */
    static InsnList mainLoopEntry(MethodNode method, CountedLoop loop, int ahead, LabelNode top, LabelNode otherwise) {
        int limit = method.maxLocals++;
        boolean upward = loop.step() > 0;
        long adjust = switch (loop.relation()) {
            case Opcodes.IF_ICMPLE -> 1;
            case Opcodes.IF_ICMPGE -> -1;
            default -> 0;
        };
        InsnList g = new InsnList();
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
        g.add(new LdcInsnNode(adjust - (long) ahead * loop.step()));
        g.add(new InsnNode(Opcodes.LADD));
        g.add(new LdcInsnNode(upward ? (long) Integer.MIN_VALUE : (long) Integer.MAX_VALUE));
        g.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Math", upward ? "max" : "min", "(JJ)J", false));
        g.add(new InsnNode(Opcodes.L2I));
        g.add(new VarInsnNode(Opcodes.ISTORE, limit));
        g.add(top);
        g.add(new VarInsnNode(Opcodes.ILOAD, loop.inductionVar()));
        g.add(new VarInsnNode(Opcodes.ILOAD, limit));
        g.add(new JumpInsnNode(upward ? Opcodes.IF_ICMPGE : Opcodes.IF_ICMPLE, otherwise));
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
