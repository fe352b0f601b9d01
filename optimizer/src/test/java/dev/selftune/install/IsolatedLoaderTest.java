package dev.selftune.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** A class whose loader sees neither the agent nor the application class path (a web-app or plugin loader). */
class IsolatedLoaderTest {
    @Test
    void swap_classOfAnIsolatedLoader_linksThroughTheBootstrapCopy() throws Exception {
        URL classes = LoaderTarget.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Class<?> owner = isolated.loadClass(LoaderTarget.class.getName());
            assertNotSame(LoaderTarget.class, owner);
            Method scale = owner.getMethod("scale", int.class);
            scale.setAccessible(true);
            HotSwapper swapper = new Agents.LoggedSwapper().swapper;
            MethodRef ref = new MethodRef(owner.getName(), "scale", "(I)I");
            swapper.prepare(owner, ref);
            assertEquals(16, scale.invoke(null, 5));
            swapper.swap(ref, "x5", Variants.withConstant(LoaderTarget.class, "scale", 3, 5));
            assertEquals(26, scale.invoke(null, 5));
            swapper.rollback(ref);
            assertEquals(16, scale.invoke(null, 5));
            assertEquals(16, LoaderTarget.scale(5));   // the application's own copy of the class is untouched
        }
    }

    @Test
    void prepare_loaderThatHidesTheBootstrapClass_isRejectedAndTheClassKeepsRunning() throws Exception {
        URL classes = LoaderTarget.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader osgiLike = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("dev.selftune.boot.")) {
                    throw new ClassNotFoundException(name + " (no boot delegation)");
                }
                return super.loadClass(name, resolve);
            }
        }) {
            Class<?> owner = osgiLike.loadClass(LoaderTarget.class.getName());
            Method scale = owner.getMethod("scale", int.class);
            scale.setAccessible(true);
            HotSwapper swapper = new Agents.LoggedSwapper().swapper;
            InstallException e = assertThrows(InstallException.class,
                    () -> swapper.prepare(owner, new MethodRef(owner.getName(), "scale", "(I)I")));
            assertEquals(InstallException.Rule.NOT_ELIGIBLE, e.rule());
            assertTrue(e.getMessage().contains("bootdelegation"), e.getMessage());
            assertEquals(16, scale.invoke(null, 5));
        }
    }
}
