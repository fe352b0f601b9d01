package dev.selftune.generate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The straight-line body of an innermost loop lifted into element stores and the loads they read,
 * or the reason it cannot be: anything but pure arithmetic, local loads and array accesses refuses.
 */
public record LoopNestBody(List<LoopNestExpr.Store> stores, List<LoopNestExpr.Element> loads, List<FieldInsnNode> fields) {

    /** Thrown with the refused instruction and the rule it breaks. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /*
     * Symbolic stack execution (the stack holds expression trees, the DUP family copies tree
     * references): what the interchange needs is the set of addresses each array is read and
     * written at, in terms of the locals, so the lifting may forget evaluation order. Field reads
     * are kept (callers check they are plain, not volatile). Local stores, iinc, jumps, calls, field
     * writes, allocation, monitors and athrow are refused; so is
     * AASTORE (it could make two rows alias). Division may throw: that only changes which exception
     * comes first, which the verifier judges downstream.
     */
    public static LoopNestBody lift(AbstractInsnNode from, AbstractInsnNode toExclusive) throws Refused {
        Deque<LoopNestExpr> stack = new ArrayDeque<>();
        LoopNestBody body = run(from, toExclusive, stack);
        if (!stack.isEmpty()) {
            throw new Refused("body leaves values on the stack");
        }
        return body;
    }

    /** Lifts code that leaves exactly one value and stores nothing: that value, or the reason it cannot. */
    public static LoopNestExpr liftValue(AbstractInsnNode from, AbstractInsnNode toExclusive) throws Refused {
        Deque<LoopNestExpr> stack = new ArrayDeque<>();
        LoopNestBody body = run(from, toExclusive, stack);
        if (stack.size() != 1 || !body.stores.isEmpty()) {
            throw new Refused("not a single pure value");
        }
        return stack.pop();
    }

