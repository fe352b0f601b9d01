package dev.selftune.generate.transform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import dev.selftune.generate.Imports;
import dev.selftune.generate.Multiversion;
import dev.selftune.generate.TransformContext;
import dev.selftune.generate.UnitRouting;

/**
 * The (call, receiver class) pairs {@link GuardedDevirtualise} may guard in a method: an
 * {@code invokevirtual} or {@code invokeinterface} inside a loop, and a class C that the caller rows
 * hold objects of and that is a subtype of the call's owner, whose selected method's code means the
 * same copied into the target's class ({@link Imports#copyRefusal}). Refusals go to {@code why}.
 */
final class DevirtSites {
    /** At most this many classes are guarded per call, the most common in the rows first. */
    static final int MAX_CLASSES = 3;

    /** A call to guard, the receiver class C (internal name) and the method C's objects run for it. */
    record Site(MethodInsnNode call, String receiver, MethodNode body) { }

    private DevirtSites() { }

    static List<Site> sites(ClassNode owner, MethodNode method, TransformContext ctx, Map<String, String> why) {
        List<Site> out = new ArrayList<>();
        String not = Multiversion.whyNot(owner, method);
        if (not != null) {
            why.put(method.name, not);
            return out;
        }
        List<String> classes = new ArrayList<>(ctx.usualValues().classCounts().keySet());
        if (classes.isEmpty()) {
            why.put("rows", "no caller rows (--inputs or captured calls) show which classes reach its calls, so no "
                    + "class can be guarded (generated rows are no evidence)");
            return out;
        }
        List<MethodInsnNode> calls = InlineSites.loopCalls(method, c -> (c.getOpcode() == Opcodes.INVOKEVIRTUAL
                || c.getOpcode() == Opcodes.INVOKEINTERFACE) && !c.owner.startsWith("["));
        if (calls.isEmpty()) {
            why.put("calls", "makes no virtual or interface call inside a loop");
            return out;
        }
        Imports checker = Imports.checker(owner, ctx.classes());
        for (MethodInsnNode call : calls) {
            String key = call.owner.replace('/', '.') + "." + UnitRouting.originalName(call.name) + call.desc;
            int taken = 0;
            for (String c : classes) {
                Boolean sub = subtype(checker, c, call.owner);
                if (taken >= MAX_CLASSES || Boolean.FALSE.equals(sub) || sub == null && !Imports.isJdk(c)) {
                    continue;
                }
                taken++;
                String[] reason = new String[1];
                MethodNode body = selected(checker, owner, c, call, ctx.policy().maxCopiedInsns(), reason);
                if (body != null && callsBack(body, owner, method)) {
                    reason[0] = "its " + call.name + " calls " + method.name + " back: each pass through the guarded call "
                            + "would add frames, and a deep recursion could overflow the stack where the original did not";
                    body = null;
                }
                if (body == null) {
                    why.putIfAbsent(key + "@" + c, "at the call to " + key + ", receiver class " + c.replace('/', '.')
                            + ": " + reason[0]);
                } else {
                    out.add(new Site(call, c, body));
                }
            }
            if (taken == 0) {
                why.putIfAbsent(key, "none of the classes in the caller rows (" + String.join(", ", classes).replace('/', '.')
                        + ") is a " + call.owner.replace('/', '.') + ", the receiver type of the call to " + key);
            }
        }
        return out;
    }

