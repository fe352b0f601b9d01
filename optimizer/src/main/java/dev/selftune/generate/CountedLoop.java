package dev.selftune.generate;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;

/**
 * A top-tested counted loop {@code head: iload iv; <bound>; if<!rel> exit; body; iinc iv step; goto head; exit:}
 * that runs while {@code iv rel bound}. {@code bound} lists the pure instructions that push the bound
 * (empty when the test compares against zero with a one-operand {@code if}).
 */
public record CountedLoop(
        int index,
        LabelNode head,
        int inductionVar,
        int step,
        int relation,
        List<AbstractInsnNode> bound,
        JumpInsnNode test,
        IincInsnNode increment,
        JumpInsnNode backEdge,
        LabelNode exit,
        boolean hasCalls,
        boolean hasJumpsOut,
        boolean hasReturns,
        boolean coveredByTry) {

    public CountedLoop {
        bound = List.copyOf(bound);
        if (relation != Opcodes.IF_ICMPLT && relation != Opcodes.IF_ICMPLE
                && relation != Opcodes.IF_ICMPGT && relation != Opcodes.IF_ICMPGE) {
            throw new IllegalArgumentException("loop relation must be one of IF_ICMPLT/LE/GT/GE, got opcode " + relation);
        }
        if (step == 0) {
            throw new IllegalArgumentException("loop step must be non-zero");
        }
    }

    /** The first body instruction (after the test) and the increment that ends the body. */
    public AbstractInsnNode bodyFirst() {
        return test.getNext();
    }

    /** True when the body is straight-line code: no jumps, switches, returns or throws. */
    public boolean isStraightLine() {
        for (AbstractInsnNode n = bodyFirst(); n != increment; n = n.getNext()) {
            int t = n.getType();
            int op = n.getOpcode();
            if (t == AbstractInsnNode.JUMP_INSN || t == AbstractInsnNode.TABLESWITCH_INSN
                    || t == AbstractInsnNode.LOOKUPSWITCH_INSN || op == Opcodes.ATHROW
                    || (op >= Opcodes.IRETURN && op <= Opcodes.RETURN)) {
                return false;
            }
        }
        return true;
    }
}
