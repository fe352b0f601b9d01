package dev.selftune.install;

import dev.selftune.generate.ClassBytes;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * a variant's) as a static method, plus the new or changed helpers it needs: instance methods take
 * the receiver first.
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
     * Helpers identical to the running class's stay there and are called as nestmates (less code,
     * and lambdas whose bodies stay in a named class link through LambdaMetafactory as usual);
     * lambdas whose bodies move are linked by LambdaSpinner, since a hidden class cannot be named.
     * A non-private tuned method calling itself still goes through the class (dispatch preserved,
     * and recursion follows later swaps); a private one calls its copy directly.
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
    private final List<InvokeDynamicInsnNode> spun = new ArrayList<>();
    private final String rootKey;
    private final boolean rootDispatches;
    private final ProtectedCheck protectedCheck;
    private final BootBridge bridge;

    private NestmateCopy(ClassNode source, ClassNode original, String name, String desc, boolean variant,
                         BootBridge bridge, Function<String, InputStream> resources, String element) {
        this.source = source;
        this.bridge = bridge;
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
    static Built build(ClassNode source, ClassNode original, String name, String desc, boolean variant,
                       BootBridge bridge, Function<String, InputStream> resources, String element) {
        ClassNode verified = pristine(source);
        NestmateCopy copy = new NestmateCopy(source, original, name, desc, variant, bridge, resources, element);
        byte[] bytes = copy.emit();
        CopyCheck.require(verified, bytes, element);
        return new Built(bytes, List.copyOf(copy.spun));
    }

    /* An independent copy of the class as given (verified), since emitting rewrites its methods in place. */
    private static ClassNode pristine(ClassNode source) {
        ClassWriter w = new ClassWriter(0);
        source.accept(w);
        ClassNode c = new ClassNode();
        new org.objectweb.asm.ClassReader(w.toByteArray()).accept(c, org.objectweb.asm.ClassReader.SKIP_FRAMES);
        return c;
    }

    /** The copy's bytes and its lambdas linked by {@link LambdaSpinner}, to link once at swap time as a check. */
    record Built(byte[] bytes, List<InvokeDynamicInsnNode> lambdas) { }

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

    /**
     * The tuned method and, for variants, every helper of the class it reaches that must move with it:
     * new or changed ones, and unchanged ones that reach those (else they would call the old bodies).
     */
    private void collect() {
        MethodNode root = declared.get(rootKey);
        moved.put(rootKey, root);
        if (!variant) {
            return;   // the original copy calls the class's own members, all still there
        }
        Map<String, Set<String>> callees = new LinkedHashMap<>();
        Deque<String> work = new ArrayDeque<>(List.of(rootKey));
        while (!work.isEmpty()) {
            String key = work.poll();
            Set<String> out = callees(declared.get(key));
            callees.put(key, out);
            for (String k : out) {
                if (!callees.containsKey(k) && !work.contains(k)) {
                    work.add(k);
                }
            }
        }
        for (String k : callees.keySet()) {
            MethodNode was = originals.get(k);
            if (was == null || !MethodBodies.same(declared.get(k), was)) {
                moved.putIfAbsent(k, declared.get(k));
            }
        }
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Map.Entry<String, Set<String>> e : callees.entrySet()) {
                if (!moved.containsKey(e.getKey()) && e.getValue().stream().anyMatch(
                        k -> moved.containsKey(k) && !(k.equals(rootKey) && rootDispatches))) {
                    moved.put(e.getKey(), declared.get(e.getKey()));
                    grew = true;
                }
            }
        }
        for (MethodNode t : moved.values()) {
            check(t);
        }
    }

    /** The helpers of this class {@code m} calls or refers to by handle; inherited and abstract members excluded. */
    private Set<String> callees(MethodNode m) {
        Set<String> out = new LinkedHashSet<>();
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof MethodInsnNode mi && mi.owner.equals(host)) {
                out.add(MethodBodies.key(mi.name, mi.desc));
            } else if (insn instanceof InvokeDynamicInsnNode indy) {
                for (Object arg : indy.bsmArgs) {
                    if (arg instanceof Handle h && h.getOwner().equals(host)) {
                        out.add(MethodBodies.key(h.getName(), h.getDesc()));
                    }
                }
            } else if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof Handle h && h.getOwner().equals(host)) {
                out.add(MethodBodies.key(h.getName(), h.getDesc()));
            } else if (insn instanceof FieldInsnNode fi && fi.owner.equals(host)
                    && !MethodBodies.hasField(original, fi.name, fi.desc) && MethodBodies.hasField(source, fi.name, fi.desc)) {
                throw reject(InstallException.Rule.NEW_FIELD, "the variant adds field " + fi.name
                        + ", which a running class cannot gain", "keep new state in locals or constants");
            }
        }
        out.removeIf(k -> {
            MethodNode t = declared.get(k);
            return t == null || "<init>".equals(t.name) || (t.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0;
        });
        return out;
    }

    private void check(MethodNode t) {
        if (t == declared.get(rootKey)) {
            return;
        }
        if ((t.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            throw reject(InstallException.Rule.SYNCHRONIZED_HELPER, "helper " + t.name + t.desc
                    + " is synchronized and must move with the variant, where it would lock another monitor",
                    "let the variant synchronize explicitly or leave the helper and what it calls unchanged");
        }
        if ((t.access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) == 0 && originals.containsKey(MethodBodies.key(t.name, t.desc))) {
            throw reject(InstallException.Rule.OVERRIDABLE_HELPER, "the variant changes overridable method "
                    + t.name + t.desc + " (or what it calls)", "change only the tuned method and private helpers");
        }
    }

    private void rewrite(MethodNode m) {
        for (AbstractInsnNode insn : m.instructions.toArray()) {
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
                if (indy.bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory") && indy.bsmArgs.length >= 3
                        && indy.bsmArgs[1] instanceof Handle impl && impl.getOwner().equals(copy)) {
                    indy.bsm = bridge.lambda;   // the body moved into this hidden class: see LambdaSpinner
                    spun.add(indy);
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
