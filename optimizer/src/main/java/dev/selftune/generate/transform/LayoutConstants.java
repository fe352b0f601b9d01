package dev.selftune.generate.transform;

import dev.selftune.generate.CountedLoops;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Finds the integer constants of a method that are tied to the data layout rather than free to
 * tune: the step of a loop whose body reads every offset below it explicitly (a hand-unrolled or
 * slicing-by-k loop), and the constants one either side of that step (its guard, {@code len > 7}).
 */
final class LayoutConstants {
    private LayoutConstants() { }

    /*
     * Why: on a slicing-by-8 CRC (a published library's), 21 of 24 variant slots went to rewrites of
     * 8 and 7 ("while (len > 7) { ... buf[off + 7] ...; off += 8; len -= 8; }") and all were rightly
     * rejected by verification: the 8 is how many bytes the body consumes, the 7 is "at least 8
     * left". A block size is different: "ii += 64" with "min(ii + 64, n)" reads no explicit offsets
     * 1..63, so it stays a knob, and so does a cut-off between two exact paths ("n < 47"). The rule
     * is structural: a step s is layout when the method adds every constant 1..s-1 to some variable
     * (the body's explicit offsets); then s - 1, s and s + 1 are not proposed.
     */

    /** Constant -> why it is not a knob. */
    static Map<Integer, String> of(MethodNode method) {
        Set<Integer> steps = new TreeSet<>();
        Set<Integer> offsets = new TreeSet<>();
        for (AbstractInsnNode n = method.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof IincInsnNode i && Math.abs(i.incr) >= 2) {
                steps.add(Math.abs(i.incr));
            }
            Integer c = CountedLoops.intConstant(n);
            AbstractInsnNode op = next(n);
            if (c == null || op == null) {
                continue;
            }
            AbstractInsnNode prev = prev(n);
            AbstractInsnNode store = next(op);
            boolean fromLocal = prev instanceof VarInsnNode v && v.getOpcode() == Opcodes.ILOAD;
            if (fromLocal && (op.getOpcode() == Opcodes.IADD || op.getOpcode() == Opcodes.ISUB)
                    && store instanceof VarInsnNode st && st.getOpcode() == Opcodes.ISTORE
                    && st.var == ((VarInsnNode) prev).var && Math.abs(c) >= 2) {
                steps.add(Math.abs(c));                       // x = x + c, x = x - c: a step written out
            } else if (fromLocal && op.getOpcode() == Opcodes.IADD && c >= 1) {
                offsets.add(c);                               // x + c used as a value: an offset from x
            }
        }
        Map<Integer, String> tied = new LinkedHashMap<>();
        for (int s : steps) {
            boolean everyOffset = true;
            for (int k = 1; k < s && everyOffset; k++) {
                everyOffset = offsets.contains(k);
            }
            if (!everyOffset) {
                continue;
            }
            String why = "tied to the data layout: a loop steps by " + s + " and its body reads every offset 1.." + (s - 1)
                    + " explicitly, so " + s + " is how much one pass consumes";
            tied.putIfAbsent(s, why);
            tied.putIfAbsent(s - 1, why + " and " + (s - 1) + " guards that a whole pass is left");
            tied.putIfAbsent(s + 1, why + " and " + (s + 1) + " guards that a whole pass is left");
        }
        return tied;
    }

    private static AbstractInsnNode next(AbstractInsnNode n) {
        AbstractInsnNode x = n.getNext();
        while (x != null && x.getOpcode() < 0) {
            x = x.getNext();
        }
        return x;
    }

    private static AbstractInsnNode prev(AbstractInsnNode n) {
        AbstractInsnNode x = n.getPrevious();
        while (x != null && x.getOpcode() < 0) {
            x = x.getPrevious();
        }
        return x;
    }
}
