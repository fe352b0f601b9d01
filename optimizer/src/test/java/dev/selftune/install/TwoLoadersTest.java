package dev.selftune.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.selftune.api.MethodRef;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** Call sites are per class, not per class name: app servers and plugin hosts load one name in many loaders. */
class TwoLoadersTest {
    private static final URL CLASSES = LoaderTarget.class.getProtectionDomain().getCodeSource().getLocation();
    private static final MethodRef SCALE = new MethodRef(LoaderTarget.class.getName(), "scale", "(I)I");

    private static URLClassLoader loader() {
        return new URLClassLoader(new URL[] {CLASSES}, ClassLoader.getPlatformClassLoader());
    }

    private static int scale(Class<?> owner, int x) throws Exception {
        Method m = owner.getMethod("scale", int.class);
        m.setAccessible(true);
        return (int) m.invoke(null, x);
    }

    @Test
    void swap_sameClassNameInTwoLoaders_changesOnlyTheNamedClass() throws Exception {
        try (URLClassLoader la = loader(); URLClassLoader lb = loader()) {
            Class<?> a = la.loadClass(LoaderTarget.class.getName());
            Class<?> b = lb.loadClass(LoaderTarget.class.getName());
            assertNotSame(a, b);
            HotSwapper swapper = new Agents.LoggedSwapper().swapper;
            swapper.prepare(a, SCALE);
            swapper.prepare(b, SCALE);
            swapper.swap(a, SCALE, "x5", Variants.withConstant(LoaderTarget.class, "scale", 3, 5));
            assertEquals(26, scale(a, 5));
            assertEquals(16, scale(b, 5), "the other loader's class keeps its original body");
            assertEquals(16, LoaderTarget.scale(5));
            assertEquals("x5", swapper.active(a, SCALE));
            assertEquals(HotSwapper.ORIGINAL, swapper.active(b, SCALE));
            InstallException ambiguous = assertThrows(InstallException.class,
                    () -> swapper.swap(SCALE, "x6", Variants.withConstant(LoaderTarget.class, "scale", 3, 6)));
            assertEquals(InstallException.Rule.NOT_PREPARED, ambiguous.rule());
            swapper.swap(b, SCALE, "x7", Variants.withConstant(LoaderTarget.class, "scale", 3, 7));
            assertEquals(36, scale(b, 5));
            assertEquals(26, scale(a, 5));
            swapper.rollback(a, SCALE);
            assertEquals(16, scale(a, 5));
            assertEquals(36, scale(b, 5));
        }
    }

    @Test
    void prepareAndSwap_loaderDroppedByTheApplication_isCollected() throws Exception {
        HotSwapper swapper = new Agents.LoggedSwapper().swapper;
        WeakReference<ClassLoader> dropped = swapInThrowawayLoader(swapper);
        for (int i = 0; i < 100 && dropped.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(dropped.get(), "the swapper or the call site registry still holds the dropped class loader");
        assertEquals(0, swapper.prepared().size());
    }

    private static WeakReference<ClassLoader> swapInThrowawayLoader(HotSwapper swapper) throws Exception {
        URLClassLoader l = loader();
        Class<?> c = l.loadClass(LoaderTarget.class.getName());
        swapper.prepare(c, SCALE);
        swapper.swap(c, SCALE, "x5", Variants.withConstant(LoaderTarget.class, "scale", 3, 5));
        for (int i = 0; i < 1000; i++) {
            assertEquals(3 * 5 + 1 + (5 - 3) * 5 + 0 * i, scale(c, 5));
        }
        assertEquals(1, swapper.prepared().size());
        l.close();
        return new WeakReference<>(l);
    }
}
