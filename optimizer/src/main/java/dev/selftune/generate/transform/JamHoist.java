package dev.selftune.generate.transform;

import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import dev.selftune.generate.CountedLoops;

/**
 * The field reads of a jammed inner loop that the jammed block reads once, before the loop, into a
 * local: {@code a.data}, {@code b.data}, {@code b.numCols} in EJML's {@code mult_small}. Keyed by
 * the receiver's local and the field as the instruction names it.
 *
 * <p>Why: C2 should hoist such loads itself, and on a small heap it does; but with compressed oops
 * in zero-based mode (a heap over 4 GB, the default on a 24 GB machine) the jammed EJML kernel ran
 * at 608 us where the same bytes ran at 443 us with {@code -Xmx1g} or without compressed oops
 * (JMH, 2 fork pairs each): the decode of {@code a.data}/{@code b.data} stayed in a loop that jamming
 * made throughput-bound, where the single-accumulator original hides it behind its add latency.
 * Reading them once removes that dependence on the JVM's heap size.
 *
 * <p>Exact because: the inner loop neither writes memory nor calls (JamPlan refuses it otherwise),
 * so no instruction of this thread changes the field while it runs, and a racing write to a
 * non-volatile field may be seen late (JLS 17.4; volatile fields, or fields whose flags cannot be
 * read, stay); the receiver is a local the outer body never writes. The read now happens before the
 * inner loop's first test, even when it runs zero times: a null receiver then throws inside the
 * jammed block's RuntimeException handler, which replays the iteration with the original body.
 */
record JamHoist(Map<String, FieldInsnNode> fields, Map<String, Integer> receivers) {
    static final JamHoist NONE = new JamHoist(Map.of(), Map.of());

    static JamHoist find(ClassNode owner, MethodNode m, JamPlan plan, Function<String, InputStream> resources) {
        Set<Integer> written = new HashSet<>();
        for (AbstractInsnNode n = plan.outer().bodyFirst(); n != plan.outer().iv().update(); n = n.getNext()) {
            if (n instanceof IincInsnNode inc) {
                written.add(inc.var);
            } else if (n instanceof VarInsnNode v && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE) {
                written.add(v.var);
            }
        }
        Map<String, FieldInsnNode> fields = new LinkedHashMap<>();
        Map<String, Integer> receivers = new LinkedHashMap<>();
        for (AbstractInsnNode n = plan.inner().head(); n != plan.inner().backEdge(); n = n.getNext()) {
            String key = key(n);
            if (key == null || fields.containsKey(key)) {
                continue;
            }
            VarInsnNode receiver = (VarInsnNode) CountedLoops.previousReal(n);
            int x = receiver.var;
            if (x == plan.outer().iv().slot() || written.contains(x) || plan.privates().containsKey(x)
                    || FieldFlags.of(owner, (FieldInsnNode) n, resources) != FieldFlags.Volatility.PLAIN) {
                continue;
            }
            fields.put(key, (FieldInsnNode) n);
            receivers.put(key, x);
        }
        return fields.isEmpty() ? NONE : new JamHoist(Map.copyOf(fields), Map.copyOf(receivers));
    }

    /* "aload x; getfield f" read at n (the getfield): its key, else null. */
    static String key(AbstractInsnNode n) {
        if (!(n instanceof FieldInsnNode f) || f.getOpcode() != Opcodes.GETFIELD) {
            return null;
        }
        AbstractInsnNode p = CountedLoops.previousReal(n);
        return p instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD ? v.var + " " + f.owner + "." + f.name + ":" + f.desc : null;
    }

    static int loadOpcode(FieldInsnNode f) {
        return Type.getType(f.desc).getOpcode(Opcodes.ILOAD);
    }

    static int storeOpcode(FieldInsnNode f) {
        return Type.getType(f.desc).getOpcode(Opcodes.ISTORE);
    }

    static int size(FieldInsnNode f) {
        return Type.getType(f.desc).getSize();
    }
}
