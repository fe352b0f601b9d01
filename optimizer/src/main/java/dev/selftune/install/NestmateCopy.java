package dev.selftune.install;

import dev.selftune.generate.ClassBytes;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Builds the bytes of a hidden nestmate class holding one method of a class (the original body, or
 * a variant's) as a static method, plus the helpers it needs: instance methods take the receiver first.
 */
final class NestmateCopy {
    /*
     * Why a hidden nestmate (JEP 371, JEP 181): Lookup.defineHiddenClass(…, NESTMATE) on the target's
     * lookup puts the copy in the target's nest, so private fields and methods of the target stay
     * accessible (JVMS 5.4.4 nestmate test), new helper methods and lambdas need no change to the
     * target's class format, and the copy unloads once no call site refers to it. What a nestmate
     * cannot do is rejected here rather than failing later in an application thread:
     * invokespecial of a superclass method (super.x(): JVMS 4.10.1.9 wants the receiver to be the
     * current class), protected members inherited from another package (JVMS 5.4.4 protected
     * rule, which nestmates do not relax), synchronized or overridable helpers (moving them would
     * change locking or dispatch), fields a variant adds, and serializable lambdas (their
     * $deserializeLambda$ lives in the target). invokespecial of the target's own private methods
     * becomes invokevirtual, as javac emits for nestmates since JDK 11. Frames are copied as they are:
     * a static method whose first parameter is the receiver has the same implicit first frame.
     */
    static final String SUFFIX = "$$Selftune";

    private final ClassNode source;
    private final ClassNode original;
    private final boolean variant;
    private final String element;
    private final String host;
    private final String copy;
    private final boolean hostIsInterface;
    private final Map<String, MethodNode> declared;
    private final Map<String, MethodNode> originals;
    private final Map<String, MethodNode> moved = new LinkedHashMap<>();
    private final String rootKey;
    private final boolean rootDispatches;
    private final ProtectedCheck protectedCheck;

    private NestmateCopy(ClassNode source, ClassNode original, String name, String desc, boolean variant,
                         Function<String, InputStream> resources, String element) {
        this.source = source;
        this.original = original;
        this.variant = variant;
        this.element = element;
        this.host = source.name;
        this.copy = host + SUFFIX;
        this.hostIsInterface = (source.access & Opcodes.ACC_INTERFACE) != 0;
        this.declared = MethodBodies.methods(source);
        this.originals = MethodBodies.methods(original);
        this.rootKey = MethodBodies.key(name, desc);
        MethodNode root = declared.get(rootKey);
        if (root == null || (root.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            throw reject(InstallException.Rule.BAD_VARIANT, "the class bytes hold no method " + name + desc + " with a body",
                    "pass the whole class with the tuned method in it");
        }
        this.rootDispatches = (root.access & Opcodes.ACC_PRIVATE) == 0;
        this.protectedCheck = new ProtectedCheck(source, resources);
    }

    /** The hidden class bytes; the method keeps its name and takes a static descriptor ({@link #staticDesc}). */
    static byte[] build(ClassNode source, ClassNode original, String name, String desc, boolean variant,
                        Function<String, InputStream> resources, String element) {
        return new NestmateCopy(source, original, name, desc, variant, resources, element).emit();
    }

    static String staticDesc(String owner, int access, String desc) {
        return (access & Opcodes.ACC_STATIC) != 0 ? desc : "(L" + owner + ";" + desc.substring(1);
    }

    private byte[] emit() {
        collect();
        for (MethodNode m : moved.values()) {
            rewrite(m);
        }
        ClassNode h = new ClassNode();
        int major = source.version & 0xFFFF;
        h.version = major < Opcodes.V11 ? Opcodes.V11 : source.version;
        h.access = Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC;
        h.name = copy;
        h.superName = "java/lang/Object";
        h.sourceFile = source.sourceFile;
        for (MethodNode m : moved.values()) {
            MethodNode c = new MethodNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC
                    | (m.access & (Opcodes.ACC_STRICT | Opcodes.ACC_VARARGS)),
                    m.name, staticDesc(host, m.access, m.desc), null, m.exceptions.toArray(new String[0]));
            c.instructions = m.instructions;
            c.tryCatchBlocks = m.tryCatchBlocks;
            c.localVariables = m.localVariables;
            c.maxStack = m.maxStack;
            c.maxLocals = m.maxLocals;
            h.methods.add(c);
        }
        if (major < Opcodes.V1_7) {
            return ClassBytes.write(h, protectedCheck.resources());   // no (complete) frames to copy: compute them
        }
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        h.accept(writer);
        return writer.toByteArray();
    }

    /** The tuned method and, for variants, every helper of the class it reaches that must move with it. */
    private void collect() {
        Deque<MethodNode> work = new ArrayDeque<>();
        MethodNode root = declared.get(rootKey);
        moved.put(rootKey, root);
        work.add(root);
        while (!work.isEmpty()) {
            for (AbstractInsnNode insn : work.poll().instructions) {
                if (insn instanceof MethodInsnNode mi && mi.owner.equals(host)) {
                    consider(MethodBodies.key(mi.name, mi.desc), work);
                } else if (insn instanceof InvokeDynamicInsnNode indy) {
                    for (Object arg : indy.bsmArgs) {
                        if (arg instanceof Handle h && h.getOwner().equals(host)) {
                            consider(MethodBodies.key(h.getName(), h.getDesc()), work);
                        }
                    }
                } else if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof Handle h && h.getOwner().equals(host)) {
                    consider(MethodBodies.key(h.getName(), h.getDesc()), work);
                } else if (variant && insn instanceof FieldInsnNode fi && fi.owner.equals(host)
                        && !MethodBodies.hasField(original, fi.name, fi.desc) && MethodBodies.hasField(source, fi.name, fi.desc)) {
                    throw reject(InstallException.Rule.NEW_FIELD, "the variant adds field " + fi.name
                            + ", which a running class cannot gain", "keep new state in locals or constants");
                }
            }
        }
    }

    private void consider(String key, Deque<MethodNode> work) {
        MethodNode t = declared.get(key);
        if (!variant || t == null || moved.containsKey(key) || "<init>".equals(t.name)
                || (t.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return;   // the original keeps calling the class's own members; inherited members stay where they are
        }
        MethodNode was = originals.get(key);
        boolean changed = was != null && !MethodBodies.same(t, was);
        boolean isPrivate = (t.access & Opcodes.ACC_PRIVATE) != 0;
        if (!isPrivate && was != null && !changed) {
            return;
        }
        if ((t.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            if (was != null && !changed) {
                return;
            }
            throw reject(InstallException.Rule.SYNCHRONIZED_HELPER, "helper " + t.name + t.desc
                    + " is synchronized and new or changed; moved out of the class it would lock another monitor",
                    "let the variant synchronize explicitly or leave the helper unchanged");
        }
        if ((t.access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) == 0 && was != null) {
            throw reject(InstallException.Rule.OVERRIDABLE_HELPER, "the variant changes overridable method "
                    + t.name + t.desc, "change only the tuned method and private helpers");
        }
        moved.put(key, t);
        work.add(t);
    }

    private void rewrite(MethodNode m) {
        for (AbstractInsnNode insn : m.instructions) {
            int op = insn.getOpcode();
            if (op == Opcodes.JSR || op == Opcodes.RET) {
                throw reject(InstallException.Rule.OLD_CLASS_VERSION, m.name + " uses jsr/ret (class files before Java 6)",
                        "recompile the class with a current javac");
            }
            if (insn instanceof MethodInsnNode mi) {
                rewriteCall(mi);
            } else if (insn instanceof FieldInsnNode fi) {
                protectedCheck.check(fi.owner, fi.name, null, element);
            } else if (insn instanceof InvokeDynamicInsnNode indy) {
                if ("altMetafactory".equals(indy.bsm.getName()) && indy.bsmArgs.length > 3
                        && indy.bsmArgs[3] instanceof Integer flags && (flags & 1) != 0) {
                    throw reject(InstallException.Rule.SERIALIZABLE_LAMBDA, m.name + " creates a serializable lambda",
                            "use a non-serializable functional interface in the tuned method");
                }
                for (int i = 0; i < indy.bsmArgs.length; i++) {
                    if (indy.bsmArgs[i] instanceof Handle h) {
                        indy.bsmArgs[i] = rewriteHandle(h);
                    }
                }
            } else if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof Handle h) {
                ldc.cst = rewriteHandle(h);
            }
        }
    }

    private void rewriteCall(MethodInsnNode mi) {
        String key = MethodBodies.key(mi.name, mi.desc);
        boolean special = mi.getOpcode() == Opcodes.INVOKESPECIAL && !"<init>".equals(mi.name);
        if (mi.owner.equals(host) && moved.containsKey(key) && !(key.equals(rootKey) && rootDispatches)) {
            MethodNode t = moved.get(key);
            mi.setOpcode(Opcodes.INVOKESTATIC);
            mi.owner = copy;
            mi.desc = staticDesc(host, t.access, t.desc);
            mi.itf = false;
        } else if (special) {
            MethodNode t = mi.owner.equals(host) ? declared.get(key) : null;
            if (t == null || (t.access & Opcodes.ACC_PRIVATE) == 0) {
                throw reject(InstallException.Rule.SUPER_CALL, "calls super." + mi.name + mi.desc
                        + " (invokespecial), which only " + host.replace('/', '.') + " itself may do",
                        "tune a method without super calls, or call the superclass method virtually");
            }
            mi.setOpcode(hostIsInterface ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL);
        } else {
            protectedCheck.check(mi.owner, mi.name, mi.desc, element);
        }
    }

    private Handle rewriteHandle(Handle h) {
        if (!h.getOwner().equals(host)) {
            return h;
        }
        String key = MethodBodies.key(h.getName(), h.getDesc());
        if (moved.containsKey(key) && !(key.equals(rootKey) && rootDispatches)) {
            MethodNode t = moved.get(key);
            return new Handle(Opcodes.H_INVOKESTATIC, copy, h.getName(), staticDesc(host, t.access, t.desc), false);
        }
        if (h.getTag() == Opcodes.H_INVOKESPECIAL) {
            MethodNode t = declared.get(key);
            if (t == null || (t.access & Opcodes.ACC_PRIVATE) == 0) {
                throw reject(InstallException.Rule.SUPER_CALL, "refers to super." + h.getName() + h.getDesc(),
                        "tune a method without super method references");
            }
            return new Handle(hostIsInterface ? Opcodes.H_INVOKEINTERFACE : Opcodes.H_INVOKEVIRTUAL,
                    host, h.getName(), h.getDesc(), hostIsInterface);
        }
        return h;
    }

    private InstallException reject(InstallException.Rule rule, String reason, String fix) {
        return new InstallException(element, rule, reason, fix);
    }
}
