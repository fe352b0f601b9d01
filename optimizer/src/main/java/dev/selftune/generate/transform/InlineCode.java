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
     * on the callee's stack; values under the arguments at the call while the callee has handlers (a
     * caught exception empties the stack); an object under construction on the stack (a copied loop
     * would branch back over it).
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
        int extra = at.getStackSize() - InlineSites.entries(call);
        if (extra > 0 && !callee.tryCatchBlocks.isEmpty()) {
            return "callee " + key + " has a try/catch and the caller's stack is not empty at the call (" + extra
                    + " value(s) under the arguments, which a caught exception would clear)";
        }
        for (int i = 0; i < at.getStackSize(); i++) {
            if (at.getStack(i) instanceof Fresh) {
                return "an object under construction is on the caller's stack at the call to " + key
                        + " (a copied loop would branch back over it)";
            }
        }
        return null;
    }

    static void inline(MethodNode method, MethodInsnNode call, MethodNode callee) {
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
        List<TryCatchBlockNode> handlers = new ArrayList<>();
        for (TryCatchBlockNode t : callee.tryCatchBlocks) {
            handlers.add(new TryCatchBlockNode(labels.get(t.start), labels.get(t.end), labels.get(t.handler), t.type));
        }
        // The copies lie inside whatever caller range covers the call: inner handlers first.
        method.tryCatchBlocks.addAll(0, handlers);
        method.instructions.insertBefore(call, code);
        method.instructions.remove(call);
        method.maxLocals = Math.max(method.maxLocals, base + CodeSize.firstFreeLocal(callee));
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
