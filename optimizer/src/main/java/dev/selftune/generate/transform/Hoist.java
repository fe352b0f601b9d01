package dev.selftune.generate.transform;

import dev.selftune.generate.LocalNames;
import dev.selftune.generate.LoopNestLoop;
import dev.selftune.generate.Transform;
import dev.selftune.generate.TransformContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Hoists loop-invariant row and element loads ({@code c[i]}, {@code b[k]}, {@code a[i][k]}) out of
 * a counted loop into new locals, versioning the loop so exceptions stay exact. Parameter
 * {@code loop}: which counted loop of the method.
 */
public final class Hoist implements Transform {

    /*
     * Why: C2 keeps c[i] inside the loop when it cannot prove no store in the loop changes it, and
     * with the row reloaded each iteration its superword pass cannot see that ci[j] and bk[j] are
     * two plain streams, so "c[i][j] += a[i][k] * b[k][j]" stays scalar. With ci, aik and bk in
     * locals the inner loop is the daxpy shape C2 vectorises.
     *
     * Exactness by versioning: the preheader evaluates the hoisted loads inside a try block. If one
     * throws (null row, short row), control goes to the untouched original loop, which throws the
     * same exception at the same iteration with the same partial state. Otherwise the values equal
     * what every iteration would load (HoistAnalysis), so the fast copy computes the same.
     */

    @Override
    public String name() {
        return "hoist";
    }

    @Override
    public List<Map<String, Integer>> candidates(ClassNode owner, MethodNode method, TransformContext ctx) {
        List<LoopNestLoop> loops = LoopNestLoop.find(method);
        List<Integer> order = new ArrayList<>();
        Map<Integer, Integer> loads = new HashMap<>();
        for (int i = 0; i < loops.size(); i++) {
            HoistAnalysis.Result found = HoistAnalysis.analyse(owner, method, loops.get(i));
            if (found.refusal() == null) {
                order.add(i);
                loads.put(i, found.loads().size());
            }
        }
        /* Deepest loops first (they run most often), then those with more loads to hoist. */
        order.sort(Comparator.comparingInt((Integer i) -> -depth(method, loops, loops.get(i)))
                .thenComparingInt(i -> -loads.get(i)).thenComparingInt(i -> i));
        return order.stream().map(i -> Map.of("loop", i)).toList();
    }

    @Override
    public String whyNotApplied(ClassNode owner, MethodNode method, TransformContext ctx) {
        List<LoopNestLoop> loops = LoopNestLoop.find(method);
        if (loops.isEmpty()) {
            return "no counted loop in javac's for-shape (for (int i = a; i < n; i++)) to hoist loads out of";
        }
        List<String> why = new ArrayList<>();
        for (LoopNestLoop loop : loops) {
            why.add("loop over local " + loop.iv() + ": " + HoistAnalysis.analyse(owner, method, loop).refusal());
        }
        return LocalNames.in(method, String.join("; ", why));
    }

    private static int depth(MethodNode method, List<LoopNestLoop> loops, LoopNestLoop loop) {
        int at = method.instructions.indexOf(loop.head());
        int depth = 0;
        for (LoopNestLoop other : loops) {
            if (other != loop && method.instructions.indexOf(other.head()) < at && method.instructions.indexOf(other.back()) > at) {
                depth++;
            }
        }
        return depth;
    }

    @Override
    public boolean apply(ClassNode owner, MethodNode method, Map<String, Integer> params, TransformContext ctx) {
        Integer index = params.get("loop");
        List<LoopNestLoop> loops = LoopNestLoop.find(method);
        if (index == null || index < 0 || index >= loops.size()) {
            return false;
        }
        LoopNestLoop loop = loops.get(index);
        HoistAnalysis.Result found = HoistAnalysis.analyse(owner, method, loop);
        if (found.refusal() != null) {
            return false;
        }
        version(method, loop, found.loads());
        return true;
    }

