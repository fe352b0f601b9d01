package dev.selftune.generate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The methods a tuning run may rewrite: the target (index 0) and the private methods of its class
 * that it calls, transitively (1.., in the order a breadth-first walk of the calls meets them).
 */
public final class TunedMethods {
    private TunedMethods() { }

    /*
     * Only private methods: nothing outside the class can call them, so rewriting one cannot change
     * behaviour for a caller the differential test does not see. Abstract and native ones have no
     * body; <init> and <clinit> are never private helpers in this sense.
     */
    public static List<MethodNode> of(ClassNode owner, MethodNode target) {
        List<MethodNode> out = new ArrayList<>();
        out.add(target);
        Deque<MethodNode> work = new ArrayDeque<>(out);
        while (!work.isEmpty()) {
            MethodNode m = work.poll();
            for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
                if (n instanceof MethodInsnNode call && call.owner.equals(owner.name)) {
                    MethodNode callee = find(owner, call.name, call.desc);
                    if (callee != null && !out.contains(callee) && (callee.access & Opcodes.ACC_PRIVATE) != 0
                            && hasBody(callee) && !callee.name.startsWith("<")) {
                        out.add(callee);
                        work.add(callee);
                    }
                }
            }
        }
        return out;
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
