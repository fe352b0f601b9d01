package dev.selftune.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.api.TuneException;
import dev.selftune.target.specimens.Shapes;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Opcodes;

class TargetLoaderTest {
    private static final String SHAPES = Shapes.class.getName();

    static List<Path> testClasses() {
        try {
            return List.of(Path.of(Shapes.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TuneException refused(String spec) {
        return assertThrows(TuneException.class, () -> TargetLoader.load(testClasses(), MethodRef.parse(spec)));
    }

    @Test
    void load_uniqueStaticMethod_resolvesDescriptorAndBytes() {
        Target t = TargetLoader.load(testClasses(), MethodRef.parse(SHAPES + "#sum"));
        assertEquals("([I)I", t.method().descriptor());
        assertTrue(t.isStatic());
        assertTrue(t.classBytes().length > 100);
    }

    @Test
    void load_overloadWithoutDescriptor_listsOverloads() {
        TuneException e = refused(SHAPES + "#over");
        assertTrue(e.getMessage().contains("overloaded"), e.getMessage());
        assertTrue(e.getMessage().contains(SHAPES + "#over(I)I"), e.getMessage());
        assertTrue(e.getMessage().contains(SHAPES + "#over(J)J"), e.getMessage());
    }

    @Test
    void load_overloadWithDescriptor_picksIt() {
        assertEquals("(J)J", TargetLoader.load(testClasses(), MethodRef.parse(SHAPES + "#over(J)J")).method().descriptor());
    }

    @Test
    void load_wrongDescriptor_listsOverloads() {
        assertTrue(refused(SHAPES + "#over(D)D").getMessage().contains("the overloads are"));
    }

    @Test
    void load_unknownMethod_namesExistingMethods() {
        TuneException e = refused(SHAPES + "#nope");
        assertTrue(e.getMessage().contains("no method 'nope'") && e.getMessage().contains("sum"), e.getMessage());
    }

    @Test
    void load_unknownClass_saysCheckClassPath() {
        TuneException e = refused("com.example.Missing#x");
        assertTrue(e.getMessage().contains("not on the class path"), e.getMessage());
    }

    @Test
    void load_missingClasspathEntry_namesEntry() {
        TuneException e = assertThrows(TuneException.class,
                () -> TargetLoader.load(List.of(Path.of("/no/such/dir")), MethodRef.parse(SHAPES + "#sum")));
        assertTrue(e.getMessage().contains("/no/such/dir") && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void load_abstractNativeConstructor_refusedWithRule() {
        assertTrue(refused(SHAPES + "#abstractOne").getMessage().contains("abstract"));
        assertTrue(refused(SHAPES + "#nativeOne").getMessage().contains("native"));
        assertTrue(refused(SHAPES + "#<init>").getMessage().contains("constructor"));
    }

    /* Static state is compared after every call (verify/StaticState), so a static writer is tunable. */
    @Test
    void load_staticWriter_accepted() {
        assertEquals("bumpsCounter", TargetLoader.load(testClasses(), MethodRef.parse(SHAPES + "#bumpsCounter")).method().name());
    }

    @Test
    void load_jdkClass_refused() {
        assertTrue(refused("java.util.Arrays#sort([I)V").getMessage().contains("JDK"));
    }

    @Test
    void load_java11ClassWithSubroutines_resolvesWithItsBytesUnchanged(@TempDir Path dir) {
        byte[] bytes = OldClasses.kernels(Opcodes.V1_1);
        Target t = TargetLoader.load(List.of(OldClasses.write(dir, bytes)), MethodRef.parse(OldClasses.NAME + "#sumFinally"));
        assertEquals("([I)I", t.method().descriptor());
        assertArrayEquals(bytes, t.classBytes());
    }

    @Test
    void load_classNewerThanThisJvm_refusedInOneLine(@TempDir Path dir) {
        byte[] bytes = OldClasses.kernels(Opcodes.V1_1);
        int tooNew = ClassVersion.newestRunnable() + 1;
        bytes[4] = 0;
        bytes[5] = 0;
        bytes[6] = (byte) (tooNew >> 8);
        bytes[7] = (byte) tooNew;
        List<Path> cp = List.of(OldClasses.write(dir, bytes));
        TuneException e = assertThrows(TuneException.class, () -> TargetLoader.load(cp, MethodRef.parse(OldClasses.NAME + "#sum")));
        assertEquals("class old.Kernels has class-file version " + tooNew + "; selftune tunes versions 45 (Java 1.1) to "
                + (tooNew - 1) + " (this JVM): recompile it, or run selftune on a newer JVM", e.getMessage());
    }

    @Test
    void load_jdk10LayoutClass_refusedInOneLine(@TempDir Path dir) {
        byte[] bytes = OldClasses.kernels(Opcodes.V1_1);
        bytes[5] = 2;
        List<Path> cp = List.of(OldClasses.write(dir, bytes));
        TuneException e = assertThrows(TuneException.class, () -> TargetLoader.load(cp, MethodRef.parse(OldClasses.NAME + "#sum")));
        assertEquals("class old.Kernels has class-file version 45.2, the JDK 1.0 layout (one-byte max_stack) that selftune "
                + "cannot read: recompile it with any later javac", e.getMessage());
    }

    @Test
    void isJdkOrBundled_decidedByPackage_bundledLibrariesOfTheUserAreTunable() {
        assertTrue(TargetLoader.isJdkOrBundled("java.util.Arrays"));
        assertTrue(TargetLoader.isJdkOrBundled("dev.selftune.shaded.asm.ClassReader"));
        assertTrue(TargetLoader.isJdkOrBundled("org.openjdk.jmh.util.Utils"), "JMH is selftune's harness under its own name here");
        assertFalse(TargetLoader.isJdkOrBundled("org.apache.commons.math3.transform.FastFourierTransformer"),
                "on the class path here, but a user's commons-math3 is theirs to tune");
        assertFalse(TargetLoader.isJdkOrBundled("dev.selftune.measure.Stats"), "selftune tunes its own classes from a copy");
        assertFalse(TargetLoader.isJdkOrBundled("dev.selftune.samples.MatrixMultiply"));
        assertFalse(TargetLoader.isJdkOrBundled("com.acme.Foo"));
    }

    @Test
    void load_bundledLibraryName_refusedWithWhereToTuneIt() {
        TuneException e = refused("dev.selftune.shaded.asm.ClassReader#readByte");
        assertEquals("class dev.selftune.shaded.asm.ClassReader is a library bundled inside selftune, which is never tuned: "
                + "tune it from the library's own jar under its published name", e.getMessage());
    }

    @Test
    void load_selftunesOwnClassFromTheUsersClassPath_isTunable() throws Exception {
        // selftune on selftune (issue 7 §4): its own classes, from a copy on --classpath, load like a user's
        Path main = Path.of(TargetLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Target t = TargetLoader.load(List.of(main), MethodRef.parse("dev.selftune.measure.Stats#geometricMean"));
        assertEquals("dev.selftune.measure.Stats", t.method().owner());
    }

    @Test
    void load_libraryClassSelftuneAlsoUses_notRefusedAsSelftune() throws Exception {
        // commons-math3 is on selftune's own class path too; on the user's it is the user's code. Its
        // class files are Java 5, which selftune tunes: it loads.
        Path jar = Path.of(org.apache.commons.math3.util.MathArrays.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Target t = TargetLoader.load(List.of(jar), MethodRef.parse("org.apache.commons.math3.util.MathArrays#ebeAdd([D[D)[D"));
        assertEquals("([D[D)[D", t.method().descriptor());
    }
}
