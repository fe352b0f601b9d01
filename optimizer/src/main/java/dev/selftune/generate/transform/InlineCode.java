package dev.selftune.generate.transform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Splices a callee's body into its caller in place of one call (the ASM tree API): the arguments are
 * popped into fresh locals past the caller's, the receiver of an instance call is null-checked where
 * the call would have thrown, the callee's instructions are copied with fresh labels and locals moved
 * past the caller's, each return becomes a jump to the end (its value stays on the stack, as the
 * call would have left it), and the callee's handlers go first in the caller's table.
 */
final class InlineCode {
    private InlineCode() { }

    /** Bytes the splice adds beyond the callee's own: argument stores, the null check, return jumps. */
    static int overhead(MethodNode callee) {
        int returns = 0;
        for (AbstractInsnNode n : callee.instructions) {
            returns += isReturn(n.getOpcode()) ? 1 : 0;
        }
        return 4 * (Type.getArgumentTypes(callee.desc).length + 1) + 6 + 2 * returns;
    }

    /**
     * Why the call cannot be spliced as it stands, or null: a return that leaves more than its value
     * on the callee's stack; an object under construction on the stack (it cannot be spilled to a
     * local and reloaded as the same uninitialised value, and a copied loop would branch back over it).
     * Other values under the arguments are spilled (see inline), so a callee with handlers is fine.
     */
    static String refusal(ClassNode owner, MethodNode caller, Frame<BasicValue>[] callerFrames, MethodInsnNode call,
                          MethodNode callee) {
        String key = dev.selftune.generate.UnitRouting.originalName(callee.name) + callee.desc;
        Frame<BasicValue>[] calleeFrames = frames(owner, callee);
        if (calleeFrames == null || callerFrames == null) {
            return "ASM's analyzer could not follow " + (calleeFrames == null ? "callee " + key : caller.name)
                    + ", so inline cannot prove the stack at its returns";
        }
        int k = 0;
        for (AbstractInsnNode n : callee.instructions) {
            Frame<BasicValue> f = calleeFrames[k++];
            if (f != null && isReturn(n.getOpcode()) && f.getStackSize() > (n.getOpcode() == Opcodes.RETURN ? 0 : 1)) {
                return "callee " + key + " returns with " + f.getStackSize() + " values on its stack; inline copies "
                        + "only returns that leave just the result";
            }
        }
        Frame<BasicValue> at = callerFrames[caller.instructions.indexOf(call)];
        if (at == null) {
            return "the call to " + key + " is unreachable";
        }
        for (int i = 0; i < at.getStackSize(); i++) {
            if (at.getStack(i) instanceof Fresh) {
                return "an object under construction is on the caller's stack at the call to " + key
                        + " (a copied loop would branch back over it)";
            }
        }
        return null;
    }

