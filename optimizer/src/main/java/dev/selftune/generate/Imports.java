package dev.selftune.generate;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Brings the static methods of other classes that the target calls into the target's class, as
 * private copies ({@code sum$import$1}), and points the calls at them, so the unit
 * ({@link TunedMethods}) reaches where a delegating entry spends its time across classes: a facade's
 * {@code mean(a)} that calls {@code Kernels.sum(a, 0, a.length)}. Only a copy whose code means the
 * same in the target's class is made; every refusal is kept with its reason ({@link #refused()}).
 */
public final class Imports {
    /** The infix of an imported copy's name: {@code sum$import$1}, the descriptor of the original. */
    public static final String INFIX = "$import$";

    private final ClassNode target;
    private final Function<String, InputStream> classes;
    private final Map<String, ClassNode> read = new LinkedHashMap<>();
    private final Map<String, String> imported = new LinkedHashMap<>();
    private final Map<String, String> refused = new LinkedHashMap<>();

    private Imports(ClassNode target, Function<String, InputStream> classes) {
        this.target = target;
        this.classes = classes;
    }

    /*
     * What a copy must not change, and so what is refused:
     * - class initialisation: calling Owner.m initialises Owner (and its superclasses); the copy does
     *   not. An owner with a static initialiser anywhere in its chain is refused.
     * - access: the copy's code runs in the target's class, so each class, field and method it names
     *   must be public (in a public class) or the target's own; the owner's private or package members
     *   are refused. Same-package access is refused too: two classes of one package in different
     *   loaders (an agent's host) cannot see each other's package members.
     * - the caller: methods that look at their caller (reflection, method handles, class loading,
     *   stack walking, Class.forName) would see the target instead of the owner; calls into those
     *   JDK packages are refused. So are invokedynamic (lambdas name the owner's private methods)
     *   and synchronized methods (the lock is the owner's class object).
     * - JDK code is never copied: only classes on the user's class path.
     * Calls the copy makes to another importable static method are imported too, breadth-first
     * within TunedMethods' bounds; a copy's call to the method itself is pointed at the copy.
     */
    /** The target class with its imports and their routing applied in place; what was imported and refused is in the result. */
    public static Imports apply(ClassNode target, MethodNode entry, Function<String, InputStream> classes) {
        Imports im = new Imports(target, classes);
        List<MethodNode> walk = new ArrayList<>(List.of(entry));
        List<Integer> depth = new ArrayList<>(List.of(0));
        for (int i = 0; i < walk.size() && walk.size() < TunedMethods.MAX_METHODS; i++) {
            if (depth.get(i) >= TunedMethods.MAX_DEPTH) {
                continue;
            }
            for (AbstractInsnNode n = walk.get(i).instructions.getFirst(); n != null; n = n.getNext()) {
                if (!(n instanceof MethodInsnNode call) || call.getOpcode() != Opcodes.INVOKESTATIC || call.owner.equals(target.name)
                        || call.owner.startsWith("[")) {
                    continue;
                }
                String key = call.owner + "." + call.name + call.desc;
                String copy = im.imported.get(key);
                if (copy == null && !im.refused.containsKey(key) && walk.size() < TunedMethods.MAX_METHODS && !isJdk(call.owner)) {
                    MethodNode m = im.importOne(call.owner, call.name, call.desc, key);
                    if (m != null) {
                        copy = m.name;
                        walk.add(m);
                        depth.add(depth.get(i) + 1);
                    }
                }
                if (copy != null) {
                    call.owner = target.name;
                    call.name = copy;
                    call.itf = (target.access & Opcodes.ACC_INTERFACE) != 0;
                }
            }
        }
        return im;
    }

    /**
     * A judge of copies into {@code target} that imports nothing: {@link #copyRefusal} and {@link #classNode}
     * for a transform that copies another class's method into the target (guarded devirtualisation).
     */
    public static Imports checker(ClassNode target, Function<String, InputStream> classes) {
        return new Imports(target, classes);
    }

