package dev.selftune.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.api.Variant;
import dev.selftune.api.specimens.Kernels;
import dev.selftune.generate.ClassBytes;
import dev.selftune.generate.Generator;
import dev.selftune.generate.Policy;
import dev.selftune.generate.TransformContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeaturesTest {
    static final MethodRef MULTIPLY = new MethodRef(Kernels.class.getName(), "multiply", null);

    static byte[] bytes(Class<?> c) {
        try (InputStream in = c.getClassLoader().getResourceAsStream(c.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Variant> variants(MethodRef m, byte[] original) {
        Policy p = Policy.defaults();
        return new Generator(p, TransformContext.exact(p), ClassBytes.resourcesOf(FeaturesTest.class.getClassLoader()))
                .generate(m, original);
    }

    @Test
    void features_sameVariantTwice_identicalMaps() {
        byte[] original = bytes(Kernels.class);
        List<Variant> a = variants(MULTIPLY, original);
        List<Variant> b = variants(MULTIPLY, original);
        assertTrue(a.size() >= 3, "multiply should yield several variants: " + a);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(Features.of(a.get(i), MULTIPLY, original), Features.of(b.get(i), MULTIPLY, original), a.get(i).id());
        }
    }

    @Test
    void features_differentTransforms_differentMapsAndTransformFeaturesNamed() {
        byte[] original = bytes(Kernels.class);
        List<Variant> vs = variants(MULTIPLY, original);
        Variant first = vs.get(0);
        Variant other = vs.stream().filter(v -> !v.transforms().get(0).transform().equals(first.transforms().get(0).transform()))
                .findFirst().orElseThrow(() -> new AssertionError("one transform only: " + vs));
        Map<String, Double> f1 = Features.of(first, MULTIPLY, original);
        Map<String, Double> f2 = Features.of(other, MULTIPLY, original);
        assertNotEquals(f1, f2);
        assertEquals(1.0, f1.get("transform." + first.transforms().get(0).transform()));
        assertEquals(null, f1.get("transform." + other.transforms().get(0).transform()), "a transform not applied is absent (reads 0)");
    }

    @Test
    void features_target_describesLoopDepthDimsAndElementType() {
        byte[] original = bytes(Kernels.class);
        Map<String, Double> t = Features.target(MULTIPLY, original);
        assertEquals(3.0, t.get("target.loopDepth"), "i-j-k nest: " + t);
        assertEquals(2.0, t.get("target.arrayDims"));
        assertEquals(2.0, t.get("target.elem.double"), "two double[][] parameters");
        assertEquals(1.0, t.get("target.returnsArray"));
    }

    @Test
    void features_unrolledVariant_growsInInstructionsOverTheOriginal() {
        byte[] original = bytes(Kernels.class);
        Variant unrolled = variants(MULTIPLY, original).stream()
                .filter(v -> v.transforms().size() == 1 && v.transforms().get(0).transform().equals("unroll")).findFirst()
                .orElseThrow(() -> new AssertionError("no unroll variant of multiply"));
        Map<String, Double> f = Features.of(unrolled, MULTIPLY, original);
        assertTrue(f.get("growth.insns") > 0.2, "unroll copies the body: " + f.get("growth.insns"));
        assertTrue(f.get("transform.unroll.factor") > 0, "its factor is a feature");
    }

    @Test
    void features_original_hasNoGrowth() {
        byte[] original = bytes(Kernels.class);
        Map<String, Double> f = Features.of(new Variant(Variant.ORIGINAL_ID, null, List.of(), original), MULTIPLY, original);
        for (String k : CodeStats.KEYS) {
            assertEquals(0.0, f.get("growth." + k), k);
        }
        assertEquals(0.0, f.get("steps"));
    }
}