    /*
     * Values under the arguments at the call (javac leaves the destination array and index of `out[i] = sum(row)` there)
     * are spilled to fresh locals before the copied body and reloaded after it, so that the body, whose loops become the
     * caller's, runs with the caller's stack empty: HotSpot cannot enter a loop whose head has values on the stack by
     * on-stack replacement (smile's MathEx.rowSums with sum inlined measured 0.05x before), and a handler the callee
     * brings then clears nothing of the caller's.
     */
    static void inline(MethodNode method, MethodInsnNode call, MethodNode callee, Frame<BasicValue> at) {
        int under = at == null ? 0 : at.getStackSize() - InlineSites.entries(call);
        int base = CodeSize.firstFreeLocal(method);
        Type[] args = Type.getArgumentTypes(callee.desc);
        boolean instance = (callee.access & Opcodes.ACC_STATIC) == 0;
        int[] slot = new int[args.length];
        int s = instance ? 1 : 0;
        for (int i = 0; i < args.length; i++) {
            slot[i] = s;
            s += args[i].getSize();
        }
        InsnList code = new InsnList();
        for (int i = args.length - 1; i >= 0; i--) {
            code.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), base + slot[i]));
        }
        if (instance) {
            // invokevirtual/invokespecial throw NullPointerException after evaluating every argument; so does this.
            code.add(new InsnNode(Opcodes.DUP));
            code.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "getClass", "()Ljava/lang/Class;", false));
            code.add(new InsnNode(Opcodes.POP));
            code.add(new VarInsnNode(Opcodes.ASTORE, base));
        }
        /* spill: the values under the arguments, top first, into locals past the callee's */
        int spillBase = base + CodeSize.firstFreeLocal(callee);
        int[] spillSlot = new int[Math.max(0, under)];
        Type[] spillType = new Type[Math.max(0, under)];
        int next = spillBase;
        for (int i = 0; i < under; i++) {
            BasicValue v = at.getStack(i);
            spillType[i] = v.getType() == null || v.getType().getSort() == Type.OBJECT || v.getType().getSort() == Type.ARRAY
                    ? Type.getObjectType("java/lang/Object") : v.getType();
            spillSlot[i] = next;
            next += v.getSize();
        }
        for (int i = under - 1; i >= 0; i--) {
            code.add(new VarInsnNode(spillType[i].getOpcode(Opcodes.ISTORE), spillSlot[i]));
        }
        Map<LabelNode, LabelNode> labels = new HashMap<>();
        for (AbstractInsnNode n : callee.instructions) {
            if (n instanceof LabelNode l) {
                labels.put(l, new LabelNode());
            }
        }
        LabelNode end = new LabelNode();
        for (AbstractInsnNode n : callee.instructions) {
            if (n instanceof FrameNode || n instanceof LineNumberNode) {
                continue;
            }
            if (isReturn(n.getOpcode())) {
                code.add(new JumpInsnNode(Opcodes.GOTO, end));
                continue;
            }
            AbstractInsnNode c = n.clone(labels);
            if (c instanceof VarInsnNode v) {
                v.var += base;
            } else if (c instanceof IincInsnNode i) {
                i.var += base;
            }
            code.add(c);
        }
        code.add(end);
        if (under > 0) {
            /* the result (if any) to a local, the spilled values back in their order, then the result on top */
            Type ret = Type.getReturnType(callee.desc);
            int result = next;
            if (ret.getSort() != Type.VOID) {
                code.add(new VarInsnNode(ret.getOpcode(Opcodes.ISTORE), result));
                next += ret.getSize();
            }
            for (int i = 0; i < under; i++) {
                code.add(new VarInsnNode(spillType[i].getOpcode(Opcodes.ILOAD), spillSlot[i]));
            }
            if (ret.getSort() != Type.VOID) {
                code.add(new VarInsnNode(ret.getOpcode(Opcodes.ILOAD), result));
            }
        }
        List<TryCatchBlockNode> handlers = new ArrayList<>();
        for (TryCatchBlockNode t : callee.tryCatchBlocks) {
            handlers.add(new TryCatchBlockNode(labels.get(t.start), labels.get(t.end), labels.get(t.handler), t.type));
        }
        // The copies lie inside whatever caller range covers the call: inner handlers first.
        method.tryCatchBlocks.addAll(0, handlers);
        method.instructions.insertBefore(call, code);
        method.instructions.remove(call);
        method.maxLocals = Math.max(method.maxLocals, Math.max(next, base + CodeSize.firstFreeLocal(callee)));
        method.maxStack += callee.maxStack + 1; // ClassBytes.write recomputes it
    }

    private static boolean isReturn(int op) {
        return op >= Opcodes.IRETURN && op <= Opcodes.RETURN;
    }

    /** Frames of {@code m} with objects made by {@code new} marked {@link Fresh}; null when ASM cannot analyse it. */
    static Frame<BasicValue>[] frames(ClassNode owner, MethodNode m) {
        try {
            return new Analyzer<>(new FreshInterpreter()).analyze(owner.name, m);
        } catch (AnalyzerException | RuntimeException e) {
            return null;
        }
    }

    /** A reference made by {@code new}: while it is on the stack at a call, its constructor has not run. */
    private static final class Fresh extends BasicValue {
        Fresh() {
            super(Type.getObjectType("java/lang/Object"));
        }
    }

    private static final class FreshInterpreter extends BasicInterpreter {
        FreshInterpreter() {
            super(Opcodes.ASM9);
        }

        @Override
        public BasicValue newOperation(AbstractInsnNode insn) throws AnalyzerException {
            return insn.getOpcode() == Opcodes.NEW && insn instanceof TypeInsnNode ? new Fresh() : super.newOperation(insn);
        }
    }
}
