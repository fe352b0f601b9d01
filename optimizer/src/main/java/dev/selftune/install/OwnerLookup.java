package dev.selftune.install;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Obtains a full-privilege lookup on a target class, which defining hidden nestmates requires. */
final class OwnerLookup {
    /*
     * Lookup.defineHiddenClass(…, NESTMATE) needs full privilege access (PRIVATE and MODULE) on the
     * nest host. privateLookupIn gives that only when the caller and the target share a module:
     * true for classes on the application class path (both in the app loader's unnamed module),
     * false for classes of another loader (another unnamed module) or of a named module, where it
     * keeps PRIVATE and PACKAGE but drops MODULE (Lookup.privateLookupIn javadoc, JDK 14+).
     * PACKAGE access is what Lookup.defineClass needs, so for those a tiny "grant" class is defined
     * in the target's package (same loader, same module); its one method returns
     * MethodHandles.lookup(), a full-privilege lookup in the target's module, from which
     * privateLookupIn(target) is full-privilege too. No JDK-internal lookup (IMPL_LOOKUP) and no
     * opening of java.base is involved. A named target module is first opened (the package) to the
     * agent and made to read the bootstrap class's module, which the trampoline's invokedynamic
     * resolves (JVMS 5.4.4 checks readability), both with Instrumentation.redefineModule.
     * The grant method is package-private: only the target's own package (which has that power
     * anyway) and holders of package access can call it. One grant per package, reused.
     */
    static final String GRANT = "Selftune$$Grant";

    private OwnerLookup() { }

    static MethodHandles.Lookup of(Class<?> owner, Instrumentation inst, Module bootModule, String element) {
        Module ours = OwnerLookup.class.getModule();
        Module theirs = owner.getModule();
        try {
            if (theirs.isNamed()) {
                String pkg = owner.getPackageName();
                Set<Module> reads = theirs.canRead(bootModule) ? Set.of() : Set.of(bootModule);
                Map<String, Set<Module>> opens = theirs.isOpen(pkg, ours) ? Map.of() : Map.of(pkg, Set.of(ours));
                if (!reads.isEmpty() || !opens.isEmpty()) {
                    inst.redefineModule(theirs, reads, Map.of(), opens, Set.of(), Map.of());
                }
            }
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
            if (lookup.hasFullPrivilegeAccess()) {
                return lookup;
            }
            MethodHandles.Lookup full = MethodHandles.privateLookupIn(owner, grant(lookup, owner));
            if (!full.hasFullPrivilegeAccess()) {
                throw new IllegalAccessException("the grant's lookup lost full privilege on " + owner.getName());
            }
            return full;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            throw new InstallException(element, InstallException.Rule.NO_PRIVATE_ACCESS,
                    "cannot obtain a full-privilege lookup on " + owner.getName() + " (module " + theirs
                            + ", loader " + owner.getClassLoader() + "): " + e,
                    "run the application on a JDK that allows Instrumentation.redefineModule, or put the class on the class path", e);
        }
    }

    /** A full-privilege lookup on the grant class of {@code owner}'s package, defining it on first need. */
    private static MethodHandles.Lookup grant(MethodHandles.Lookup packageAccess, Class<?> owner) throws Throwable {
        String pkg = owner.getPackageName();
        String name = pkg.isEmpty() ? GRANT : pkg + "." + GRANT;
        Class<?> grant;
        synchronized (OwnerLookup.class) {
            try {
                grant = Class.forName(name, false, owner.getClassLoader());
            } catch (ClassNotFoundException absent) {
                grant = packageAccess.defineClass(grantBytes(name.replace('.', '/')));
            }
        }
        if (grant.getClassLoader() != owner.getClassLoader() || grant.getModule() != owner.getModule()) {
            throw new IllegalAccessException(name + " resolves to a class of another loader or module");
        }
        return (MethodHandles.Lookup) packageAccess.findStatic(grant, "lookup", MethodType.methodType(MethodHandles.Lookup.class))
                .invokeExact();
    }

    /** {@code final class <name> { static MethodHandles.Lookup lookup() { return MethodHandles.lookup(); } }} */
    static byte[] grantBytes(String internalName) {
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        w.visit(Opcodes.V11, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, internalName, null, "java/lang/Object", null);
        MethodVisitor mv = w.visitMethod(Opcodes.ACC_STATIC, "lookup", "()Ljava/lang/invoke/MethodHandles$Lookup;", null, null);
        mv.visitCode();
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup",
                "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        w.visitEnd();
        return w.toByteArray();
    }
}
