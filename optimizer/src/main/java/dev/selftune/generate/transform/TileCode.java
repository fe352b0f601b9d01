package dev.selftune.generate.transform;

import dev.selftune.generate.LoopNest;
import dev.selftune.generate.LoopNestLoop;
import java.util.ArrayList;
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
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/** Writes the tiled form of a 2-D nest that {@link Tile} found legal. */
final class TileCode {
    private TileCode() { }

    /*
     * Before: initI; istore i; L: iload i; BI; if_icmpge X; initJ; istore j; M: iload j; BJ;
     *         if_icmpge Y; BODY; iinc j 1; goto M; Y: iinc i 1; goto L; X:
     * After:  initI; istore ii; BI; istore hiI;
     *   T1:   if (ii >= hiI) goto X;  iiEnd = hiI - ii >u B ? ii + B : hiI;
     *         initJ; istore jj; BJ; istore hiJ;
     *   T2:   if (jj >= hiJ) goto Y2; jjEnd = hiJ - jj >u B ? jj + B : hiJ;
     *         i = ii;
     *   T3:   if (i >= iiEnd) goto Y3; j = jj;
     *   T4:   if (j >= jjEnd) goto Y4; BODY; iinc j 1; goto T4;
     *   Y4:   iinc i 1; goto T3;
     *   Y3:   jj = jjEnd; goto T2;
     *   Y2:   ii = iiEnd; goto T1;
     *   X:
     * Bounds are evaluated where the original first evaluates them (BI before anything, BJ only
     * once the i range is known not to be empty), so a bound that throws throws at the same point;
     * LoopNest's rectangular rule makes them invariant, so one evaluation per tile row is the same
     * value. No arithmetic can wrap: hi - ii is the true distance when read unsigned (ii < hi), ii + B
     * is formed only when it is below hi, and the tile loops step to iiEnd <= hi rather than ii + B.
     * The inner loops are javac-shaped counted loops, so C2 still eliminates their range checks.
     */
    static void rewrite(MethodNode method, LoopNest nest, int block) {
        LoopNestLoop iLoop = nest.outer();
        LoopNestLoop jLoop = nest.inner();
        InsnList insns = method.instructions;
        InsnList body = new InsnList();
        AbstractInsnNode n = jLoop.bodyStart();
        while (n != jLoop.step()) {
            AbstractInsnNode next = n.getNext();
            insns.remove(n);
            body.add(n);
            n = next;
        }
        int ii = method.maxLocals++;
        int hiI = method.maxLocals++;
        int iiEnd = method.maxLocals++;
        int jj = method.maxLocals++;
        int hiJ = method.maxLocals++;
        int jjEnd = method.maxLocals++;
        Map<LabelNode, LabelNode> none = new HashMap<>();
        LabelNode exit = iLoop.exit();
        LabelNode t1 = new LabelNode();
        LabelNode t2 = new LabelNode();
        LabelNode t3 = new LabelNode();
        LabelNode t4 = new LabelNode();
        LabelNode y2 = new LabelNode();
        LabelNode y3 = new LabelNode();
        LabelNode y4 = new LabelNode();
        InsnList out = new InsnList();
        tileHeader(out, iLoop, ii, hiI, iiEnd, block, t1, exit, none);
        tileHeader(out, jLoop, jj, hiJ, jjEnd, block, t2, y2, none);
        out.add(new VarInsnNode(Opcodes.ILOAD, ii));
        out.add(new VarInsnNode(Opcodes.ISTORE, iLoop.iv()));
        out.add(t3);
        test(out, iLoop.iv(), iiEnd, y3);
        out.add(new VarInsnNode(Opcodes.ILOAD, jj));
        out.add(new VarInsnNode(Opcodes.ISTORE, jLoop.iv()));
        out.add(t4);
        test(out, jLoop.iv(), jjEnd, y4);
        out.add(body);
        out.add(new IincInsnNode(jLoop.iv(), 1));
        out.add(new JumpInsnNode(Opcodes.GOTO, t4));
        out.add(y4);
        out.add(new IincInsnNode(iLoop.iv(), 1));
        out.add(new JumpInsnNode(Opcodes.GOTO, t3));
        out.add(y3);
        out.add(new VarInsnNode(Opcodes.ILOAD, jjEnd));
        out.add(new VarInsnNode(Opcodes.ISTORE, jj));
        out.add(new JumpInsnNode(Opcodes.GOTO, t2));
        out.add(y2);
        out.add(new VarInsnNode(Opcodes.ILOAD, iiEnd));
        out.add(new VarInsnNode(Opcodes.ISTORE, ii));
        out.add(new JumpInsnNode(Opcodes.GOTO, t1));

        LoopCode.replace(insns, iLoop.init(), iLoop.back(), out, exit);
        method.maxStack = Math.max(method.maxStack, 4);
        Interchange.cleanUp(method, iLoop.iv(), jLoop.iv());
    }

    /* start = init; hi = bound; top: if (start >= hi) goto done; end = hi - start >u B ? start + B : hi */
    private static void tileHeader(InsnList out, LoopNestLoop loop, int start, int hi, int end, int block, LabelNode top,
                                   LabelNode done, Map<LabelNode, LabelNode> none) {
        out.add(loop.init().clone(none));
        out.add(new VarInsnNode(Opcodes.ISTORE, start));
        for (AbstractInsnNode b : loop.bound()) {
            out.add(b.clone(none));
        }
        out.add(new VarInsnNode(Opcodes.ISTORE, hi));
        out.add(top);
        test(out, start, hi, done);
        LabelNode whole = new LabelNode();
        LabelNode set = new LabelNode();
        out.add(new VarInsnNode(Opcodes.ILOAD, hi));
        out.add(new VarInsnNode(Opcodes.ILOAD, start));
        out.add(new InsnNode(Opcodes.ISUB));
        out.add(new LdcInsnNode(Integer.MIN_VALUE));
        out.add(new InsnNode(Opcodes.IXOR));
        out.add(new LdcInsnNode(block ^ Integer.MIN_VALUE));
        out.add(new JumpInsnNode(Opcodes.IF_ICMPLE, whole));
        out.add(new VarInsnNode(Opcodes.ILOAD, start));
        out.add(LoopCode.pushInt(block));
        out.add(new InsnNode(Opcodes.IADD));
        out.add(new JumpInsnNode(Opcodes.GOTO, set));
        out.add(whole);
        out.add(new VarInsnNode(Opcodes.ILOAD, hi));
        out.add(set);
        out.add(new VarInsnNode(Opcodes.ISTORE, end));
    }

    private static void test(InsnList out, int iv, int limit, LabelNode exit) {
        out.add(new VarInsnNode(Opcodes.ILOAD, iv));
        out.add(new VarInsnNode(Opcodes.ILOAD, limit));
        out.add(new JumpInsnNode(Opcodes.IF_ICMPGE, exit));
    }
}
