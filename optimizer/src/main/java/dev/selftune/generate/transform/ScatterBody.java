package dev.selftune.generate.transform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * A straight-line loop body lifted into expression trees, with every place a value ends up (a
 * sink: an array or local store, a POP, a call's arguments), so {@link ScatterUpdate} can ask where
 * a table is read. Locals stored in the body are substituted by the value stored.
 */
record ScatterBody(List<Sym> stores, List<Sym> sinks, List<Sym> arrayAccesses, Set<Integer> storedLocals) {

    /** A value: {@code local} (slot, at iteration start), {@code const}, {@code load}/{@code store} (opcode), {@code op}, {@code call}, {@code field}. */
    record Sym(String kind, Object detail, int size, List<Sym> args) {
        boolean reads(int slot) {
            return kind.equals("local") && detail.equals(slot) || args.stream().anyMatch(a -> a.reads(slot));
        }
    }

    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /*
     * Allowed: local loads and stores, iinc, constants, array loads and primitive array stores,
     * field reads, arithmetic, conversions, comparisons, the stack shuffles, and static calls into
     * java/lang with primitive arguments only (Math.floorMod and friends): such a call cannot reach
     * an array the loop holds. Anything else (other calls, field writes, AASTORE, allocation,
     * casts, monitors) is refused with the instruction's name.
     */
    static ScatterBody lift(AbstractInsnNode from, AbstractInsnNode toExclusive) throws Refused {
        Deque<Sym> stack = new ArrayDeque<>();
        Map<Integer, Sym> locals = new HashMap<>();
        List<Sym> stores = new ArrayList<>();
        List<Sym> sinks = new ArrayList<>();
        List<Sym> accesses = new ArrayList<>();
        Set<Integer> stored = new HashSet<>();
        for (AbstractInsnNode n = from; n != toExclusive; n = n.getNext()) {
            int op = n.getOpcode();
            if (op < 0) {
                continue;
            }
            if (op >= Opcodes.ILOAD && op <= Opcodes.ALOAD) {
                int slot = ((VarInsnNode) n).var;
                stack.push(locals.getOrDefault(slot, sym("local", slot, op == Opcodes.LLOAD || op == Opcodes.DLOAD ? 2 : 1)));
            } else if (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
                Sym v = pop(stack);
                sinks.add(v);
                locals.put(((VarInsnNode) n).var, v);
                stored.add(((VarInsnNode) n).var);
            } else if (n instanceof IincInsnNode inc) {
                Sym old = locals.getOrDefault(inc.var, sym("local", inc.var, 1));
                locals.put(inc.var, sym("op", Opcodes.IADD, 1, old, sym("const", inc.incr, 1)));
                stored.add(inc.var);
            } else if (op >= Opcodes.ACONST_NULL && op <= Opcodes.DCONST_1 || op == Opcodes.BIPUSH || op == Opcodes.SIPUSH) {
                Object c = n instanceof IntInsnNode i ? (Object) i.operand : (Object) ("const" + op);
                boolean wide = op >= Opcodes.LCONST_0 && op <= Opcodes.LCONST_1 || op >= Opcodes.DCONST_0 && op <= Opcodes.DCONST_1;
                stack.push(sym("const", c, wide ? 2 : 1));
            } else if (op == Opcodes.LDC && ((LdcInsnNode) n).cst instanceof Number num) {
                stack.push(sym("const", num, num instanceof Long || num instanceof Double ? 2 : 1));
            } else if (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) {
                Sym index = pop(stack);
                Sym e = sym("load", op, op == Opcodes.LALOAD || op == Opcodes.DALOAD ? 2 : 1, pop(stack), index);
                accesses.add(e);
                stack.push(e);
            } else if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE && op != Opcodes.AASTORE) {
                Sym value = pop(stack);
                Sym index = pop(stack);
                Sym s = sym("store", op, 0, pop(stack), index, value);
                stores.add(s);
                sinks.add(s);
                accesses.add(s);
            } else if (op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC) {
                FieldInsnNode f = (FieldInsnNode) n;
                List<Sym> object = op == Opcodes.GETFIELD ? List.of(pop(stack)) : List.of();
                stack.push(new Sym("field", f.owner + "." + f.name, Type.getType(f.desc).getSize(), object));
            } else if (op == Opcodes.INVOKESTATIC && isPrimitiveJdkCall((MethodInsnNode) n)) {
                call(stack, sinks, (MethodInsnNode) n);
            } else if (op >= Opcodes.POP && op <= Opcodes.SWAP) {
                shuffle(stack, sinks, op);
            } else if (op >= Opcodes.IADD && op <= Opcodes.DCMPG || op == Opcodes.ARRAYLENGTH) {
                int arity = op >= Opcodes.INEG && op <= Opcodes.DNEG || op >= Opcodes.I2L && op <= Opcodes.I2S
                        || op == Opcodes.ARRAYLENGTH ? 1 : 2;
                Sym[] args = new Sym[arity];
                for (int i = arity - 1; i >= 0; i--) {
                    args[i] = pop(stack);
                }
                stack.push(sym("op", op, wide(op) ? 2 : 1, args));
            } else {
                throw new Refused("the loop body has " + org.objectweb.asm.util.Printer.OPCODES[op]
                        + ": only local and array accesses, field reads, arithmetic and java.lang calls on primitives are allowed");
            }
        }
        if (!stack.isEmpty()) {
            throw new Refused("the loop body leaves values on the stack");
        }
        return new ScatterBody(stores, sinks, accesses, stored);
    }

    private static void call(Deque<Sym> stack, List<Sym> sinks, MethodInsnNode m) throws Refused {
        Type[] params = Type.getArgumentTypes(m.desc);
        Sym[] args = new Sym[params.length];
        for (int i = params.length - 1; i >= 0; i--) {
            args[i] = pop(stack);
        }
        Sym c = sym("call", m.owner + "." + m.name + m.desc, Type.getReturnType(m.desc).getSize(), args);
        if (c.size() == 0) {
            sinks.add(c);
        } else {
            stack.push(c);
        }
    }

    private static boolean isPrimitiveJdkCall(MethodInsnNode m) {
        if (!m.owner.startsWith("java/lang/") || m.owner.indexOf('/', "java/lang/".length()) >= 0) {
            return false;
        }
        for (Type t : Type.getArgumentTypes(m.desc)) {
            if (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY) {
                return false;
            }
        }
        int ret = Type.getReturnType(m.desc).getSort();
        return ret != Type.OBJECT && ret != Type.ARRAY;
    }

    private static boolean wide(int op) {
        if (op >= Opcodes.IADD && op <= Opcodes.DNEG || op >= Opcodes.ISHL && op <= Opcodes.LXOR) {
            return (op - Opcodes.IADD) % 2 == 1;
        }
        return op == Opcodes.I2L || op == Opcodes.I2D || op == Opcodes.L2D || op == Opcodes.F2L || op == Opcodes.F2D
                || op == Opcodes.D2L;
    }

    private static Sym sym(String kind, Object detail, int size, Sym... args) {
        return new Sym(kind, detail, size, List.of(args));
    }

    private static Sym pop(Deque<Sym> stack) throws Refused {
        if (stack.isEmpty()) {
            throw new Refused("the loop body pops a value it did not push");
        }
        return stack.pop();
    }

    /* The DUP/POP/SWAP family by value categories (JVMS 6.5); popped values are sinks. */
    private static void shuffle(Deque<Sym> s, List<Sym> sinks, int op) throws Refused {
        switch (op) {
            case Opcodes.POP -> sinks.add(pop(s));
            case Opcodes.POP2 -> sinks.addAll(take(s, 2));
            case Opcodes.DUP -> s.push(peek(s));
            case Opcodes.SWAP -> {
                Sym a = pop(s);
                Sym b = pop(s);
                s.push(a);
                s.push(b);
            }
            default -> {
                int top = op == Opcodes.DUP || op == Opcodes.DUP_X1 || op == Opcodes.DUP_X2 ? 1 : 2;
                int below = op == Opcodes.DUP_X1 || op == Opcodes.DUP2_X1 ? 1 : op == Opcodes.DUP2 ? 0 : 2;
                List<Sym> t = take(s, top);
                List<Sym> b = take(s, below);
                pushAll(s, t);
                pushAll(s, b);
                pushAll(s, t);
            }
        }
    }

    private static List<Sym> take(Deque<Sym> s, int slots) throws Refused {
        List<Sym> out = new ArrayList<>();
        int taken = 0;
        while (taken < slots) {
            Sym e = pop(s);
            out.add(0, e);
            taken += e.size();
        }
        if (taken != slots) {
            throw new Refused("a stack instruction splits a long or double");
        }
        return out;
    }

    private static void pushAll(Deque<Sym> s, List<Sym> values) {
        values.forEach(s::push);
    }

    private static Sym peek(Deque<Sym> s) throws Refused {
        if (s.isEmpty()) {
            throw new Refused("DUP on an empty stack");
        }
        return s.peek();
    }
}
