package dev.selftune.generate.transform;

import dev.selftune.generate.CountedLoop;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/** Writes the privatised form of a {@link ScatterUpdate} loop (see {@link PrivatiseScatter} for why it is exact). */
final class PrivatiseScatterCode {
    private PrivatiseScatterCode() { }

    /*
     * Inserted after the loop head, so every way into the loop reaches it first:
     *   head: if (t == null || t.length > MAX_TABLE || t == g1 || ...) goto orig;
     *         P1 = new int[t.length]; ... P(k-1) = new int[t.length];
     *   try { limit = clamp(bound - (k-1)*step)                 [LoopCode.mainLoopEntry]
     *   top:  if !(i < limit) goto rem; body[t]; iinc; body[P1]; iinc; ... body[P(k-1)]; iinc; goto top
     *   rem:  if !(i REL bound) goto merge; body[t]; iinc; goto rem
     *   } catch (Throwable e) { t += P1 + ... + P(k-1); throw e; }
     *   merge: t += P1 + ... + P(k-1); goto exit
     *   orig: the original loop, its back edge now to orig.
     */
    static void write(MethodNode method, ScatterUpdate u, int k) {
        CountedLoop loop = u.loop();
        int t = u.table();
        int[] p = new int[k];
        for (int r = 1; r < k; r++) {
            p[r] = method.maxLocals++;
        }
        LabelNode orig = new LabelNode();
        LabelNode tryStart = new LabelNode();
        LabelNode tryEnd = new LabelNode();
        LabelNode merge = new LabelNode();
        LabelNode handler = new LabelNode();
        LabelNode top = new LabelNode();
        LabelNode rem = new LabelNode();
        InsnList out = new InsnList();
        out.add(new VarInsnNode(Opcodes.ALOAD, t));
        out.add(new JumpInsnNode(Opcodes.IFNULL, orig));
        out.add(new VarInsnNode(Opcodes.ALOAD, t));
        out.add(new InsnNode(Opcodes.ARRAYLENGTH));
        out.add(LoopCode.pushInt(PrivatiseScatter.MAX_TABLE));
        out.add(new JumpInsnNode(Opcodes.IF_ICMPGT, orig));
        for (int g : u.guardLocals()) {
            out.add(new VarInsnNode(Opcodes.ALOAD, t));
            out.add(new VarInsnNode(Opcodes.ALOAD, g));
            out.add(new JumpInsnNode(Opcodes.IF_ACMPEQ, orig));
        }
        for (int r = 1; r < k; r++) {
            out.add(new VarInsnNode(Opcodes.ALOAD, t));
            out.add(new InsnNode(Opcodes.ARRAYLENGTH));
            out.add(new IntInsnNode(Opcodes.NEWARRAY, u.newarrayType()));
            out.add(new VarInsnNode(Opcodes.ASTORE, p[r]));
        }
        out.add(tryStart);
        out.add(LoopCode.mainLoopEntry(method, loop, k - 1, top, rem));
        for (int r = 0; r < k; r++) {
            out.add(body(loop, t, r == 0 ? t : p[r]));
        }
        out.add(new JumpInsnNode(Opcodes.GOTO, top));
        out.add(rem);
        out.add(new VarInsnNode(Opcodes.ILOAD, loop.inductionVar()));
        for (AbstractInsnNode b : loop.bound()) {
            out.add(b.clone(new HashMap<>()));
        }
        out.add(new JumpInsnNode(loop.test().getOpcode(), merge));
        out.add(body(loop, t, t));
        out.add(new JumpInsnNode(Opcodes.GOTO, rem));
        out.add(tryEnd);
        out.add(merge);
        merge(out, method, u, p);
        out.add(new JumpInsnNode(Opcodes.GOTO, loop.exit()));
        out.add(handler);
        int ex = method.maxLocals++;
        out.add(new VarInsnNode(Opcodes.ASTORE, ex));
        merge(out, method, u, p);
        out.add(new VarInsnNode(Opcodes.ALOAD, ex));
        out.add(new InsnNode(Opcodes.ATHROW));
        out.add(orig);
        method.instructions.insert(loop.head(), out);
        loop.backEdge().label = orig;
        List<TryCatchBlockNode> handlers = new ArrayList<>(method.tryCatchBlocks);
        handlers.add(0, new TryCatchBlockNode(tryStart, tryEnd, handler, null));
        method.tryCatchBlocks = handlers;
        method.maxStack = Math.max(method.maxStack, 8);
    }

    /* The body and its increment, with every load of the table's local redirected to {@code target}. */
    private static InsnList body(CountedLoop loop, int table, int target) {
        InsnList copy = LoopCode.copy(loop.bodyFirst(), loop.increment(), new HashMap<>());
        for (AbstractInsnNode n : copy) {
            if (n instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD && v.var == table) {
                v.var = target;
            }
        }
        return copy;
    }

    /* for (x = 0; x < t.length; x++) t[x] += P1[x] + ... (added one by one, which wrapping addition makes exact). */
    private static void merge(InsnList out, MethodNode method, ScatterUpdate u, int[] p) {
        int x = method.maxLocals++;
        int load = u.load();
        int add = u.add();
        LabelNode head = new LabelNode();
        LabelNode done = new LabelNode();
        out.add(new InsnNode(Opcodes.ICONST_0));
        out.add(new VarInsnNode(Opcodes.ISTORE, x));
        out.add(head);
        out.add(new VarInsnNode(Opcodes.ILOAD, x));
        out.add(new VarInsnNode(Opcodes.ALOAD, u.table()));
        out.add(new InsnNode(Opcodes.ARRAYLENGTH));
        out.add(new JumpInsnNode(Opcodes.IF_ICMPGE, done));
        out.add(new VarInsnNode(Opcodes.ALOAD, u.table()));
        out.add(new VarInsnNode(Opcodes.ILOAD, x));
        out.add(new InsnNode(Opcodes.DUP2));
        out.add(new InsnNode(load));
        for (int r = 1; r < p.length; r++) {
            out.add(new VarInsnNode(Opcodes.ALOAD, p[r]));
            out.add(new VarInsnNode(Opcodes.ILOAD, x));
            out.add(new InsnNode(load));
            out.add(new InsnNode(add));
        }
        if (u.narrow() >= 0) {
            out.add(new InsnNode(u.narrow()));
        }
        out.add(new InsnNode(u.store()));
        out.add(new IincInsnNode(x, 1));
        out.add(new JumpInsnNode(Opcodes.GOTO, head));
        out.add(done);
    }
}