    /*
     * The method invokevirtual/invokeinterface selects for an object of exactly class c (JVMS 5.4.6):
     * the first non-private instance declaration up c's superclass chain. Null, with the reason, when
     * that code is JDK code, not public (another package's method may not override; the copy could
     * not reach it), in a default method, or not a faithful copy in the target's class.
     */
    private static MethodNode selected(Imports checker, ClassNode owner, String c, MethodInsnNode call, int maxInsns,
                                       String[] reason) {
        if (Imports.isJdk(c)) {
            reason[0] = "it is a JDK class, whose code is never copied";
            return null;
        }
        ClassNode cn = checker.classNode(c);
        if (cn == null) {
            reason[0] = "its class file could not be read";
            return null;
        }
        if ((cn.access & Opcodes.ACC_PUBLIC) == 0 && !c.equals(owner.name)) {
            reason[0] = "the class is not public, so the target's class may not name it in a guard (a package-private "
                    + "class is out of reach from another class loader)";
            return null;
        }
        if (call.getOpcode() == Opcodes.INVOKEVIRTUAL && !overridable(checker, call)) {
            reason[0] = "the method the call resolves to in " + call.owner.replace('/', '.') + " is not public or protected, so "
                    + "which override the JVM selects depends on packages";
            return null;
        }
        for (ClassNode k = cn; k != null; k = k.superName == null ? null : checker.classNode(k.superName)) {
            MethodNode m = declared(k, call.name, call.desc);
            if (Imports.isJdk(k.name)) {
                reason[0] = m != null ? "it inherits " + call.name + " from the JDK class " + k.name.replace('/', '.')
                        + ", whose code is never copied" : "it declares no " + call.name + call.desc
                        + " in its class chain (a default method of an interface is not copied)";
                return null;
            }
            if (m == null) {
                continue;
            }
            String kn = k.name.replace('/', '.') + "." + m.name;
            if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                reason[0] = kn + " has no bytecode (abstract or native)";
            } else if ((m.access & Opcodes.ACC_PUBLIC) == 0 && !k.name.equals(owner.name)) {
                reason[0] = kn + " is not public";
            } else if (m.instructions.size() > maxInsns) {
                reason[0] = kn + " has " + m.instructions.size() + " instructions, over the policy's maxCopiedInsns " + maxInsns;
            } else {
                String why = checker.copyRefusal(k, m);
                reason[0] = why == null ? null : kn + " cannot be copied: " + why;
            }
            return reason[0] == null ? m : null;
        }
        reason[0] = "its superclass chain could not be read";
        return null;
    }

    /* True when the class method the call resolves to is public or protected: any public declaration below overrides it. */
    private static boolean overridable(Imports checker, MethodInsnNode call) {
        for (ClassNode k = checker.classNode(call.owner); k != null; k = k.superName == null ? null : checker.classNode(k.superName)) {
            MethodNode m = declared(k, call.name, call.desc);
            if (m != null) {
                return (m.access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0;
            }
        }
        return false;
    }

    /* True when body calls the method being rewritten, or a copy of it, by name (recursion through the guarded site). */
    private static boolean callsBack(MethodNode body, ClassNode owner, MethodNode method) {
        String name = base(method.name);
        for (var n : body.instructions) {
            if (n instanceof MethodInsnNode c && c.owner.equals(owner.name) && base(c.name).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /* sum for sum, sum$unit$1, sum$fast$2 and sum$import$1. */
    private static String base(String name) {
        int at = name.indexOf('$', 1);
        return at > 0 ? name.substring(0, at) : name;
    }

    /* A non-private, non-static method of k with this name and descriptor: one the virtual call can select. */
    private static MethodNode declared(ClassNode k, String name, String desc) {
        for (MethodNode m : k.methods) {
            if (m.name.equals(name) && m.desc.equals(desc) && (m.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC)) == 0) {
                return m;
            }
        }
        return null;
    }

    /** Whether class c is t or has t among its supertypes; null when a class file on the way cannot be read. */
    static Boolean subtype(Imports checker, String c, String t) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(List.of(c));
        boolean unknown = false;
        while (!todo.isEmpty()) {
            String x = todo.pop();
            if (x.equals(t)) {
                return true;
            }
            if (!seen.add(x)) {
                continue;
            }
            ClassNode cn = checker.classNode(x);
            if (cn == null) {
                unknown = true;
                continue;
            }
            if (cn.superName != null) {
                todo.add(cn.superName);
            }
            todo.addAll(cn.interfaces);
        }
        return unknown ? null : false;
    }
}
