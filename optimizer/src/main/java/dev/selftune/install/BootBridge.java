package dev.selftune.install;

import dev.selftune.install.boot.CallSiteRegistry;
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
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

/** The class holding the trampolines' bootstrap methods, as seen from a target's class loader, and its call site registry. */
final class BootBridge {
    /*
     * A trampoline's invokedynamic names its bootstrap method by class name, resolved through the
     * target's own loader (JVMS 5.4.3.1). Where that loader sees the agent's classes (the
     * application class path, loaders delegating to it), the agent's own CallSiteRegistry is used.
     * Elsewhere (isolated web-app or plugin loaders) a renamed copy goes into the bootstrap class
     * loader, which every delegating loader ends in (Instrumentation.appendToBootstrapClassLoaderSearch,
     * as ByteBuddy's ClassInjector.UsingInstrumentation does); it is injected only when needed, as
     * HotSpot then restricts class data sharing to boot classes and says so once on stdout.
     * The copy's name (dev.selftune.boot.SelftuneIndy) exists nowhere else, so no loader can
     * hold a second copy with a second registry; the agent reaches it through method handles only.
     */
    private static final String LOCAL = Names.internalName(CallSiteRegistry.class);
    private static final String BOOT = "dev/selftune/boot/SelftuneIndy";
    private static final String BSM_DESC = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;";

    private static BootBridge local;
    private static BootBridge boot;

    /** The trampoline bootstrap method: links to a registered call site by key. */
    final Handle bootstrap;
    /** The bootstrap method for lambdas whose body moved into a hidden class ({@link LambdaSpinner}). */
    final Handle lambda;
    private final Class<?> registry;
    private final MethodHandle register;

    private BootBridge(Class<?> registry) throws Throwable {
        String name = registry.getName().replace('.', '/');
        this.registry = registry;
        this.bootstrap = new Handle(Opcodes.H_INVOKESTATIC, name, "bootstrap",
                BSM_DESC + "Ljava/lang/String;)Ljava/lang/invoke/CallSite;", false);
        this.lambda = new Handle(Opcodes.H_INVOKESTATIC, name, "lambda",
                BSM_DESC + "[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;", false);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        this.register = lookup.findStatic(registry, "register", MethodType.methodType(boolean.class, Class.class, String.class, CallSite.class));
        Function<Object[], CallSite> linker = LambdaSpinner::link;
        lookup.findStatic(registry, "lambdaLinker", MethodType.methodType(void.class, Function.class)).invoke(linker);
    }

    /** The bridge that classes of {@code loader} can link to, injecting the bootstrap copy on first need. */
    static synchronized BootBridge forLoader(Instrumentation inst, ClassLoader loader) {
        String element = BOOT.replace('/', '.');
        try {
            if (sees(loader)) {
                if (local == null) {
                    local = new BootBridge(CallSiteRegistry.class);
                }
                return local;
            }
            if (boot == null) {
                element = BOOT.replace('/', '.');
                Class<?> c;
                try {
                    c = Class.forName(element, true, null);   // an earlier attach already injected it
                } catch (ClassNotFoundException absent) {
                    inst.appendToBootstrapClassLoaderSearch(new JarFile(writeJar().toFile()));
                    c = Class.forName(element, true, null);
                }
                boot = new BootBridge(c);
            }
            if (!resolves(loader, boot.registry)) {
                throw new InstallException(String.valueOf(loader), InstallException.Rule.NOT_ELIGIBLE,
                        "this class loader neither sees the agent nor delegates " + element + " to the bootstrap loader",
                        "add dev.selftune.boot to the container's boot delegation (OSGi: org.osgi.framework.bootdelegation)");
            }
            return boot;
        } catch (InstallException e) {
            throw e;
        } catch (Throwable e) {
            throw new InstallException(element, InstallException.Rule.OTHER,
                    "could not set up the trampoline bootstrap class: " + e,
                    "check that the temporary directory (java.io.tmpdir) is writable", e);
        }
    }

    private static boolean sees(ClassLoader loader) {
        return resolves(loader, CallSiteRegistry.class);
    }

    /** Whether classes of {@code loader} resolve the name of {@code registry} to that very class. */
    private static boolean resolves(ClassLoader loader, Class<?> registry) {
        try {
            return Class.forName(registry.getName(), false, loader) == registry;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The module holding the bootstrap class, which a named target module must read. */
    Module module() {
        return registry.getModule();
    }

    void register(Class<?> owner, String key, CallSite site) {
        boolean fresh;
        try {
            fresh = (boolean) register.invokeExact(owner, key, site);
        } catch (Throwable t) {
            throw new IllegalStateException("registering call site " + key + " failed", t);
        }
        if (!fresh) {
            throw new IllegalStateException("call site key " + key + " is already registered");
        }
    }

    private static Path writeJar() throws IOException {
        byte[] renamed;
        try (InputStream in = BootBridge.class.getClassLoader().getResourceAsStream(LOCAL + ".class")) {
            if (in == null) {
                throw new IOException(LOCAL + ".class is missing from the selftune jar");
            }
            ClassWriter writer = new ClassWriter(0);
            new ClassReader(in).accept(new ClassRemapper(writer, new SimpleRemapper(LOCAL, BOOT)), 0);
            renamed = writer.toByteArray();
        }
        Path jar = Files.createTempFile("selftune-boot-", ".jar");
        jar.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out)) {
            jos.putNextEntry(new JarEntry(BOOT + ".class"));
            jos.write(renamed);
            jos.closeEntry();
        }
        return jar;
    }

    private static final class Names {
        static String internalName(Class<?> c) {
            return c.getName().replace('.', '/');
        }
    }
}
