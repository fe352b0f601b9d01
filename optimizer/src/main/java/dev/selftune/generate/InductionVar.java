package dev.selftune.generate;

import java.util.List;
import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * A local that a loop changes exactly once per iteration by a loop-invariant amount: {@code i++},
 * {@code indexA++} inside an expression, {@code indexB += B.numCols}. {@code step} is the constant
 * step, or null when the step is the invariant expression {@code stepInsns} (a local the loop does
 * not write, or a field of an object in such a local when the loop writes no memory).
 * {@code update} is the instruction that stores the new value ({@code IINC}, {@code ISTORE} or {@code LSTORE}).
 */
public record InductionVar(int slot, boolean isLong, Long step, List<AbstractInsnNode> stepInsns, AbstractInsnNode update) {
    public InductionVar {
        stepInsns = List.copyOf(stepInsns);
        if (step == null && stepInsns.isEmpty()) {
            throw new IllegalArgumentException("induction variable in local " + slot + " needs a constant step or step instructions");
        }
    }

    /** True when the step is the constant +1. */
    public boolean isUnitStep() {
        return step != null && step == 1;
    }
}
