package dev.selftune.generate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Gives the unit ({@link TunedMethods}) private copies of its members that other code may call, and
 * routes the unit's calls to them, so a transform can rewrite a public callee while every caller
 * outside the unit keeps the original: {@code sort(a)} calls {@code sort$unit$1(a, 0, n)}, which
 * recurses into itself; {@code sort(a, from, to)} stays as it was.
 */
public final class UnitRouting {
    /** The infix of a copy's name: {@code sort$unit$1}, same descriptor as {@code sort}. */
    public static final String INFIX = "$unit$";

    private UnitRouting() { }

    /*
     * Which members are copied: every non-private member but the target (the target is what the
     * verifier calls and what is installed; it is rewritten in place as before), and every private
     * member that calls a copied one (else it would have to call the copy, and callers outside the
     * unit that reach it would run the rewritten code). The other private members are rewritten in
     * place, as private helpers always were. Copies are private and synthetic (static when the
     * original is); an instance call to a copy is invokespecial, which every class-file version
     * allows for a private method of the class itself (JVMS 6.5 invokespecial).
     */
    static boolean[] routed(ClassNode owner, List<MethodNode> unit) {
        boolean[] out = new boolean[unit.size()];
        for (int i = 1; i < unit.size(); i++) {
            out[i] = !TunedMethods.isPrivate(unit.get(i));
        }
        for (boolean grew = true; grew; ) {
            grew = false;
            for (int i = 1; i < unit.size(); i++) {
                if (!out[i] && callsAny(owner.name, unit.get(i), unit, out)) {
                    out[i] = true;
                    grew = true;
                }
            }
        }
        return out;
    }

    /** The copy of {@code name desc} in {@code cn}, or null before {@link #route} made it. */
    static MethodNode copyOf(ClassNode cn, String name, String desc) {
        for (MethodNode m : cn.methods) {
            if (m.desc.equals(desc) && m.name.startsWith(name + INFIX) && isIndex(m.name.substring(name.length() + INFIX.length()))) {
                return m;
            }
        }
        return null;
    }

    /** {@code sort} for {@code sort$unit$1}; other names unchanged. */
    public static String originalName(String name) {
        int at = name.indexOf(INFIX);
        return at > 0 && isIndex(name.substring(at + INFIX.length())) ? name.substring(0, at) : name;
    }

    /**
     * Adds the copies of the routed members ({@code methods[i]} = name, descriptor) to {@code cn}
     * unless it has them, and points the calls of the target and of every copy at the copies.
     * Returns the keys ({@code name + desc}) of the methods whose code this changed; empty when
     * {@code cn} was routed already.
     */
    static Set<String> route(ClassNode cn, List<String[]> methods, boolean[] routed) {
        Set<String> changed = new LinkedHashSet<>();
        List<MethodNode> copies = new ArrayList<>();
        List<String[]> renamed = new ArrayList<>();
        for (int i = 1; i < methods.size(); i++) {
            if (!routed[i] || copyOf(cn, methods.get(i)[0], methods.get(i)[1]) != null) {
                continue;
            }
            MethodNode original = TunedMethods.find(cn, methods.get(i)[0], methods.get(i)[1]);
            MethodNode copy = copy(original, freeName(cn, original.name));
            cn.methods.add(copy);
            copies.add(copy);
            renamed.add(new String[] {original.name, original.desc, copy.name});
        }
        if (copies.isEmpty()) {
            return changed;
        }
        List<MethodNode> callers = new ArrayList<>(copies);
        callers.add(TunedMethods.find(cn, methods.get(0)[0], methods.get(0)[1]));
        for (MethodNode m : callers) {
            for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
                if (n instanceof MethodInsnNode call && call.owner.equals(cn.name)) {
                    for (String[] r : renamed) {
                        if (call.name.equals(r[0]) && call.desc.equals(r[1])) {
                            call.name = r[2];
                            if (call.getOpcode() == Opcodes.INVOKEVIRTUAL) {
                                call.setOpcode(Opcodes.INVOKESPECIAL);
                            }
                            changed.add(m.name + m.desc);
                        }
                    }
                }
            }
        }
        copies.forEach(c -> changed.add(c.name + c.desc));
        return changed;
    }

    private static boolean callsAny(String owner, MethodNode m, List<MethodNode> unit, boolean[] which) {
        for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof MethodInsnNode call && call.owner.equals(owner)) {
                for (int j = 1; j < unit.size(); j++) {
                    if (which[j] && call.name.equals(unit.get(j).name) && call.desc.equals(unit.get(j).desc)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String freeName(ClassNode cn, String name) {
        for (int k = 1; ; k++) {
            String n = name + INFIX + k;
            if (cn.methods.stream().noneMatch(m -> m.name.equals(n))) {
                return n;
            }
        }
    }

    /** A private synthetic copy of {@code m} named {@code name}: static, strictfp, varargs and synchronized kept, annotations dropped. */
    public static MethodNode copy(MethodNode m, String name) {
        int access = Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC
                | (m.access & (Opcodes.ACC_STATIC | Opcodes.ACC_STRICT | Opcodes.ACC_VARARGS | Opcodes.ACC_SYNCHRONIZED));
        MethodNode copy = new MethodNode(Opcodes.ASM9, access, name, m.desc, m.signature,
                m.exceptions == null ? null : m.exceptions.toArray(String[]::new));
        m.accept(copy);
        copy.access = access;
        copy.name = name;
        copy.visibleAnnotations = null;
        copy.invisibleAnnotations = null;
        copy.visibleParameterAnnotations = null;
        copy.invisibleParameterAnnotations = null;
        copy.annotationDefault = null;
        return copy;
    }

    private static boolean isIndex(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
