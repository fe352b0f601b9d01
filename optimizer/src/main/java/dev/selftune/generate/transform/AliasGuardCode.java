package dev.selftune.generate.transform;

import dev.selftune.generate.LoopNestLoop;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Writes an alias guard ({@link AliasGuard}) as bytecode into an empty guard method: true only when
 * the reordered nest cannot throw and reads no element another name writes. O(rows) work.
 */
final class AliasGuardCode {
    private static final String MAP = "java/util/IdentityHashMap";

    private AliasGuardCode() { }

    /*
     * try {
     *   <the method's prefix, replayed: it only computes locals>
     *   for each loop around and in the nest: lo = init; hi = bound; if (lo >= hi || lo < 0) return false;
     *   IdentityHashMap w = new IdentityHashMap();
     *   for each written access p[x] / p[x][y]:   p.length >= hi(x); each row p[r] (r in x's range)
     *       non-null with length >= hi(y); w.put(array, array) == null (no written array twice)
     *   for each read access:                     the same bounds; !w.containsKey(array)
     *   return true;
     * } catch (RuntimeException e) { return false; }   // a null or a short array: the original decides
     */
    static void write(AliasGuard g, MethodNode original, MethodNode guard) {
        InsnList out = guard.instructions;
        int next = Math.max(original.maxLocals, slotsOf(guard));
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode no = new LabelNode();
        LabelNode handler = new LabelNode();
        out.add(start);
        Map<LabelNode, LabelNode> labels = new HashMap<>();
        for (AbstractInsnNode n : g.prefix) {
            out.add(n.clone(labels));
        }
        Map<LoopNestLoop, int[]> range = new HashMap<>();
        for (LoopNestLoop l : g.chain) {
            int lo = next++;
            int hi = next++;
            range.put(l, new int[] {lo, hi});
            out.add(l.init().clone(labels));
            out.add(new VarInsnNode(Opcodes.ISTORE, lo));
            for (AbstractInsnNode b : l.bound()) {
                out.add(b.clone(labels));
            }
            out.add(new VarInsnNode(Opcodes.ISTORE, hi));
            out.add(new VarInsnNode(Opcodes.ILOAD, lo));
            out.add(new VarInsnNode(Opcodes.ILOAD, hi));
            out.add(new JumpInsnNode(Opcodes.IF_ICMPGE, no));
            out.add(new VarInsnNode(Opcodes.ILOAD, lo));
            out.add(new JumpInsnNode(Opcodes.IFLT, no));
        }
        int w = next++;
        out.add(new TypeInsnNode(Opcodes.NEW, MAP));
        out.add(new InsnNode(Opcodes.DUP));
        out.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, MAP, "<init>", "()V", false));
        out.add(new VarInsnNode(Opcodes.ASTORE, w));
        for (boolean written : new boolean[] {true, false}) {
            for (AliasGuard.Access a : g.accesses) {
                if (a.written() == written) {
                    next = access(out, a, range, w, next, no);
                }
            }
        }
        out.add(new InsnNode(Opcodes.ICONST_1));
        out.add(new InsnNode(Opcodes.IRETURN));
        out.add(end);
        out.add(no);
        out.add(new InsnNode(Opcodes.ICONST_0));
        out.add(new InsnNode(Opcodes.IRETURN));
        out.add(handler);
        out.add(new InsnNode(Opcodes.POP));
        out.add(new InsnNode(Opcodes.ICONST_0));
        out.add(new InsnNode(Opcodes.IRETURN));
        guard.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, "java/lang/RuntimeException"));
        guard.maxLocals = next;
        guard.maxStack = 8;
    }

    private static int access(InsnList out, AliasGuard.Access a, Map<LoopNestLoop, int[]> range, int w, int next,
                              LabelNode no) {
        List<AliasGuard.Index> ix = a.indices();
        out.add(new VarInsnNode(Opcodes.ALOAD, a.root()));
        out.add(new InsnNode(Opcodes.ARRAYLENGTH));
        pushHi(out, ix.get(0), range);
        out.add(new JumpInsnNode(Opcodes.IF_ICMPLT, no));
        if (ix.size() == 1) {
            out.add(new VarInsnNode(Opcodes.ALOAD, a.root()));
            compare(out, a.written(), w, no);
            return next;
        }
        int r = next++;
        int row = next++;
        LabelNode loop = new LabelNode();
        LabelNode done = new LabelNode();
        pushLo(out, ix.get(0), range);
        out.add(new VarInsnNode(Opcodes.ISTORE, r));
        out.add(loop);
        out.add(new VarInsnNode(Opcodes.ILOAD, r));
        pushHi(out, ix.get(0), range);
        out.add(new JumpInsnNode(Opcodes.IF_ICMPGE, done));
        out.add(new VarInsnNode(Opcodes.ALOAD, a.root()));
        out.add(new VarInsnNode(Opcodes.ILOAD, r));
        out.add(new InsnNode(Opcodes.AALOAD));
        out.add(new VarInsnNode(Opcodes.ASTORE, row));
        out.add(new VarInsnNode(Opcodes.ALOAD, row));
        out.add(new InsnNode(Opcodes.ARRAYLENGTH));
        pushHi(out, ix.get(1), range);
        out.add(new JumpInsnNode(Opcodes.IF_ICMPLT, no));
        out.add(new VarInsnNode(Opcodes.ALOAD, row));
        compare(out, a.written(), w, no);
        out.add(new IincInsnNode(r, 1));
        out.add(new JumpInsnNode(Opcodes.GOTO, loop));
        out.add(done);
        return next;
    }

    /* Expects the array on the stack. Written: w.put(x, x) must return null. Read: w must not hold x. */
    private static void compare(InsnList out, boolean written, int w, LabelNode no) {
        out.add(new VarInsnNode(Opcodes.ALOAD, w));
        out.add(new InsnNode(Opcodes.SWAP));
        if (written) {
            out.add(new InsnNode(Opcodes.DUP));
            out.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, MAP, "put",
                    "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", false));
            out.add(new JumpInsnNode(Opcodes.IFNONNULL, no));
        } else {
            out.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, MAP, "containsKey", "(Ljava/lang/Object;)Z", false));
            out.add(new JumpInsnNode(Opcodes.IFNE, no));
        }
    }

    private static void pushHi(InsnList out, AliasGuard.Index i, Map<LoopNestLoop, int[]> range) {
        if (i.loop() == null) {
            out.add(new LdcInsnNode(i.constant() + 1));
        } else {
            out.add(new VarInsnNode(Opcodes.ILOAD, range.get(i.loop())[1]));
        }
    }

    private static void pushLo(InsnList out, AliasGuard.Index i, Map<LoopNestLoop, int[]> range) {
        if (i.loop() == null) {
            out.add(new LdcInsnNode(i.constant()));
        } else {
            out.add(new VarInsnNode(Opcodes.ILOAD, range.get(i.loop())[0]));
        }
    }

    private static int slotsOf(MethodNode m) {
        int slots = (m.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        for (org.objectweb.asm.Type t : org.objectweb.asm.Type.getArgumentTypes(m.desc)) {
            slots += t.getSize();
        }
        return slots;
    }
}