    /*
     * Layout, around the original loop L ... goto L (which falls out to its exit X):
     *   TS: <load>; xstore t1 ... TE: goto F
     *   H:  pop                                  (handler for any throwable in [TS, TE))
     *   L:  <original loop, untouched>           (reached only from H)
     *   F:  init; istore iv; L': <loop with loads replaced by xload t> goto L'
     *   X:
     * Re-running the (pure) init and ending the fast copy right before X keep it in javac's counted
     * shape, so later transforms (unroll, another hoist) recognise it; the original does not match
     * any more, so they leave the fallback alone. The new handler goes first in the exception table
     * so it wins over any enclosing one.
     */
    static void version(MethodNode method, LoopNestLoop loop, List<HoistLoad> loads) {
        Map<String, Integer> temps = new LinkedHashMap<>();
        Map<String, HoistLoad> firstByKey = new HashMap<>();
        Map<AbstractInsnNode, HoistLoad> byStart = new IdentityHashMap<>();
        for (HoistLoad load : loads) {
            byStart.put(load.insns().get(0), load);
            if (!temps.containsKey(load.key())) {
                temps.put(load.key(), method.maxLocals);
                firstByKey.put(load.key(), load);
                method.maxLocals += load.size();
            }
        }
        Map<LabelNode, LabelNode> none = new HashMap<>();
        LabelNode tryStart = new LabelNode();
        LabelNode tryEnd = new LabelNode();
        LabelNode handler = new LabelNode();
        LabelNode fast = new LabelNode();
        InsnList out = new InsnList();
        out.add(tryStart);
        for (Map.Entry<String, Integer> temp : temps.entrySet()) {
            HoistLoad load = firstByKey.get(temp.getKey());
            for (AbstractInsnNode n : load.insns()) {
                out.add(n.clone(none));
            }
            out.add(new VarInsnNode(load.storeOpcode(), temp.getValue()));
        }
        out.add(tryEnd);
        out.add(new JumpInsnNode(Opcodes.GOTO, fast));
        out.add(handler);
        out.add(new InsnNode(Opcodes.POP));
        InsnList copy = new InsnList();
        copy.add(fast);
        copy.add(loop.init().clone(none));
        copy.add(new VarInsnNode(Opcodes.ISTORE, loop.iv()));
        Map<LabelNode, LabelNode> labels = new HashMap<>();
        copy.add(fastCopy(loop, byStart, temps, labels));
        cloneInnerTryBlocks(method, labels);
        method.instructions.insert(loop.back(), copy);
        method.instructions.insertBefore(loop.head(), out);
        method.tryCatchBlocks.add(0, new TryCatchBlockNode(tryStart, tryEnd, handler, null));
        Interchange.cleanUp(method);
    }

    /*
     * A try block wholly inside the loop (an inner loop hoisted before) gets a twin over the copy.
     * Twins go first in the exception table, in their original order: an enclosing block listed
     * earlier would otherwise catch for them (JVMS 4.7.3, first matching entry wins).
     */
    private static void cloneInnerTryBlocks(MethodNode method, Map<LabelNode, LabelNode> labels) {
        List<TryCatchBlockNode> twins = new ArrayList<>();
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            if (labels.containsKey(tcb.start) && labels.containsKey(tcb.end) && labels.containsKey(tcb.handler)) {
                twins.add(new TryCatchBlockNode(labels.get(tcb.start), labels.get(tcb.end), labels.get(tcb.handler), tcb.type));
            }
        }
        method.tryCatchBlocks.addAll(0, twins);
    }

    /** A copy of the loop from its head to its back edge, internal labels renamed, hoisted loads read from their locals. */
    private static InsnList fastCopy(LoopNestLoop loop, Map<AbstractInsnNode, HoistLoad> byStart, Map<String, Integer> temps,
                                     Map<LabelNode, LabelNode> labels) {
        for (AbstractInsnNode n = loop.head(); n != loop.back().getNext(); n = n.getNext()) {
            if (n instanceof LabelNode label) {
                labels.put(label, new LabelNode());
            }
        }
        Map<LabelNode, LabelNode> mapping = new LabelMap(labels);
        InsnList copy = new InsnList();
        for (AbstractInsnNode n = loop.head(); n != loop.back().getNext(); n = n.getNext()) {
            HoistLoad load = byStart.get(n);
            if (load != null) {
                copy.add(new VarInsnNode(load.loadLocalOpcode(), temps.get(load.key())));
                n = load.insns().get(load.insns().size() - 1);
            } else if (!(n instanceof FrameNode)) {
                copy.add(n.clone(mapping));
            }
        }
        return copy;
    }

    /** Renames labels inside the loop; labels outside (the exit, break targets) map to themselves. */
    private static final class LabelMap extends HashMap<LabelNode, LabelNode> {
        LabelMap(Map<LabelNode, LabelNode> inside) {
            super(inside);
        }

        @Override
        public LabelNode get(Object key) {
            LabelNode mapped = super.get(key);
            return mapped != null ? mapped : (LabelNode) key;
        }
    }
}
