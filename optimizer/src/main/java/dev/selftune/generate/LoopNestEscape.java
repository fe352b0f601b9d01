package dev.selftune.generate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Which locals hold a fresh array where a loop nest starts: allocated in this method by the one
 * store that reaches there and never escaping, so no other reference can alias it or its rows.
 */
public final class LoopNestEscape {
    private final MethodNode method;
    private final Frame<SourceValue>[] frames;
    private final Map<AbstractInsnNode, Set<Use>> uses;

    private record Use(AbstractInsnNode insn, int position) { }

    private LoopNestEscape(MethodNode method, Frame<SourceValue>[] frames, Map<AbstractInsnNode, Set<Use>> uses) {
        this.method = method;
        this.frames = frames;
        this.uses = uses;
    }

    /** Analyses {@code method} of class {@code owner} (internal name) once; query with {@link #whyNotFresh}. */
    public static LoopNestEscape analyze(String owner, MethodNode method) throws AnalyzerException {
        Recorder recorder = new Recorder();
        Frame<SourceValue>[] frames = new Analyzer<>(recorder).analyze(owner, method);
        return new LoopNestEscape(method, frames, recorder.uses);
    }

    /**
     * Null when local {@code slot}, as it is when control reaches {@code at}, holds a fresh,
     * unescaped array; otherwise why not.
     */
    public String whyNotFresh(int slot, AbstractInsnNode at) {
        int params = (Type.getArgumentsAndReturnSizes(method.desc) >> 2) - ((method.access & Opcodes.ACC_STATIC) != 0 ? 1 : 0);
        if (slot < params) {
            return "local " + slot + " is a parameter: it may alias any other array";
        }
        Frame<SourceValue> here = frames[method.instructions.indexOf(at)];
        if (here == null || slot >= here.getLocals()) {
            return "the code at local " + slot + "'s use is unreachable";
        }
        Set<AbstractInsnNode> reaching = here.getLocal(slot).insns;
        if (reaching.size() != 1 || reaching.iterator().next().getOpcode() != Opcodes.ASTORE) {
            return "local " + slot + " is assigned in more than one place";
        }
        AbstractInsnNode store = reaching.iterator().next();
        Frame<SourceValue> atStore = frames[method.instructions.indexOf(store)];
        Set<AbstractInsnNode> sources = atStore.getStack(atStore.getStackSize() - 1).insns;
        if (sources.size() != 1 || !isAllocation(sources.iterator().next())) {
            return "local " + slot + " is not assigned from a new array";
        }
        /* javac reuses slots of ended scopes: only loads this very store reaches are this array. */
        Set<AbstractInsnNode> derived = new HashSet<>();
        for (AbstractInsnNode n : method.instructions) {
            Frame<SourceValue> f = frames[method.instructions.indexOf(n)];
            if (n.getOpcode() == Opcodes.ALOAD && ((VarInsnNode) n).var == slot && f != null
                    && f.getLocal(slot).insns.contains(store)) {
                derived.add(n);
            }
        }
        return escapes(derived);
    }

    /*
     * Follows every value derived from the local (its loads, DUP copies and, for multi-dimensional
     * arrays, the rows AALOAD reads from it) to the instructions that consume them. Element access,
     * ARRAYLENGTH, null tests, POP and ARETURN keep it private; storing it anywhere (a local, a
     * field, another array), passing it to a call, casting it or replacing one of its rows by
     * AASTORE lets another reference alias it, so the array no longer counts as fresh. Rows made by
     * MULTIANEWARRAY are distinct objects (JVMS 6.5 multianewarray), and without AASTORE stay so.
     */
    private String escapes(Set<AbstractInsnNode> derived) {
        Deque<AbstractInsnNode> work = new ArrayDeque<>(derived);
        while (!work.isEmpty()) {
            AbstractInsnNode d = work.pop();
            for (Use use : uses.getOrDefault(d, Set.of())) {
                if (!mayBeReference(use)) {
                    continue;
                }
                int op = use.insn.getOpcode();
                boolean keepsPrivate = switch (op) {
                    case Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.BALOAD, Opcodes.CALOAD,
                            Opcodes.SALOAD, Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.FASTORE, Opcodes.DASTORE,
                            Opcodes.BASTORE, Opcodes.CASTORE, Opcodes.SASTORE -> use.position == 0;
                    case Opcodes.ARRAYLENGTH, Opcodes.IFNULL, Opcodes.IFNONNULL, Opcodes.POP, Opcodes.POP2,
                            Opcodes.ARETURN -> true;
                    default -> false;
                };
                boolean propagates = (op == Opcodes.AALOAD && use.position == 0)
                        || (op >= Opcodes.DUP && op <= Opcodes.DUP2_X2) || op == Opcodes.SWAP;
                if (propagates) {
                    if (derived.add(use.insn)) {
                        work.push(use.insn);
                    }
                } else if (!keepsPrivate) {
                    return "the array escapes at " + org.objectweb.asm.util.Printer.OPCODES[op]
                            + " (instruction " + method.instructions.indexOf(use.insn) + ")";
                }
            }
        }
        return null;
    }