    private static LoopNestBody run(AbstractInsnNode from, AbstractInsnNode toExclusive, Deque<LoopNestExpr> stack)
            throws Refused {
        List<LoopNestExpr.Store> stores = new ArrayList<>();
        List<LoopNestExpr.Element> loads = new ArrayList<>();
        List<FieldInsnNode> fields = new ArrayList<>();
        for (AbstractInsnNode n = from; n != toExclusive; n = n.getNext()) {
            if (n == null) {
                throw new Refused("body runs past the end of the method");
            }
            int op = n.getOpcode();
            if (op < 0) {
                continue;
            }
            if (op >= Opcodes.ILOAD && op <= Opcodes.ALOAD) {
                stack.push(new LoopNestExpr.Local(op, ((VarInsnNode) n).var));
            } else if (op >= Opcodes.ACONST_NULL && op <= Opcodes.DCONST_1 || op == Opcodes.BIPUSH || op == Opcodes.SIPUSH) {
                stack.push(new LoopNestExpr.Const(constant(n)));
            } else if (op == Opcodes.LDC && ((LdcInsnNode) n).cst instanceof Number num) {
                stack.push(new LoopNestExpr.Const(num));
            } else if (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) {
                LoopNestExpr index = pop(stack, n);
                LoopNestExpr.Element e = new LoopNestExpr.Element(op, pop(stack, n), index);
                loads.add(e);
                stack.push(e);
            } else if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE && op != Opcodes.AASTORE) {
                LoopNestExpr value = pop(stack, n);
                LoopNestExpr index = pop(stack, n);
                stores.add(new LoopNestExpr.Store(op, pop(stack, n), index, value));
            } else if (op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC) {
                FieldInsnNode f = (FieldInsnNode) n;
                fields.add(f);
                stack.push(new LoopNestExpr.Field(op, f.owner, f.name, f.desc, op == Opcodes.GETFIELD ? pop(stack, n) : null));
            } else if (op >= Opcodes.POP && op <= Opcodes.SWAP) {
                shuffle(stack, op, n);
            } else if (op >= Opcodes.IADD && op <= Opcodes.DCMPG && op != Opcodes.IINC || op == Opcodes.ARRAYLENGTH) {
                int arity = arity(op);
                LoopNestExpr[] args = new LoopNestExpr[arity];
                for (int i = arity - 1; i >= 0; i--) {
                    args[i] = pop(stack, n);
                }
                stack.push(new LoopNestExpr.Op(op, List.of(args)));
            } else {
                throw new Refused("instruction " + org.objectweb.asm.util.Printer.OPCODES[op]
                        + " in the loop body: only loads, array accesses and arithmetic are allowed");
            }
        }
        return new LoopNestBody(List.copyOf(stores), List.copyOf(loads), List.copyOf(fields));
    }

    private static Object constant(AbstractInsnNode n) {
        int op = n.getOpcode();
        if (n instanceof IntInsnNode i) {
            return i.operand;
        }
        if (op == Opcodes.ACONST_NULL) {
            return "null";
        }
        if (op <= Opcodes.ICONST_5) {
            return op - Opcodes.ICONST_0;
        }
        if (op <= Opcodes.LCONST_1) {
            return (long) (op - Opcodes.LCONST_0);
        }
        if (op <= Opcodes.FCONST_2) {
            return (float) (op - Opcodes.FCONST_0);
        }
        return (double) (op - Opcodes.DCONST_0);
    }

    private static int arity(int op) {
        boolean unary = (op >= Opcodes.INEG && op <= Opcodes.DNEG) || (op >= Opcodes.I2L && op <= Opcodes.I2S)
                || op == Opcodes.ARRAYLENGTH;
        return unary ? 1 : 2;
    }

    private static LoopNestExpr pop(Deque<LoopNestExpr> stack, AbstractInsnNode at) throws Refused {
        if (stack.isEmpty()) {
            throw new Refused("body pops a value it did not push (instruction " + at.getOpcode() + ")");
        }
        return stack.pop();
    }

    /* The DUP/POP/SWAP family in terms of value categories (JVMS 6.5 dup2 forms 1 and 2). */
    private static void shuffle(Deque<LoopNestExpr> s, int op, AbstractInsnNode at) throws Refused {
        switch (op) {
            case Opcodes.POP -> pop(s, at);
            case Opcodes.POP2 -> {
                if (pop(s, at).size() == 1) {
                    pop(s, at);
                }
            }
            case Opcodes.DUP -> s.push(peek(s, at));
            case Opcodes.SWAP -> {
                LoopNestExpr a = pop(s, at);
                LoopNestExpr b = pop(s, at);
                s.push(a);
                s.push(b);
            }
            case Opcodes.DUP_X1 -> {
                LoopNestExpr a = pop(s, at);
                LoopNestExpr b = pop(s, at);
                s.push(a);
                s.push(b);
                s.push(a);
            }
            case Opcodes.DUP2 -> {
                LoopNestExpr a = pop(s, at);
                if (a.size() == 2) {
                    s.push(a);
                    s.push(a);
                } else {
                    LoopNestExpr b = pop(s, at);
                    s.push(b);
                    s.push(a);
                    s.push(b);
                    s.push(a);
                }
            }
            case Opcodes.DUP_X2, Opcodes.DUP2_X1, Opcodes.DUP2_X2 -> dupDeep(s, op, at);
            default -> throw new Refused("unexpected stack instruction " + op);
        }
    }

    /* Generic form: take the top group (1 or 2 slots of category), insert its copy below the next group. */
    private static void dupDeep(Deque<LoopNestExpr> s, int op, AbstractInsnNode at) throws Refused {
        int topSlots = op == Opcodes.DUP_X2 ? 1 : 2;
        int belowSlots = op == Opcodes.DUP2_X2 || op == Opcodes.DUP_X2 ? 2 : 1;
        List<LoopNestExpr> top = take(s, topSlots, at);
        List<LoopNestExpr> below = take(s, belowSlots, at);
        pushAll(s, top);
        pushAll(s, below);
        pushAll(s, top);
    }

    private static List<LoopNestExpr> take(Deque<LoopNestExpr> s, int slots, AbstractInsnNode at) throws Refused {
        List<LoopNestExpr> out = new ArrayList<>();
        int taken = 0;
        while (taken < slots) {
            LoopNestExpr e = pop(s, at);
            out.add(0, e);
            taken += e.size();
        }
        if (taken != slots) {
            throw new Refused("stack instruction splits a long or double");
        }
        return out;
    }

    private static void pushAll(Deque<LoopNestExpr> s, List<LoopNestExpr> values) {
        for (LoopNestExpr v : values) {
            s.push(v);
        }
    }

    private static LoopNestExpr peek(Deque<LoopNestExpr> s, AbstractInsnNode at) throws Refused {
        if (s.isEmpty()) {
            throw new Refused("DUP on an empty stack");
        }
        return s.peek();
    }
}
