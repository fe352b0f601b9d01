package dev.selftune.generate.transform;

import dev.selftune.generate.LoopNest;
import dev.selftune.generate.LoopNestLoop;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The analysis half of an alias guard for a loop nest: what the guard must check so that a
 * reordered copy of the nest is exact. Built only when every fact the guard needs can be computed
 * on entry; {@link #whyNot} says which rule failed otherwise. {@link AliasGuardCode} writes the guard.
 */
final class AliasGuard {
    /* One array access of the nest: the parameter it is rooted at and its index components (iv slot or constant). */
    record Access(int root, List<Index> indices, boolean written) { }

    /* An index component: the induction variable of a chain loop, or a constant (loop == null). */
    record Index(LoopNestLoop loop, int constant) { }

    final List<LoopNestLoop> chain;
    final List<Access> accesses;
    final List<AbstractInsnNode> prefix;
    final String whyNot;

    private AliasGuard(List<LoopNestLoop> chain, List<Access> accesses, List<AbstractInsnNode> prefix, String whyNot) {
        this.chain = chain;
        this.accesses = accesses;
        this.prefix = prefix;
        this.whyNot = whyNot;
    }

    private static AliasGuard refused(String why) {
        return new AliasGuard(List.of(), List.of(), List.of(), why);
    }

    /*
     * Rules, each what the guard's argument needs:
     * - no AASTORE and no call in the method: rows and their lengths cannot change between the
     *   guard and the nest, so identities and lengths checked on entry still hold there;
     * - no try block: an exception caught inside would make "the nest cannot throw" insufficient;
     * - the straight-line prefix before the outermost enclosing loop only loads, computes and stores
     *   locals, so the guard can run a copy of it (a throw there is caught: fallback);
     * - the loops around and in the nest are counted loops whose inits and bounds read only locals
     *   set by that prefix (or unstored parameters), lengths and rows;
     * - every array access of the nest body is param[iv or constant] or param[..][..];
     * - the body has no division and no field or length read (the only throws left are the
     *   accesses, which the guard bounds).
     */
    static AliasGuard analyze(MethodNode method, LoopNest nest) {
        for (AbstractInsnNode n : method.instructions) {
            int op = n.getOpcode();
            if (op == Opcodes.AASTORE || n instanceof MethodInsnNode || op == Opcodes.INVOKEDYNAMIC
                    || op == Opcodes.MONITORENTER) {
                return refused("the method stores references into arrays or calls methods, so rows could change after the guard");
            }
        }
        if (method.tryCatchBlocks != null && !method.tryCatchBlocks.isEmpty()) {
            return refused("the method has a try block");
        }
        List<LoopNestLoop> chain = new ArrayList<>();
        int start = index(method, nest.outer().head());
        int end = index(method, nest.outer().back());
        for (LoopNestLoop l : LoopNestLoop.find(method)) {
            if (index(method, l.head()) < start && index(method, l.back()) > end) {
                chain.add(l);
            }
        }
        chain.add(nest.outer());
        chain.add(nest.inner());
        AbstractInsnNode first = chain.get(0).init();
        List<AbstractInsnNode> prefix = new ArrayList<>();
        Set<LabelNode> targets = dev.selftune.generate.LoopBodies.jumpTargets(method);
        Set<Integer> prefixStores = new HashSet<>();
        for (AbstractInsnNode n = method.instructions.getFirst(); n != first; n = n.getNext()) {
            if (n instanceof LabelNode l && targets.contains(l)) {
                return refused("code before the loops is jumped to");
            }
            int op = n.getOpcode();
            if (op < 0) {
                continue;
            }
            if (!pureOrLocalStore(op)) {
                return refused("code before the loops does more than load, compute and store locals ("
                        + org.objectweb.asm.util.Printer.OPCODES[op] + ")");
            }
            if (n instanceof VarInsnNode v && op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
                prefixStores.add(v.var);
            }
            prefix.add(n);
        }
        Set<Integer> fixed = fixedLocals(method, first, prefixStores);
        Map<Integer, LoopNestLoop> ivs = new LinkedHashMap<>();
        for (LoopNestLoop l : chain) {
            ivs.put(l.iv(), l);
        }
        String loops = checkLoops(method, chain, fixed, ivs.keySet());
        if (loops != null) {
            return refused(loops);
        }
        for (AbstractInsnNode n = nest.inner().bodyStart(); n != nest.inner().step(); n = n.getNext()) {
            int op = n.getOpcode();
            if (op == Opcodes.IDIV || op == Opcodes.IREM || op == Opcodes.LDIV || op == Opcodes.LREM
                    || op == Opcodes.ARRAYLENGTH || op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC) {
                return refused("the body divides or reads a field or length, which could throw where the guard does not look");
            }
        }
        List<Access> accesses = new ArrayList<>();
        String why = AliasGuardAccesses.collect(nest, ivs, fixed, accesses);
        if (why != null) {
            return refused(why);
        }
        return new AliasGuard(List.copyOf(chain), List.copyOf(accesses), prefix, null);
    }

    /* Parameters never stored, and locals stored only in the prefix. */
    private static Set<Integer> fixedLocals(MethodNode method, AbstractInsnNode first, Set<Integer> prefixStores) {
        Set<Integer> storedAfter = new HashSet<>();
        boolean after = false;
        for (AbstractInsnNode n : method.instructions) {
            after |= n == first;
            if (after && n instanceof VarInsnNode v && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE) {
                storedAfter.add(v.var);
            } else if (after && n instanceof IincInsnNode inc) {
                storedAfter.add(inc.var);
            }
        }
        Set<Integer> fixed = new HashSet<>();
        int slot = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        for (Type t : Type.getArgumentTypes(method.desc)) {
            slot += t.getSize();
        }
        for (int s = 0; s < Math.max(slot, method.maxLocals); s++) {
            if (!storedAfter.contains(s) && (s < slot || prefixStores.contains(s))) {
                fixed.add(s);
            }
        }
        return fixed;
    }

    /* Inits and bounds read only fixed locals, constants, lengths, rows and sums; each iv is written only by its own loop. */
    private static String checkLoops(MethodNode method, List<LoopNestLoop> chain, Set<Integer> fixed, Set<Integer> ivs) {
        if (ivs.size() != chain.size()) {
            return "two loops around the nest share an induction variable";
        }
        for (LoopNestLoop l : chain) {
            List<AbstractInsnNode> parts = new ArrayList<>(l.bound());
            parts.add(0, l.init());
            for (AbstractInsnNode b : parts) {
                int op = b.getOpcode();
                boolean ok = b instanceof VarInsnNode v ? (op == Opcodes.ILOAD || op == Opcodes.ALOAD) && fixed.contains(v.var)
                        : isConstInt(b) || op == Opcodes.ARRAYLENGTH || op == Opcodes.AALOAD || op == Opcodes.IADD
                        || op == Opcodes.ISUB;
                if (!ok) {
                    return "a loop's start or bound is not computed from parameters and locals set before the loops";
                }
            }
        }
        int from = index(method, chain.get(0).init());
        int to = index(method, chain.get(0).back());
        for (int i = from; i <= to; i++) {
            AbstractInsnNode n = method.instructions.get(i);
            int var = n instanceof IincInsnNode inc ? inc.var : n instanceof VarInsnNode v && v.getOpcode() == Opcodes.ISTORE ? v.var : -1;
            if (ivs.contains(var) && chain.stream().noneMatch(l -> l.store() == n || l.step() == n)) {
                return "an induction variable is written inside the loops, not only by its loop's step";
            }
        }
        return null;
    }

    static boolean isConstInt(AbstractInsnNode n) {
        int op = n.getOpcode();
        return op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5 || op == Opcodes.BIPUSH || op == Opcodes.SIPUSH
                || op == Opcodes.LDC && ((org.objectweb.asm.tree.LdcInsnNode) n).cst instanceof Integer;
    }

    private static boolean pureOrLocalStore(int op) {
        return op >= Opcodes.ACONST_NULL && op <= Opcodes.LDC
                || op >= Opcodes.ILOAD && op <= Opcodes.ALOAD
                || op >= Opcodes.IALOAD && op <= Opcodes.SALOAD
                || op >= Opcodes.ISTORE && op <= Opcodes.ASTORE
                || op >= Opcodes.POP && op <= Opcodes.SWAP
                || op >= Opcodes.IADD && op <= Opcodes.DCMPG && op != Opcodes.IINC
                || op == Opcodes.IINC || op == Opcodes.ARRAYLENGTH;
    }

    static int index(MethodNode method, AbstractInsnNode n) {
        return method.instructions.indexOf(n);
    }
}
