package dev.selftune.generate.transform;

import dev.selftune.generate.LoopNest;
import dev.selftune.generate.LoopNestBody;
import dev.selftune.generate.LoopNestEscape;
import dev.selftune.generate.LoopNestExpr;
import dev.selftune.generate.LoopNestLiveness;
import dev.selftune.generate.LoopNestLoop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/** Finds the loads of a counted loop that no iteration can change, and refuses loops where that cannot be shown. */
final class HoistAnalysis {
    private HoistAnalysis() { }

    /** The result: the loads to hoist (possibly none), or why the loop is refused. */
    record Result(List<HoistLoad> loads, String refusal) { }

    /*
     * Invariance, element by element:
     * - a row a[i] changes only by an AASTORE into a (or another thread): with no AASTORE and no
     *   call in the loop, only a data race could change it, and JLS 17.4 lets a non-volatile read be
     *   hoisted past a racing write. Monitors and volatile reads are synchronisation actions that
     *   would forbid it (JLS 17.4.4), so they refuse the loop; so do reads of fields we cannot see.
     * - an element a[i][k] of kind T changes by a T store into the same row: none may be in the
     *   loop unless every T store goes to a fresh, unescaped array other than a (LoopNestEscape).
     *   A double[] store cannot change a double[][] row (different types never alias, JVMS 2.4).
     * - the root and index locals must not be written in the loop.
     */
    static Result analyse(ClassNode owner, MethodNode method, LoopNestLoop loop) {
        if (LoopNestLiveness.enteredFromOutside(method, loop.head(), loop.back(), true)) {
            return refuse("the loop is entered by a jump from outside or overlaps a try block it does not contain");
        }
        Set<Integer> written = new HashSet<>();
        Set<String> putFields = new HashSet<>();
        Set<Integer> storedKinds = new HashSet<>();
        for (AbstractInsnNode n = loop.head(); n != loop.back(); n = n.getNext()) {
            int op = n.getOpcode();
            if (n instanceof VarInsnNode v && op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
                written.add(v.var);
            } else if (n instanceof IincInsnNode i) {
                written.add(i.var);
            } else if (op == Opcodes.AASTORE) {
                return refuse("the loop stores a reference into an array (AASTORE): rows may change");
            } else if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) {
                storedKinds.add(op - (Opcodes.IASTORE - Opcodes.IALOAD));
            } else if (op >= Opcodes.INVOKEVIRTUAL && op <= Opcodes.INVOKEDYNAMIC) {
                return refuse("the loop calls a method, which may write any array");
            } else if (op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC) {
                putFields.add(fieldKey((FieldInsnNode) n));
            } else if (op == Opcodes.JSR || op == Opcodes.RET) {
                return refuse("the loop uses subroutines (JSR/RET), which frames cannot be computed for");
            } else if (op == Opcodes.MONITORENTER || op == Opcodes.MONITOREXIT) {
                return refuse("the loop synchronises: a hoisted read could miss another thread's write");
            } else if ((op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC) && !LoopNest.isPlainField(owner, (FieldInsnNode) n)) {
                return refuse("the loop reads a field that may be volatile");
            }
        }
        List<HoistLoad> loads = new ArrayList<>();
        Map<Integer, Set<Integer>> safeByRoot = new HashMap<>();
        for (AbstractInsnNode n = loop.head(); n != loop.back(); n = n.getNext()) {
            HoistLoad found = match(owner, n, written, putFields);
            if (found == null) {
                continue;
            }
            HoistLoad scalar = found.scalar() ? found : extend(found, written);
            HoistLoad chosen = found.scalar() ? null : found;
            if (scalar != null && safeByRoot.computeIfAbsent(scalar.root(),
                    r -> safeScalarKinds(owner, method, loop, storedKinds, r)).contains(scalar.loadOpcode())) {
                chosen = scalar;
            }
            if (chosen != null) {
                loads.add(chosen);
                n = chosen.insns().get(chosen.insns().size() - 1);
            }
        }
        return new Result(loads, loads.isEmpty() ? "no loop-invariant row or element load" : null);
    }

    private static Result refuse(String reason) {
        return new Result(List.of(), reason);
    }

    /*
     * The array comes from a local not written in the loop (aload R), or from a plain field of this
     * class that the loop does not write (aload s; getfield F, or getstatic F); then index; xaload,
     * all adjacent. A field-rooted load has root -1: it is never one of the fresh arrays stored to.
     */
    private static HoistLoad match(ClassNode owner, AbstractInsnNode n, Set<Integer> written, Set<String> putFields) {
        List<AbstractInsnNode> insns = new ArrayList<>();
        int root = -1;
        if (n instanceof VarInsnNode a && n.getOpcode() == Opcodes.ALOAD && !written.contains(a.var)) {
            insns.add(n);
            root = a.var;
            if (n.getNext() instanceof FieldInsnNode f && f.getOpcode() == Opcodes.GETFIELD) {
                if (!readable(owner, f, putFields)) {
                    return null;
                }
                insns.add(f);
                root = -1;
            }
        } else if (n instanceof FieldInsnNode f && f.getOpcode() == Opcodes.GETSTATIC && readable(owner, f, putFields)) {
            insns.add(n);
        } else {
            return null;
        }
        AbstractInsnNode index = insns.get(insns.size() - 1).getNext();
        AbstractInsnNode load = index == null ? null : index.getNext();
        if (index == null || !HoistLoad.isIndex(index) || load == null
                || load.getOpcode() < Opcodes.IALOAD || load.getOpcode() > Opcodes.SALOAD
                || index instanceof VarInsnNode v && written.contains(v.var)) {
            return null;
        }
        insns.add(index);
        insns.add(load);
        return new HoistLoad(List.copyOf(insns), root, load.getOpcode());
    }

    private static boolean readable(ClassNode owner, FieldInsnNode f, Set<String> putFields) {
        return f.desc.startsWith("[") && LoopNest.isPlainField(owner, f) && !putFields.contains(fieldKey(f));
    }

    private static String fieldKey(FieldInsnNode f) {
        return f.owner + "." + f.name + ":" + f.desc;
    }

    /** The row followed by index; xaload of a primitive: the whole element load. */
    private static HoistLoad extend(HoistLoad row, Set<Integer> written) {
        AbstractInsnNode index = row.insns().get(row.insns().size() - 1).getNext();
        AbstractInsnNode load = index == null ? null : index.getNext();
        if (index == null || !HoistLoad.isIndex(index) || load == null
                || index instanceof VarInsnNode v && written.contains(v.var)) {
            return null;
        }
        int op = load.getOpcode();
        if (op < Opcodes.IALOAD || op > Opcodes.SALOAD || op == Opcodes.AALOAD) {
            return null;
        }
        List<AbstractInsnNode> insns = new ArrayList<>(row.insns());
        insns.add(index);
        insns.add(load);
        return new HoistLoad(List.copyOf(insns), row.root(), op);
    }

    /*
     * Kinds of element loads no store in the loop can change for a load rooted at {@code root}: all
     * kinds without a store; for stored kinds, only when the loop body is straight-line (so each
     * store's array lifts to an expression) and every such store goes to a fresh array other than
     * root.
     */
    private static Set<Integer> safeScalarKinds(ClassNode owner, MethodNode method, LoopNestLoop loop,
                                                Set<Integer> storedKinds, int root) {
        Set<Integer> safe = new HashSet<>();
        for (int op = Opcodes.IALOAD; op <= Opcodes.SALOAD; op++) {
            if (!storedKinds.contains(op)) {
                safe.add(op);
            }
        }
        if (storedKinds.isEmpty()) {
            return safe;
        }
        try {
            LoopNestBody body = LoopNestBody.lift(loop.bodyStart(), loop.step());
            LoopNestEscape escape = LoopNestEscape.analyze(owner.name, method);
            Set<Integer> bad = new HashSet<>();
            for (LoopNestExpr.Store s : body.stores()) {
                int kind = s.opcode() - (Opcodes.IASTORE - Opcodes.IALOAD);
                if (s.root() < 0 || s.root() == root || escape.whyNotFresh(s.root(), loop.head()) != null) {
                    bad.add(kind);
                }
            }
            for (int kind : storedKinds) {
                if (!bad.contains(kind)) {
                    safe.add(kind);
                }
            }
        } catch (LoopNestBody.Refused | AnalyzerException e) {
            // not straight-line or not analysable: stored kinds stay unsafe
        }
        return safe;
    }
}
