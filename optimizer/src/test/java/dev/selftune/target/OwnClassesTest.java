package dev.selftune.target;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

class OwnClassesTest {
    @Test
    void isBundled_libraryClassSelftuneAlsoUses_false() {
        // commons-math3 is on selftune's own class path too (JMH needs it); the user's copy is the user's.
        assertFalse(OwnClasses.isBundled(TDistribution.class.getName()));
        assertFalse(OwnClasses.isBundled("org.apache.commons.math3.transform.FastFourierTransformer"));
    }

    @Test
    void isBundled_relocatedLibraryOrHarness_true() {
        assertTrue(OwnClasses.isBundled("dev.selftune.shaded.asm.ClassReader"));
        assertTrue(OwnClasses.isBundled("dev.selftune.shaded.jmh.runner.Runner"));
        assertTrue(OwnClasses.isBundled("org.openjdk.jmh.util.Utils"));
    }

    @Test
    void isBundled_selftunesOwnAndSampleClasses_false() {
        // selftune on selftune: its own classes are tunable from a copy on --classpath; samples always were.
        assertFalse(OwnClasses.isBundled(TargetLoader.class.getName()));
        assertFalse(OwnClasses.isBundled("dev.selftune.samples.MatrixMultiply"));
        assertFalse(OwnClasses.isBundled("dev.selftune.shadedness.Foo"));
    }

    @Test
    void isJdk_jdkAndLibraryNames_onlyJdkTrue() {
        assertTrue(OwnClasses.isJdk("java.util.Arrays"));
        assertTrue(OwnClasses.isJdk("com.sun.crypto.provider.AESCrypt"));
        assertFalse(OwnClasses.isJdk("org.apache.commons.math3.util.FastMath"));
        assertFalse(OwnClasses.isJdk("javaxx.Foo"));
    }
}
