package dev.selftune.generate.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.generate.ClassBytes;
import dev.selftune.generate.Generator;
import dev.selftune.generate.Policy;
import dev.selftune.generate.TransformContext;
import dev.selftune.generate.specimens.Layouts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

class LayoutConstantsTest {
    private static final ClassNode LAYOUTS = ClassBytes.read(bytes());
    private static final TransformContext CTX = TransformContext.exact(Policy.defaults());

    private static byte[] bytes() {
        try (InputStream in = Layouts.class.getResourceAsStream("Layouts.class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MethodNode method(String name) {
        return LAYOUTS.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    /** The constants tune-constant proposes to change in {@code name}. */
    private static Set<Integer> tuned(String name) {
        return TuneConstant.tunable(LAYOUTS, method(name), dev.selftune.generate.TransformContext.exact(Policy.defaults())).stream().collect(Collectors.toSet());
    }

    @Test
    void of_eightByteStepReadingEveryOffset_tiesTheStepAndItsGuard() {
        Map<Integer, String> tied = LayoutConstants.of(method("eightAtATime"));
        assertTrue(tied.keySet().containsAll(Set.of(7, 8)), tied.toString());
        assertTrue(tied.get(7).contains("reads every offset 1..7"), tied.get(7));
    }

    @Test
    void tunable_layoutStep_isNotProposedWhileABlockSizeAndACutoffAre() {
        assertTrue(tuned("eightAtATime").isEmpty(), "8 and 7 are layout: " + tuned("eightAtATime"));
        assertEquals(Set.of(64), tuned("blocked"));
        assertEquals(Set.of(47), tuned("sortWithCutoff"));
    }

    @Test
    void skipped_layoutConstants_areNamedWithTheirReason() {
        Map<String, String> skipped = new TuneConstant().skipped(LAYOUTS, method("eightAtATime"), CTX);
        assertEquals(Set.of("constant 7 in eightAtATime", "constant 8 in eightAtATime"), skipped.keySet());
        assertTrue(new TuneConstant().skipped(LAYOUTS, method("blocked"), CTX).isEmpty());
        String why = new TuneConstant().whyNotApplied(LAYOUTS, method("eightAtATime"), CTX);
        assertTrue(why.contains("tied to the data layout"), why);
    }

    @Test
    void generator_layoutMethod_reportsWhatTuneConstantLeftAlone() {
        Generator g = new Generator(Policy.defaults(), CTX, ClassBytes.resourcesOf(LayoutConstantsTest.class.getClassLoader()));
        List<?> variants = g.generate("eightAtATime", null, bytes());
        assertFalse(variants.isEmpty(), "other transforms still propose (unroll of the tail loop)");
        assertTrue(g.skipped().keySet().containsAll(Set.of("tune-constant: constant 7 in eightAtATime",
                "tune-constant: constant 8 in eightAtATime")), g.skipped().toString());
    }
}
