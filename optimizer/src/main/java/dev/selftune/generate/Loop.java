package dev.selftune.generate;

import java.util.List;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A top-tested loop, {@code head: <load iv>; <bound>; if<!rel> exit; body; goto head; exit:}, as
 * javac compiles both {@code for} and {@code while}: the loop model new code uses (see
 * {@code docs/loops.md}). {@code iv} is the induction variable the test reads; {@code derived} are the
 * other locals the body steps by an invariant amount once per iteration. {@code relation} is the
 * continuation test as an {@code IF_ICMPxx} opcode (for a {@code long} iv, the relation on the
 * {@code lcmp} result); an empty {@code bound} means the test compares with zero. {@code boundInvariant} says whether the bound is pure (no call but {@code String.length()}) and the loop
 * provably leaves it alone. {@code exceptionEdges}: a try range or handler lies (partly) inside the
 * body, so control may leave or move within it along edges the instructions do not show.
 * {@code bottomTested}: {@code head: body; <load iv>; <bound>; if<rel> head} (do-while, Kotlin's
 * for-in-until); then {@code test == backEdge} and {@code exit} is the label after it, or null.
 */
public record Loop(
        LabelNode head,
        InductionVar iv,
        List<AbstractInsnNode> bound,
        int relation,
        JumpInsnNode test,
        JumpInsnNode backEdge,
        LabelNode exit,
        List<InductionVar> derived,
        boolean boundInvariant,
        boolean straightLine,
        boolean writesMemory,
        boolean hasCalls,
        boolean exceptionEdges,
        boolean bottomTested) {

    public Loop {
        bound = List.copyOf(bound);
        derived = List.copyOf(derived);
    }

    /** The first body instruction: right after the test, or after the head when bottom-tested (possibly a label). */
    public AbstractInsnNode bodyFirst() {
        return bottomTested ? head.getNext() : test.getNext();
    }

    /** True when {@code n} lies between the head and the back edge (both included). */
    public boolean contains(MethodNode method, AbstractInsnNode n) {
        int at = method.instructions.indexOf(n);
        return at >= method.instructions.indexOf(head) && at <= method.instructions.indexOf(backEdge);
    }

    /** True when {@code other} lies wholly inside this loop's body. */
    public boolean encloses(MethodNode method, Loop other) {
        return other != this && contains(method, other.head) && contains(method, other.backEdge);
    }

    /** The induction variable in {@code slot} (the tested one or a derived one), or null. */
    public InductionVar inductionVar(int slot) {
        if (iv.slot() == slot) {
            return iv;
        }
        return derived.stream().filter(d -> d.slot() == slot).findFirst().orElse(null);
    }
}
