package dev.selftune.generate.transform;

import dev.selftune.generate.LoopNest;
import dev.selftune.generate.LoopNestExpr;
import dev.selftune.generate.LoopNestLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;

/** Collects the array accesses of a nest body in the form an alias guard can bound and compare. */
final class AliasGuardAccesses {
    private AliasGuardAccesses() { }

    /*
     * Every store and every element load (row loads included: their bounds are checked, their rows
     * are not compared, since only primitive elements are written) must be rooted at a fixed local
     * holding a parameter or a row set before the loops, be at most two deep, and be indexed by the
     * loops' induction variables or non-negative constants. Returns why not, or null.
     */
    static String collect(LoopNest nest, Map<Integer, LoopNestLoop> ivs, Set<Integer> fixed, List<AliasGuard.Access> out) {
        for (LoopNestExpr.Store s : nest.body().stores()) {
            String why = add(s.array(), s.index(), true, ivs, fixed, out);
            if (why != null) {
                return why;
            }
        }
        for (LoopNestExpr.Element e : nest.body().loads()) {
            String why = add(e.array(), e.index(), false, ivs, fixed, out);
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    private static String add(LoopNestExpr array, LoopNestExpr index, boolean written, Map<Integer, LoopNestLoop> ivs,
                              Set<Integer> fixed, List<AliasGuard.Access> out) {
        List<LoopNestExpr> address = new ArrayList<>();
        address.add(index);
        LoopNestExpr a = array;
        while (a instanceof LoopNestExpr.Element e && e.opcode() == Opcodes.AALOAD) {
            address.add(0, e.index());
            a = e.array();
        }
        if (!(a instanceof LoopNestExpr.Local l) || l.opcode() != Opcodes.ALOAD || !fixed.contains(l.slot())) {
            return "an array the nest accesses is not a parameter or a local set before the loops";
        }
        if (address.size() > 2) {
            return "an access is more than two deep (only a[i] and a[i][j] are guarded)";
        }
        List<AliasGuard.Index> indices = new ArrayList<>();
        for (LoopNestExpr x : address) {
            if (x instanceof LoopNestExpr.Local v && v.opcode() == Opcodes.ILOAD && ivs.containsKey(v.slot())) {
                indices.add(new AliasGuard.Index(ivs.get(v.slot()), 0));
            } else if (x instanceof LoopNestExpr.Const c && c.value() instanceof Integer k && k >= 0) {
                indices.add(new AliasGuard.Index(null, k));
            } else {
                return "an index is not a loop's induction variable or a non-negative constant";
            }
        }
        AliasGuard.Access access = new AliasGuard.Access(l.slot(), List.copyOf(indices), written);
        boolean seen = out.stream().anyMatch(o -> o.root() == access.root() && o.indices().equals(access.indices()));
        if (!seen) {
            /* A read at the address of a write is the write's own element: it is not compared with itself. */
            out.removeIf(o -> !o.written() && written && o.root() == access.root() && o.indices().equals(access.indices()));
            out.add(access);
        }
        return null;
    }
}