    /*
     * DUP2 copies the row and the int index together and SourceInterpreter names both copies after
     * the DUP2; an operand the verifier types as primitive cannot be the array, so it is skipped.
     */
    private static boolean mayBeReference(Use use) {
        int op = use.insn.getOpcode();
        if (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) {
            return use.position == 0;
        }
        if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) {
            return use.position == 0 || (op == Opcodes.AASTORE && use.position == 2);
        }
        return !((op >= Opcodes.IADD && op <= Opcodes.DCMPG) || (op >= Opcodes.IFEQ && op <= Opcodes.IF_ICMPLE)
                || (op >= Opcodes.ISTORE && op <= Opcodes.DSTORE) || (op >= Opcodes.IRETURN && op <= Opcodes.DRETURN)
                || op == Opcodes.TABLESWITCH || op == Opcodes.LOOKUPSWITCH || op == Opcodes.NEWARRAY
                || op == Opcodes.ANEWARRAY || op == Opcodes.MULTIANEWARRAY);
    }

    private static boolean isAllocation(AbstractInsnNode n) {
        int op = n.getOpcode();
        return op == Opcodes.NEWARRAY || op == Opcodes.ANEWARRAY || op == Opcodes.MULTIANEWARRAY;
    }

    /** A source interpreter that also records which instruction consumes each value, at which operand. */
    private static final class Recorder extends SourceInterpreter {
        final Map<AbstractInsnNode, Set<Use>> uses = new HashMap<>();

        Recorder() {
            super(Opcodes.ASM9);
        }

        private void use(AbstractInsnNode insn, int position, SourceValue value) {
            for (AbstractInsnNode source : value.insns) {
                uses.computeIfAbsent(source, k -> new HashSet<>()).add(new Use(insn, position));
            }
        }

        @Override
        public SourceValue copyOperation(AbstractInsnNode insn, SourceValue value) {
            int op = insn.getOpcode();
            if (!(op >= Opcodes.ILOAD && op <= Opcodes.ALOAD)) {
                use(insn, 0, value);
            }
            return super.copyOperation(insn, value);
        }

        @Override
        public SourceValue unaryOperation(AbstractInsnNode insn, SourceValue value) {
            use(insn, 0, value);
            return super.unaryOperation(insn, value);
        }

        @Override
        public SourceValue binaryOperation(AbstractInsnNode insn, SourceValue v1, SourceValue v2) {
            use(insn, 0, v1);
            use(insn, 1, v2);
            return super.binaryOperation(insn, v1, v2);
        }

        @Override
        public SourceValue ternaryOperation(AbstractInsnNode insn, SourceValue v1, SourceValue v2, SourceValue v3) {
            use(insn, 0, v1);
            use(insn, 1, v2);
            use(insn, 2, v3);
            return super.ternaryOperation(insn, v1, v2, v3);
        }

        @Override
        public SourceValue naryOperation(AbstractInsnNode insn, List<? extends SourceValue> values) {
            for (int i = 0; i < values.size(); i++) {
                use(insn, i, values.get(i));
            }
            return super.naryOperation(insn, values);
        }

        @Override
        public void returnOperation(AbstractInsnNode insn, SourceValue value, SourceValue expected) {
            use(insn, 0, value);
        }
    }
}
