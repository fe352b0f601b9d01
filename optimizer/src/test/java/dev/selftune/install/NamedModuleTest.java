package dev.selftune.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ModuleVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

/** Full-privilege access without the JDK's internal lookup: class path, isolated loaders and named modules. */
class NamedModuleTest {
    private static final String NAME = "named/mod/Target";

    @TempDir
    Path dir;

    @Test
    void swap_classInANamedModuleOfItsOwnLayer_worksWithoutOpeningJavaBase() throws Exception {
        Files.createDirectories(dir.resolve("named/mod"));
        Files.write(dir.resolve(NAME + ".class"), asPublic(Variants.bytesOf(LoaderTarget.class)));
        Files.write(dir.resolve("module-info.class"), moduleInfo());
        Configuration cf = ModuleLayer.boot().configuration().resolve(ModuleFinder.of(dir), ModuleFinder.of(), Set.of("named.mod"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        Class<?> owner = layer.findLoader("named.mod").loadClass("named.mod.Target");
        assertTrue(owner.getModule().isNamed());
        Method scale = owner.getMethod("scale", int.class);

        HotSwapper swapper = new Agents.LoggedSwapper().swapper;
        MethodRef ref = new MethodRef(owner.getName(), "scale", "(I)I");
        swapper.prepare(owner, ref);
        assertEquals(16, scale.invoke(null, 5));
        swapper.swap(owner, ref, "x5", asPublic(Variants.withConstant(LoaderTarget.class, "scale", 3, 5)));
        assertEquals(26, scale.invoke(null, 5));
        swapper.rollback(owner, ref);
        assertEquals(16, scale.invoke(null, 5));
        assertFalse(Object.class.getModule().isOpen("java.lang.invoke", HotSwapper.class.getModule()),
                "java.base's java.lang.invoke must stay closed to the agent");
    }

    @Test
    void of_classPathClass_isTheAgentsOwnPrivateLookupWithoutAGrant() {
        var lookup = OwnerLookup.of(StaticTarget.class, Agents.INST, HotSwapper.class.getModule(), "test");
        assertTrue(lookup.hasFullPrivilegeAccess());
        assertEquals(StaticTarget.class, lookup.lookupClass());
        assertFalse(Object.class.getModule().isOpen("java.lang.invoke", HotSwapper.class.getModule()));
    }

    /** LoaderTarget's bytes renamed into the module's package and made public. */
    private static byte[] asPublic(byte[] bytes) {
        ClassWriter w = new ClassWriter(0);
        ClassVisitor pub = new ClassVisitor(Opcodes.ASM9, w) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(version, access | Opcodes.ACC_PUBLIC, name, signature, superName, interfaces);
            }
        };
        new ClassReader(bytes).accept(new ClassRemapper(pub,
                new SimpleRemapper(LoaderTarget.class.getName().replace('.', '/'), NAME)), 0);
        return w.toByteArray();
    }

    private static byte[] moduleInfo() {
        ClassWriter w = new ClassWriter(0);
        w.visit(Opcodes.V11, Opcodes.ACC_MODULE, "module-info", null, null, null);
        ModuleVisitor mv = w.visitModule("named.mod", 0, null);
        mv.visitRequire("java.base", Opcodes.ACC_MANDATED, null);
        mv.visitExport("named/mod", 0);
        mv.visitPackage("named/mod");
        mv.visitEnd();
        w.visitEnd();
        return w.toByteArray();
    }
}
