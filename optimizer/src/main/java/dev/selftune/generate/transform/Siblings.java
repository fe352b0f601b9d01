package dev.selftune.generate.transform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import dev.selftune.generate.UnitRouting;

/**
 * The siblings {@link AlgorithmChoice} may call instead of a callee: per static call of a method into
 * its own class, the same-class static methods of that descriptor and name family it accepts.
 */
final class Siblings {
    static final int MAX_REACH = 16;
    private static final Set<String> PURE = Set.of("java/lang/Math", "java/lang/StrictMath", "java/lang/Integer",
            "java/lang/Long", "java/lang/Short", "java/lang/Byte", "java/lang/Character", "java/lang/Boolean",
            "java/lang/Float", "java/lang/Double", "java/util/Arrays", "java/util/Objects");

    private Siblings() { }

    /** The static calls of {@code method} into its own class, in order: a candidate's {@code call} indexes them. */
    static List<MethodInsnNode> calls(ClassNode owner, MethodNode method) {
        List<MethodInsnNode> out = new ArrayList<>();
        for (AbstractInsnNode n = method.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof MethodInsnNode c && c.getOpcode() == Opcodes.INVOKESTATIC && c.owner.equals(owner.name)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Per call of {@link #calls}, its siblings in the order tried; {@code why} (when not null) gets, per callee without one, the reason. */
    static List<List<MethodNode>> sites(ClassNode owner, MethodNode method, int maxInsns, Map<String, String> why) {
        List<List<MethodNode>> out = new ArrayList<>();
        for (MethodInsnNode c : calls(owner, method)) {
            out.add(siblings(owner, method, c, maxInsns, why));
        }
        return out;
    }

    private static List<MethodNode> siblings(ClassNode owner, MethodNode caller, MethodInsnNode c, int maxInsns,
                                             Map<String, String> why) {
        MethodNode callee = find(owner, c.name, c.desc);
        String base = UnitRouting.originalName(c.name);
        String family = family(base);
        String reason = null;
        List<MethodNode> out = new ArrayList<>();
        List<MethodNode> reach = callee == null ? List.of() : closure(owner, callee);
        boolean recursive = reach.stream().anyMatch(m -> calls(m, callee));
        if (callee == null) {
            reason = "not declared in this class";
        } else if (callee == caller) {
            reason = "a recursive call (replacing it would change the algorithm, not pick a base case)";
        } else if (recursive && reach.contains(caller)) {
            reason = "recursive, and this call is inside its recursion (it reaches back to " + caller.name
                    + "): it carries the algorithm's divide step, which a sibling would replace from within";
        } else if (family == null) {
            reason = "its name has no last camel-case word to match siblings by";
        } else {
            Set<String> allowed = effects(owner, callee);
            String callerKey = UnitRouting.originalName(caller.name) + caller.desc;
            for (MethodNode a : owner.methods) {
                if ((a.access & Opcodes.ACC_STATIC) == 0 || (a.access & Opcodes.ACC_SYNTHETIC) != 0 || a.name.contains("$")
                        || !a.desc.equals(c.desc) || a.name.equals(base) || !family.equals(family(a.name))
                        || a.instructions.size() == 0) {
                    continue;
                }
                String no = a.instructions.size() > maxInsns ? "larger than the policy's maxCopiedInsns"
                        : reaches(owner, a, callerKey) ? "reaches back into " + callerKey
                        : !allowed.containsAll(effects(owner, a)) ? "calls or writes what " + base + " does not" : null;
                if (no == null) {
                    out.add(a);
                } else {
                    reason = (reason == null ? "" : reason + ", ") + "sibling " + a.name + " " + no;
                }
            }
            if (out.isEmpty() && reason == null) {
                reason = "no static method of this class with descriptor " + c.desc + " has a name ending in " + family;
            }
        }
        if (why != null && out.isEmpty()) {
            why.putIfAbsent(c.name, reason);
        }
        /*
         * For a base case, leaves first (a simple sort for the small case). For the call that enters a recursive
         * algorithm (a recursive callee that got this far is called from outside its recursion), the sibling replaces the whole job: algorithms (siblings that call others) first, leaves last,
         * since a leaf there is usually a base case whose cost grows faster (insertionSort for a whole quickSort).
         */
        out.sort(Comparator.comparingInt((MethodNode a) -> {
                    boolean leaf = closure(owner, a).size() == 1 && effects(owner, a).isEmpty();
                    return leaf != recursive ? 0 : 1;
                }).thenComparingInt(a -> a.instructions.size()));
        return out;
    }

    /** {@code insertionSort} -> {@code Sort}; null for a name of one word ({@code med3}). */
    static String family(String name) {
        for (int i = name.length() - 1; i > 0; i--) {
            if (Character.isUpperCase(name.charAt(i))) {
                return Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)) ? name.substring(i) : null;
            }
        }
        return null;
    }

    /* The methods of this class m reaches (m first), or more than MAX_REACH of them when it reaches that many. */
    private static List<MethodNode> closure(ClassNode owner, MethodNode m) {
        List<MethodNode> out = new ArrayList<>(List.of(m));
        for (int i = 0; i < out.size() && out.size() <= MAX_REACH; i++) {
            for (AbstractInsnNode n = out.get(i).instructions.getFirst(); n != null; n = n.getNext()) {
                if (n instanceof MethodInsnNode c && c.owner.equals(owner.name)) {
                    MethodNode t = find(owner, c.name, c.desc);
                    if (t != null && !out.contains(t)) {
                        out.add(t);
                    }
                }
            }
        }
        return out;
    }

    private static boolean calls(MethodNode m, MethodNode callee) {
        for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof MethodInsnNode c && c.name.equals(callee.name) && c.desc.equals(callee.desc)) {
                return true;
            }
        }
        return false;
    }

    private static boolean reaches(ClassNode owner, MethodNode a, String callerKey) {
        List<MethodNode> c = closure(owner, a);
        return c.size() > MAX_REACH || c.stream().anyMatch(m -> (UnitRouting.originalName(m.name) + m.desc).equals(callerKey));
    }

    /* What m's closure does outside computing: calls leaving the class (other than pure ones), field writes, invokedynamic. */
    private static Set<String> effects(ClassNode owner, MethodNode m) {
        Set<String> out = new LinkedHashSet<>();
        for (MethodNode x : closure(owner, m)) {
            for (AbstractInsnNode n = x.instructions.getFirst(); n != null; n = n.getNext()) {
                if (n instanceof MethodInsnNode c && !c.owner.equals(owner.name) && !PURE.contains(c.owner)
                        && !c.owner.startsWith("[") && !("java/lang/System".equals(c.owner) && "arraycopy".equals(c.name))) {
                    out.add("call " + c.owner + "." + c.name + c.desc);
                } else if (n instanceof FieldInsnNode f
                        && (f.getOpcode() == Opcodes.PUTFIELD || f.getOpcode() == Opcodes.PUTSTATIC)) {
                    out.add("write " + f.owner + "." + f.name);
                } else if (n.getType() == AbstractInsnNode.INVOKE_DYNAMIC_INSN) {
                    out.add("invokedynamic");
                }
            }
        }
        return out;
    }

    private static MethodNode find(ClassNode owner, String name, String desc) {
        for (MethodNode m : owner.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) {
                return m;
            }
        }
        return null;
    }
}
