package dev.selftune.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.api.TuneException;
import dev.selftune.target.specimens.Shapes;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
