package dev.selftune.install;

import dev.selftune.generate.ClassBytes;
import dev.selftune.target.ClassVersion;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Collections;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;

/**
 * A retransformation-capable transformer that turns each prepared method's body into a trampoline
 * into its call site, on the first retransformation and on every later one.
 */
final class TrampolineTransformer implements ClassFileTransformer {
    /*
     * JVMTI RetransformClasses hands every retransformation-capable transformer, in registration
     * order, the class as initially loaded (plus the edits of the transformers before it), never the
     * previous retransformation's result: so a trampoline must be re-applied on each one, which is
     * how it survives a coverage or APM agent retransforming the same class later. The edit keeps
     * the class format (JVMS 4.7, HotSpot's VM_RedefineClasses: no member added, removed, renamed
     * or re-flagged; constant pool and BootstrapMethods may grow), so it composes with those agents.
     * Untouched methods are copied byte for byte (ClassWriter sharing the reader's constant pool).
     * Only classes with a prepared method are looked at, only on retransformation, and a failure
     * returns null: the class then keeps the bytes the JVM offered, it never fails to load.
     */
    private final ClassValue<List<SwapSite>> plans = new ClassValue<>() {
        @Override
        protected List<SwapSite> computeValue(Class<?> owner) {
            return new CopyOnWriteArrayList<>();
        }
    };
    /** The classes with plans, held weakly so that a dropped class loader can be collected. */
    private final Map<Class<?>, Boolean> planned = Collections.synchronizedMap(new WeakHashMap<>());
    private final Consumer<String> log;

    /*
     * Redefinition vs retransformation: java.lang.instrument calls retransformation-incapable
     * transformers for class definitions and redefinitions only, never for retransformations, and
     * before the capable ones (ClassFileTransformer javadoc, "order of transformation"). `watch`
     * is such a transformer: it marks, on the redefining thread, that the bytes this transformer is
     * about to see are someone's redefinition (an IDE HotSwap, JDWP), not a retransformation.
     */
    private final ThreadLocal<Class<?>> redefining = new ThreadLocal<>();
    final ClassFileTransformer watch = new ClassFileTransformer() {
        @Override
        public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                                ProtectionDomain protectionDomain, byte[] classfileBuffer) {
            if (classBeingRedefined != null && planned.containsKey(classBeingRedefined)) {
                redefining.set(classBeingRedefined);
            }
            return null;
        }
    };

    TrampolineTransformer(Consumer<String> log) {
        this.log = log;
    }

    void add(SwapSite site) {
        plans.get(site.owner).add(site);
        planned.put(site.owner, Boolean.TRUE);
    }

    void remove(SwapSite site) {
        plans.get(site.owner).remove(site);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        List<SwapSite> sites = classBeingRedefined == null || !planned.containsKey(classBeingRedefined)
                ? null : plans.get(classBeingRedefined);
        if (sites == null || sites.isEmpty()) {
            return null;
        }
        boolean redefined = redefining.get() == classBeingRedefined;
        redefining.remove();
        try {
            List<SwapSite> linked = new ArrayList<>();
            for (SwapSite site : sites) {
                site.offerOriginal(classfileBuffer, redefined);
                if (site.linked()) {
                    linked.add(site);
                }
            }
            return linked.isEmpty() ? null : rewrite(classfileBuffer, linked);
        } catch (RuntimeException | LinkageError e) {
            log.accept("could not put trampolines into " + className + "; it keeps its bytes: " + e);
            return null;
        }
    }

    static byte[] rewrite(byte[] bytes, List<SwapSite> sites) {
        if (ClassVersion.major(bytes) >= ClassVersion.TYPE_CHECKED) {
            ClassReader reader = new ClassReader(bytes);
            ClassWriter writer = new ClassWriter(reader, 0);
            reader.accept(trampolines(writer, sites, 0), 0);
            return writer.toByteArray();
        }
        /*
         * invokedynamic needs class-file version 51, and from 51 every method needs frames and no
         * JSR (JVMS 4.10.1): a class older than that is raised, its subroutines inlined and every
         * frame computed, supertypes read from the owner's class files. Retransformation may change
         * the version (checked on 17 and 25); a class whose frames cannot be computed keeps its bytes.
         */
        ClassNode raised = new ClassNode();
        ClassBytes.read(bytes).accept(trampolines(raised, sites, ClassVersion.TYPE_CHECKED));
        return ClassBytes.write(raised, ClassBytes.resourcesOf(sites.get(0).owner.getClassLoader()));
    }

    /* Passes the class to {@code next} with each prepared method's body replaced; {@code version} > 0 replaces the version. */
    private static ClassVisitor trampolines(ClassVisitor next, List<SwapSite> sites, int version) {
        return new ClassVisitor(Opcodes.ASM9, next) {
            private String owner;

            @Override
            public void visit(int v, int access, String name, String signature, String superName, String[] interfaces) {
                owner = name;
                super.visit(version > 0 ? version : v, access, name, signature, superName, interfaces);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                for (SwapSite site : sites) {
                    if (site.method.name().equals(name) && site.method.descriptor().equals(descriptor)) {
                        return new TrampolineBody(mv, owner, access, name, descriptor, site.bridge.bootstrap, site.key);
                    }
                }
                return mv;
            }
        };
    }
}
