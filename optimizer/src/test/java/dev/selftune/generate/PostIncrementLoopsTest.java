package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Variant;
import dev.selftune.generate.bounds.PostIncrement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.ClassNode;

/** while (i < end) s += a[i++] * b[j] becomes javac's counted shape, and only where moving the step changes nothing. */
class PostIncrementLoopsTest {
    @Test
    void apply_stepInsideTheLoad_becomesACountedLoop() {
        ClassNode cn = ClassBytes.read(Specimen.bytes(PostIncrement.class));
        assertEquals(0, CountedLoops.find(TunedMethods.find(cn, "strided", null)).size(), "before");
        assertEquals(1, PostIncrementLoops.apply(TunedMethods.find(cn, "strided", null)));
        assertEquals(1, CountedLoops.find(TunedMethods.find(cn, "strided", null)).size(), "after");
        assertEquals(0, PostIncrementLoops.apply(TunedMethods.find(cn, "strided", null)), "a second pass finds nothing");
    }

    @Test
    void apply_leavesAlone_readAfterTheStep_aHandlerThatSeesI_aBreakAfterTheStep() {
        ClassNode cn = ClassBytes.read(Specimen.bytes(PostIncrement.class));
        for (String m : List.of("readsAfter", "caught", "breaksAfter")) {
            String before = MethodText.text(TunedMethods.find(cn, m, null));
            assertEquals(0, PostIncrementLoops.apply(TunedMethods.find(cn, m, null)), m);
            assertEquals(before, MethodText.text(TunedMethods.find(cn, m, null)), m + " changed");
        }
    }

    @Test
    void apply_sameResultsAndExceptions() throws Exception {
        ClassNode cn = ClassBytes.read(Specimen.bytes(PostIncrement.class));
        PostIncrementLoops.apply(TunedMethods.find(cn, "strided", null));
        byte[] bytes = ClassBytes.write(cn, ClassBytes.resourcesOf(getClass().getClassLoader()));
        assertEquals("", Specimen.check(bytes));
        Class<?> v = Specimen.load(PostIncrement.class.getName(), bytes);
        Method orig = PostIncrement.class.getMethod("strided", double[].class, double[].class, int.class, int.class, int.class);
        Method tuned = v.getMethod("strided", double[].class, double[].class, int.class, int.class, int.class);
        Random r = new Random(5);
        int thrown = 0;
        for (int t = 0; t < 500; t++) {
            int len = r.nextInt(20);
            Object[] args = {r.doubles(len).toArray(), r.doubles(r.nextInt(40)).toArray(), r.nextInt(len + 3) - 1,
                    r.nextInt(len + 3) - 1, r.nextInt(4)};
            Specimen.Outcome want = Specimen.run(orig, args);
            thrown += want.thrown() != null ? 1 : 0;
            assertTrue(want.sameAs(Specimen.run(tuned, args), 0), "trial " + t + ": " + Specimen.describe(args));
        }
        assertTrue(thrown > 20 && thrown < 480, "both sides: " + thrown + " of 500 threw");
    }

    @Test
    void generate_unrollReachesAPostIncrementLoop_exactly() {
        Policy unroll = new Policy(List.of("unroll"), Policy.defaults().ranges(), 1, 24, 1, 0.5);
        Generator g = new Generator(unroll, TransformContext.exact(unroll), ClassBytes.resourcesOf(getClass().getClassLoader()));
        List<Variant> vs = g.generate("strided", null, Specimen.bytes(PostIncrement.class));
        assertFalse(vs.isEmpty(), "no variant: " + g.notApplied());
    }
}
