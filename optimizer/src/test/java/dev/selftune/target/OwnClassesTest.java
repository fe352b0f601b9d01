package dev.selftune.target;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

class OwnClassesTest {
    private static URL codeSourceOf(Class<?> c) {
        return c.getProtectionDomain().getCodeSource().getLocation();
    }

    @Test
    void isSelftunes_libraryClassCarriedInSelftunesJar_false() {
        // The shaded optimizer.jar carries commons-math3 unrelocated: being in selftune's jar must not
        // make a library class selftune's own. Here the "own" code source is the commons-math3 jar itself.
        URL jarHoldingIt = codeSourceOf(TDistribution.class);
        assertFalse(OwnClasses.isSelftunes(TDistribution.class.getName(), jarHoldingIt));
        assertFalse(OwnClasses.isSelftunes("org.apache.commons.math3.transform.FastFourierTransformer", jarHoldingIt));
    }

    @Test
    void isSelftunes_selftuneClassInOwnCodeSource_true() {
        assertTrue(OwnClasses.isSelftunes(TargetLoader.class.getName(), codeSourceOf(TargetLoader.class)));
        assertTrue(OwnClasses.isSelftunes(TargetLoader.class.getName()));
    }

    @Test
    void isSelftunes_relocatedLibrary_trueWithoutLookingAtTheJar() {
        assertTrue(OwnClasses.isSelftunes("dev.selftune.shaded.asm.ClassReader", null));
    }

    @Test
    void isSelftunes_selftuneNamespaceOutsideOwnCodeSource_false() {
        // Samples and test specimens share the namespace but are the user's code: still tunable.
        assertFalse(OwnClasses.isSelftunes("dev.selftune.target.specimens.Shapes", codeSourceOf(TargetLoader.class)));
        assertFalse(OwnClasses.isSelftunes("dev.selftune.samples.MatrixMultiply"));
    }

    @Test
    void isJdk_jdkAndLibraryNames_onlyJdkTrue() {
        assertTrue(OwnClasses.isJdk("java.util.Arrays"));
        assertTrue(OwnClasses.isJdk("com.sun.crypto.provider.AESCrypt"));
        assertFalse(OwnClasses.isJdk("org.apache.commons.math3.util.FastMath"));
        assertFalse(OwnClasses.isJdk("javaxx.Foo"));
    }
}
