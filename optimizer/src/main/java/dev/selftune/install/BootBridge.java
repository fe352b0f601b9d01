package dev.selftune.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

/** Puts the trampolines' bootstrap method into the bootstrap class loader, once per JVM, and registers call sites with it. */
final class BootBridge {
    /*
     * A trampoline's invokedynamic names its bootstrap method by class name, resolved through the
     * target's own loader (JVMS 5.4.3.1). The agent jar is on the system class path only, which a
     * web container's or plugin loader's classes may not see; every loader that delegates at all
     * ends in the bootstrap loader, so the bootstrap method lives there
     * (Instrumentation.appendToBootstrapClassLoaderSearch, the way ByteBuddy's
     * ClassInjector.UsingInstrumentation does it). The class is injected under a name that exists
     * nowhere else (dev.selftune.boot.SelftuneIndy), so no loader can hold a second copy with a
     * second registry, and the agent talks to it through method handles only.
     */
    static final String INTERNAL_NAME = "dev/selftune/boot/SelftuneIndy";
    private static final String SOURCE = "dev/selftune/install/boot/CallSiteRegistry";
    static final Handle BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC, INTERNAL_NAME, "bootstrap",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;)"
                    + "Ljava/lang/invoke/CallSite;", false);

    private static BootBridge installed;

    private final Class<?> registry;
    private final MethodHandle register;

    private BootBridge(Class<?> registry) throws ReflectiveOperationException {
        this.registry = registry;
        this.register = MethodHandles.publicLookup().findStatic(registry, "register",
                MethodType.methodType(boolean.class, String.class, CallSite.class));
    }

    /** The bridge of this JVM, injecting the bootstrap class on first use. */
    static synchronized BootBridge get(Instrumentation inst) {
        if (installed != null) {
            return installed;
        }
        String name = INTERNAL_NAME.replace('/', '.');
        try {
            Class<?> c;
            try {
                c = Class.forName(name, true, null);   // a previous attach already injected it
            } catch (ClassNotFoundException absent) {
                inst.appendToBootstrapClassLoaderSearch(new JarFile(writeJar().toFile()));
                c = Class.forName(name, true, null);
            }
            installed = new BootBridge(c);
            return installed;
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new InstallException(name, InstallException.Rule.OTHER,
                    "could not put the trampoline bootstrap class into the bootstrap class loader: " + e,
                    "check that the temporary directory (java.io.tmpdir) is writable", e);
        }
    }

    /** The module holding the bootstrap class, which a named target module must read. */
    Module module() {
        return registry.getModule();
    }

    void register(String key, CallSite site) {
        boolean fresh;
        try {
            fresh = (boolean) register.invokeExact(key, site);
        } catch (Throwable t) {
            throw new IllegalStateException("registering call site " + key + " failed", t);
        }
        if (!fresh) {
            throw new IllegalStateException("call site key " + key + " is already registered");
        }
    }

    private static Path writeJar() throws IOException {
        byte[] renamed;
        try (InputStream in = BootBridge.class.getClassLoader().getResourceAsStream(SOURCE + ".class")) {
            if (in == null) {
                throw new IOException(SOURCE + ".class is missing from the selftune jar");
            }
            ClassReader reader = new ClassReader(in);
            ClassWriter writer = new ClassWriter(0);
            reader.accept(new ClassRemapper(writer, new SimpleRemapper(SOURCE, INTERNAL_NAME)), 0);
            renamed = writer.toByteArray();
        }
        Path jar = Files.createTempFile("selftune-boot-", ".jar");
        jar.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out)) {
            jos.putNextEntry(new JarEntry(INTERNAL_NAME + ".class"));
            jos.write(renamed);
            jos.closeEntry();
        }
        return jar;
    }
}
