package dev.selftune.install;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** A JaCoCo-like second agent: on retransformation, counts entries of every method of one class, without format changes. */
final class ProbeTransformer implements ClassFileTransformer {
    static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();

    private final Class<?> target;

    ProbeTransformer(Class<?> target) {
        this.target = target;
    }

    static int hits(String key) {
        AtomicInteger n = HITS.get(key);
        return n == null ? 0 : n.get();
    }

    public static void hit(String key) {
        HITS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain pd, byte[] bytes) {
        if (redefined != target) {
            return null;
        }
        ClassReader r = new ClassReader(bytes);
        ClassWriter w = new ClassWriter(r, ClassWriter.COMPUTE_MAXS);
        r.accept(new ClassVisitor(Opcodes.ASM9, w) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                MethodVisitor mv = super.visitMethod(access, name, desc, sig, ex);
                if (name.startsWith("<")) {
                    return mv;
                }
                String key = target.getSimpleName() + "." + name;
                return new MethodVisitor(Opcodes.ASM9, mv) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        super.visitLdcInsn(key);
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, ProbeTransformer.class.getName().replace('.', '/'),
                                "hit", "(Ljava/lang/String;)V", false);
                    }
                };
            }
        }, 0);
        return w.toByteArray();
    }
}
