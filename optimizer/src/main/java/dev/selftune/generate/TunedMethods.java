package dev.selftune.generate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The methods a tuning run may rewrite, its unit: the target (index 0) and the methods of its class
 * it spends its time in, transitively (1.., in the order a breadth-first walk of the calls meets
 * them), within {@link #MAX_DEPTH}, {@link #MAX_METHODS} and {@link #MAX_INSNS}.
 */
public final class TunedMethods {
    /** Calls followed from the target: its callees are at depth 1, theirs at 2, and so on. */
    public static final int MAX_DEPTH = 3;
    /** The unit's size, target included. */
    public static final int MAX_METHODS = 8;
    /** A callee with more instructions than this is left out (HotSpot gives up on huge methods anyway). */
    public static final int MAX_INSNS = 2000;

    private TunedMethods() { }

    /*
     * Which callees: a call to this class whose target cannot be overridden, so the method called
     * is the one in this class's bytes: private methods, static methods, final methods, methods of a
     * final class. A public entry that delegates (sort(a) -> sort(a, 0, a.length), where the
     * cut-offs live) spends its time in such a callee, often a public recursive one. Non-private
     * members are not rewritten in place: callers outside the unit would see code only the target's
     * inputs verified. The generator rewrites a private copy and routes the unit's calls to it
     * (UnitRouting). Interfaces are followed only into private methods (a copy there would be a
     * private interface method, Java 9). The bounds keep the unit to where a delegating entry's
     * time is: two or three calls deep, a handful of methods; a callee over MAX_INSNS instructions
     * is not copied (past 8000 bytecode bytes HotSpot does not compile it at all).
     */
    public static List<MethodNode> of(ClassNode owner, MethodNode target) {
        List<MethodNode> out = new ArrayList<>();
        out.add(target);
        List<Integer> depth = new ArrayList<>(List.of(0));
        for (int i = 0; i < out.size() && out.size() < MAX_METHODS; i++) {
            if (depth.get(i) >= MAX_DEPTH) {
                continue;
            }
            for (AbstractInsnNode n = out.get(i).instructions.getFirst(); n != null && out.size() < MAX_METHODS; n = n.getNext()) {
                MethodNode callee = n instanceof MethodInsnNode call && call.owner.equals(owner.name)
                        ? find(owner, call.name, call.desc) : null;
                if (callee != null && !out.contains(callee) && follows(owner, callee)) {
                    out.add(callee);
                    depth.add(depth.get(i) + 1);
                }
            }
        }
        return out;
    }

    /**
     * Every method of {@code owner} that {@code from} can run, itself included, as name + descriptor: same-class
     * calls of any kind and method handles of {@code invokedynamic} (a lambda's body), followed without bound.
     * A unit member a variant no longer reaches (its entry now calls a sibling algorithm instead) is dead code
     * there: an edit of it changes the bytes and nothing a call runs.
     */
    public static Set<String> reachable(ClassNode owner, MethodNode from) {
        Set<String> out = new LinkedHashSet<>();
        Deque<MethodNode> work = new ArrayDeque<>(List.of(from));
        out.add(from.name + from.desc);
        while (!work.isEmpty()) {
            for (AbstractInsnNode n = work.pop().instructions.getFirst(); n != null; n = n.getNext()) {
                List<String[]> refs = new ArrayList<>();
                if (n instanceof MethodInsnNode call && call.owner.equals(owner.name)) {
                    refs.add(new String[] {call.name, call.desc});
                } else if (n instanceof InvokeDynamicInsnNode indy) {
                    for (Object a : indy.bsmArgs) {
                        if (a instanceof Handle h && h.getOwner().equals(owner.name)) {
                            refs.add(new String[] {h.getName(), h.getDesc()});
                        }
                    }
                }
                for (String[] r : refs) {
                    for (MethodNode m : owner.methods) {
                        if (m.name.equals(r[0]) && m.desc.equals(r[1]) && out.add(m.name + m.desc)) {
                            work.push(m);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Whether a same-class call to {@code callee} is followed into the unit (bounds aside from the walk). */
    static boolean follows(ClassNode owner, MethodNode callee) {
        if (!hasBody(callee) || callee.name.startsWith("<") || callee.instructions.size() > MAX_INSNS) {
            return false;
        }
        if (isPrivate(callee)) {
            return true;
        }
        boolean fixed = (callee.access & (Opcodes.ACC_STATIC | Opcodes.ACC_FINAL)) != 0 || (owner.access & Opcodes.ACC_FINAL) != 0;
        return fixed && (owner.access & Opcodes.ACC_INTERFACE) == 0;
    }

    static boolean isPrivate(MethodNode m) {
        return (m.access & Opcodes.ACC_PRIVATE) != 0;
    }

    public static MethodNode find(ClassNode owner, String name, String desc) {
        MethodNode found = null;
        for (MethodNode m : owner.methods) {
            if (m.name.equals(name) && (desc == null || m.desc.equals(desc))) {
                if (found != null) {
                    throw new IllegalArgumentException("method " + name + " is overloaded in " + owner.name
                            + " (" + found.desc + ", " + m.desc + "): pass its descriptor");
                }
                found = m;
            }
        }
        return found;
    }

    public static boolean hasBody(MethodNode m) {
        return (m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0 && m.instructions.size() > 0;
    }
}
