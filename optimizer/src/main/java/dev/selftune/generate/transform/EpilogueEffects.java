package dev.selftune.generate.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;
import dev.selftune.generate.LocalNames;
import dev.selftune.generate.Loop;
import dev.selftune.generate.LoopBodies;

/**
 * The run-time checks that make moving reads ahead of a jammed epilogue exact: every object the
 * epilogue writes into (an array it stores to, the receiver of a call) must differ from every array
 * and object the loop test, prologue and inner loop read. Each side is a re-evaluable expression: a
 * local the outer loop does not write, or a field of such a local.
 */
final class EpilogueEffects {
    private EpilogueEffects() { }

    @SuppressWarnings("unchecked")
    static List<List<AbstractInsnNode>[]> guards(MethodNode method, Frame<SourceValue>[] frames, Loop outer,
                                                 AbstractInsnNode bodyFirst, Loop inner, AbstractInsnNode epilogueFirst,
                                                 AbstractInsnNode end) throws JamPlan.Refused {
        InsnList insns = method.instructions;
        Set<Integer> written = LoopBodies.summarise(method, bodyFirst, outer.backEdge()).writes().keySet();
        Map<String, List<AbstractInsnNode>> targets = new LinkedHashMap<>();
        for (AbstractInsnNode n = epilogueFirst; n != end; n = n.getNext()) {
            int op = n.getOpcode();
            int depth;
            if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) {
                depth = 2;
            } else if (n instanceof MethodInsnNode call) {
                depth = Type.getArgumentTypes(call.desc).length;
            } else {
                continue;
            }
            Frame<SourceValue> f = frames[insns.indexOf(n)];
            List<AbstractInsnNode> e = f == null ? null : expr(method, frames, f.getStack(f.getStackSize() - 1 - depth), written);
            if (e == null) {
                throw new JamPlan.Refused("the code after the inner loop writes through an object that is not a local the outer "
                        + "loop leaves alone (or a field of one), so no run-time check can show the inner loop's reads unaffected");
            }
            targets.put(key(e), e);
        }
        List<List<AbstractInsnNode>[]> guards = new ArrayList<>();
        if (targets.isEmpty()) {
            return guards;
        }
        Map<String, List<AbstractInsnNode>> sources = new LinkedHashMap<>();
        for (AbstractInsnNode n = outer.head(); n != epilogueFirst; n = n.getNext()) {
            int op = n.getOpcode();
            int depth = op >= Opcodes.IALOAD && op <= Opcodes.SALOAD ? 1 : op == Opcodes.GETFIELD ? 0 : -1;
            if (depth < 0) {
                continue;
            }
            Frame<SourceValue> f = frames[insns.indexOf(n)];
            List<AbstractInsnNode> e = f == null ? null : expr(method, frames, f.getStack(f.getStackSize() - 1 - depth), written);
            if (e == null) {
                throw new JamPlan.Refused("the loops read through an object that is not a local the outer loop leaves alone (or a "
                        + "field of one), and the code after the inner loop writes memory: no run-time check can separate them");
            }
            sources.put(key(e), e);
        }
        for (Map.Entry<String, List<AbstractInsnNode>> t : targets.entrySet()) {
            for (Map.Entry<String, List<AbstractInsnNode>> s : sources.entrySet()) {
                if (t.getKey().equals(s.getKey())) {
                    throw new JamPlan.Refused("the code after the inner loop writes into " + describe(method, t.getValue())
                            + ", which the loops read; its iterations depend on each other");
                }
                guards.add(new List[] {t.getValue(), s.getValue()});
            }
        }
        return guards;
    }

    /* [aload x] or [aload x, getfield f] with x not written in the outer loop, else null. */
    static List<AbstractInsnNode> expr(MethodNode method, Frame<SourceValue>[] frames, SourceValue v, Set<Integer> written) {
        if (v.insns.size() != 1) {
            return null;
        }
        AbstractInsnNode p = v.insns.iterator().next();
        if (p instanceof VarInsnNode load && p.getOpcode() == Opcodes.ALOAD && !written.contains(load.var)) {
            return List.of(p);
        }
        if (p.getOpcode() == Opcodes.DUP || p.getOpcode() == Opcodes.DUP2) {
            /* a copy of one of the inputs: resolvable when exactly one of them is a reference we can re-evaluate */
            Frame<SourceValue> at = frames[method.instructions.indexOf(p)];
            List<AbstractInsnNode> found = null;
            int inputs = p.getOpcode() == Opcodes.DUP ? 1 : Math.min(2, at == null ? 0 : at.getStackSize());
            for (int k = 0; k < inputs; k++) {
                List<AbstractInsnNode> e = expr(method, frames, at.getStack(at.getStackSize() - 1 - k), written);
                if (e != null && found != null) {
                    return null;
                }
                found = e != null ? e : found;
            }
            return found;
        }
        if (p instanceof FieldInsnNode f && p.getOpcode() == Opcodes.GETFIELD && (f.desc.startsWith("L") || f.desc.startsWith("["))) {
            Frame<SourceValue> at = frames[method.instructions.indexOf(p)];
            List<AbstractInsnNode> obj = at == null ? null : expr(method, frames, at.getStack(at.getStackSize() - 1), written);
            if (obj != null && obj.size() == 1) {
                return List.of(obj.get(0), f);
            }
        }
        return null;
    }

    private static String key(List<AbstractInsnNode> e) {
        String k = "local " + ((VarInsnNode) e.get(0)).var;
        return e.size() == 1 ? k : k + "." + ((FieldInsnNode) e.get(1)).name;
    }

    static String describe(MethodNode method, List<AbstractInsnNode> e) {
        String base = LocalNames.describe(method, ((VarInsnNode) e.get(0)).var);
        return e.size() == 1 ? base : base + "." + ((FieldInsnNode) e.get(1)).name;
    }
}