    /**
     * Why {@code m} of {@code owner} would not mean the same copied into the target's class, or null. The
     * rules of the static imports hold for instance methods too; a static initialiser is an objection only
     * for a static method (an instance method runs on an object whose class is initialised already).
     */
    public String copyRefusal(ClassNode owner, MethodNode m) {
        return refusal(owner, m);
    }

    /** {@code Owner.name(desc)} to the name of its copy in the target, in the order imported. */
    public Map<String, String> imported() {
        return imported;
    }

    /** {@code Owner.name(desc)} of a static call not imported, to why. JDK methods are not listed. */
    public Map<String, String> refused() {
        return refused;
    }

    private MethodNode importOne(String owner, String name, String desc, String key) {
        ClassNode oc = classNode(owner);
        String why = oc == null ? "its class file could not be read" : null;
        MethodNode m = oc == null ? null : TunedMethods.find(oc, name, desc);
        if (why == null && m == null) {
            why = "it is not declared in " + owner.replace('/', '.') + " (inherited static methods are not followed)";
        }
        if (why == null) {
            why = refusal(oc, m);
        }
        if (why != null) {
            refused.put(key, why);
            return null;
        }
        MethodNode copy = UnitRouting.copy(m, freeName(name));   // m is static and not synchronized (refusal checked)
        for (AbstractInsnNode n = copy.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof MethodInsnNode c && c.owner.equals(owner) && c.name.equals(name) && c.desc.equals(desc)) {
                c.owner = target.name;   // recursion stays in the copy
                c.name = copy.name;
                c.itf = (target.access & Opcodes.ACC_INTERFACE) != 0;
            }
        }
        target.methods.add(copy);
        imported.put(key, copy.name);
        return copy;
    }

    /* Null when the method's code means the same copied into the target's class; else why not. */
    private String refusal(ClassNode owner, MethodNode m) {
        if (!TunedMethods.hasBody(m)) {
            return "it has no bytecode (native or abstract)";
        }
        boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
        if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            return isStatic ? "it is synchronized on its class, which a copy would change"
                    : "it is synchronized on its receiver, which a copy would not lock";
        }
        if (m.instructions.size() > TunedMethods.MAX_INSNS) {
            return "it has more than " + TunedMethods.MAX_INSNS + " instructions";
        }
        for (ClassNode c = isStatic ? owner : null; c != null; c = c.superName == null || isJdk(c.superName) ? null : classNode(c.superName)) {
            if (c.methods.stream().anyMatch(x -> x.name.equals("<clinit>"))) {
                return c.name.replace('/', '.') + " has a static initialiser, which calling the method runs and a copy would not";
            }
        }
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            if (t.type != null && !typeVisible(Type.getObjectType(t.type))) {
                return "it catches " + t.type.replace('/', '.') + ", which the target's class cannot name";
            }
        }
        for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
            String why = null;
            if (n instanceof InvokeDynamicInsnNode) {
                why = "it uses invokedynamic (a lambda or a bootstrap that may name the owner's private methods)";
            } else if (n instanceof MethodInsnNode c && c.getOpcode() == Opcodes.INVOKESPECIAL && !c.name.equals("<init>")
                    && !c.owner.equals(target.name)) {
                why = "it calls " + c.owner.replace('/', '.') + "." + c.name + " with invokespecial (a super or private call), "
                        + "which only the owner's own code may make";
            } else if (n instanceof MethodInsnNode c) {
                why = callerSensitive(c.owner) ? "it calls " + c.owner.replace('/', '.') + "." + c.name
                        + ", which may depend on which class calls it" : memberRefusal(c.owner, c.name, c.desc, true, owner, m);
            } else if (n instanceof FieldInsnNode f) {
                why = memberRefusal(f.owner, f.name, f.desc, false, owner, m);
            } else if (n instanceof TypeInsnNode t) {
                why = typeVisible(Type.getObjectType(t.desc)) ? null : "it names " + t.desc.replace('/', '.') + ", which is not public";
            } else if (n instanceof MultiANewArrayInsnNode a) {
                why = typeVisible(Type.getType(a.desc)) ? null : "it names " + a.desc + ", which is not public";
            } else if (n instanceof LdcInsnNode l && (l.cst instanceof Type || l.cst instanceof Handle)) {
                why = l.cst instanceof Type t && typeVisible(t) && t.getSort() != Type.METHOD ? null
                        : "it loads a class or method constant the target's class may not see";
            }
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    /* A member the copy names: the target's own, the method itself, or public in a public class up the owner's chain. */
    private String memberRefusal(String owner, String name, String desc, boolean method, ClassNode from, MethodNode m) {
        if (owner.equals(target.name) || owner.startsWith("[")) {
            return null;
        }
        if (method && owner.equals(from.name) && name.equals(m.name) && desc.equals(m.desc)) {
            return null;
        }
        String what = (method ? "method " : "field ") + owner.replace('/', '.') + "." + name;
        for (ClassNode c = classNode(owner); c != null; c = c.superName == null ? null : classNode(c.superName)) {
            if ((c.access & Opcodes.ACC_PUBLIC) == 0) {
                return "it uses the " + what + " of a class that is not public";
            }
            Integer access = null;
            if (method) {
                for (MethodNode x : c.methods) {
                    access = x.name.equals(name) && x.desc.equals(desc) ? Integer.valueOf(x.access) : access;
                }
            } else {
                for (FieldNode x : c.fields) {
                    access = x.name.equals(name) && x.desc.equals(desc) ? Integer.valueOf(x.access) : access;
                }
            }
            if (access != null) {
                return (access & Opcodes.ACC_PUBLIC) != 0 ? null : "it uses the " + what + ", which is not public";
            }
        }
        return "it uses the " + what + ", which could not be found public on the class path";
    }

    private boolean typeVisible(Type t) {
        Type e = t.getSort() == Type.ARRAY ? t.getElementType() : t;
        if (e.getSort() != Type.OBJECT || e.getInternalName().equals(target.name)) {
            return true;
        }
        ClassNode c = classNode(e.getInternalName());
        return c != null && (c.access & Opcodes.ACC_PUBLIC) != 0;
    }

    private static boolean callerSensitive(String owner) {
        return owner.startsWith("java/lang/reflect/") || owner.startsWith("java/lang/invoke/") || owner.equals("java/lang/Class")
                || owner.equals("java/lang/ClassLoader") || owner.equals("java/lang/StackWalker") || owner.equals("java/lang/Thread")
                || owner.equals("java/lang/Runtime") || owner.startsWith("java/util/logging/") || owner.equals("java/util/ServiceLoader")
                || owner.equals("java/util/ResourceBundle") || owner.startsWith("sun/") || owner.startsWith("jdk/internal/");
    }

    /** True for the JDK's own packages (java, javax, jdk, sun, com.sun): their code is never copied. */
    public static boolean isJdk(String internalName) {
        return internalName.startsWith("java/") || internalName.startsWith("javax/") || internalName.startsWith("jdk/")
                || internalName.startsWith("sun/") || internalName.startsWith("com/sun/");
    }

    /** The class file of {@code internalName} read from the class path, or null when it cannot be read (cached). */
    public ClassNode classNode(String internalName) {
        if (read.containsKey(internalName)) {
            return read.get(internalName);
        }
        ClassNode cn = null;
        try (InputStream in = classes.apply(internalName)) {
            if (in != null) {
                cn = ClassBytes.read(in.readAllBytes());
            }
        } catch (IOException | RuntimeException e) {
            cn = null;
        }
        read.put(internalName, cn);
        return cn;
    }

    private String freeName(String name) {
        for (int k = 1; ; k++) {
            String n = name + INFIX + k;
            if (target.methods.stream().noneMatch(x -> x.name.equals(n))) {
                return n;
            }
        }
    }
}
