package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Verdict;
import dev.selftune.generate.specimens.Loops;
import dev.selftune.generate.specimens.Scatters;
import dev.selftune.generate.transform.PrivatiseScatter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.ClassNode;

class PrivatiseScatterTest {
    private static final TransformContext CTX = TransformContext.exact(Policy.defaults());
    private final PrivatiseScatter scatter = new PrivatiseScatter();

    private List<Map<String, Integer>> offers(Class<?> c, String name) {
        ClassNode cn = ClassBytes.read(Specimen.bytes(c));
        return scatter.candidates(cn, TunedMethods.find(cn, name, null), CTX);
    }

    private String why(Class<?> c, String name) {
        ClassNode cn = ClassBytes.read(Specimen.bytes(c));
        return scatter.whyNotApplied(cn, TunedMethods.find(cn, name, null), CTX);
    }

    private static Method method(byte[] bytes, String name, Class<?>... types) throws NoSuchMethodException {
        return Specimen.load(Scatters.class.getName(), bytes).getMethod(name, types);
    }

    @Test
    void candidates_histogramSample_offersFourAndTwoTables() {
        assertEquals(List.of(Map.of("loop", 0, "k", 4), Map.of("loop", 0, "k", 2)), offers(Scatters.class, "histogram"));
        for (String m : List.of("countInto", "sumInto", "rawCounts", "shortCounts", "byteCountsInto")) {
            assertFalse(offers(Scatters.class, m).isEmpty(), m);
        }
    }

    @Test
    void whyNotApplied_tableReadInLoopRowsOrNoScatter_saysWhichRule() {
        assertTrue(why(Scatters.class, "readsTable").contains("is read elsewhere in the loop"), why(Scatters.class, "readsTable"));
        assertTrue(why(Scatters.class, "rowsInto").contains("not a fresh array"), why(Scatters.class, "rowsInto"));
        assertTrue(why(Scatters.class, "rowsInto").contains("counts"), "names the table by its source name: " + why(Scatters.class, "rowsInto"));
        assertTrue(why(Loops.class, "intSum").contains("no t[key] += e"), why(Loops.class, "intSum"));
        assertTrue(why(Loops.class, "withCall").contains("INVOKE"), why(Loops.class, "withCall"));
        assertEquals(List.of(), offers(Scatters.class, "readsTable"));
        assertEquals(List.of(), offers(Scatters.class, "rowsInto"));
    }

    @Test
    void apply_keyOutOfRangeMidLoop_sameExceptionWithEveryEarlierCountInTheTable() throws Exception {
        for (int k : new int[] {2, 3, 4}) {
            Method original = method(Specimen.bytes(Scatters.class), "countInto", int[].class, int[].class);
            Method privatised = method(TransformVerdicts.apply(Scatters.class, "countInto", scatter, Map.of("loop", 0, "k", k)),
                    "countInto", int[].class, int[].class);
            int[] keys = new int[50];
            Arrays.setAll(keys, i -> i % 5);
            keys[37] = 40;
            int[] want = new int[32];
            int[] got = new int[32];
            assertEquals("java.lang.ArrayIndexOutOfBoundsException", thrown(original, keys, want));
            assertEquals("java.lang.ArrayIndexOutOfBoundsException", thrown(privatised, keys, got));
            assertArrayEquals(want, got, "k " + k + ": the counts before the bad key are all in the table");
            assertEquals(37, Arrays.stream(got).sum());
        }
    }

    @Test
    void apply_keysAreTheTable_fallsBackToTheOriginalLoop() throws Exception {
        Method original = method(Specimen.bytes(Scatters.class), "countInto", int[].class, int[].class);
        Method privatised = method(TransformVerdicts.apply(Scatters.class, "countInto", scatter, Map.of("loop", 0, "k", 4)),
                "countInto", int[].class, int[].class);
        int[] a = new int[64];
        int[] b = new int[64];
        Arrays.setAll(a, i -> i * 7);
        Arrays.setAll(b, i -> i * 7);
        thrown(original, a, a);
        thrown(privatised, b, b);
        assertArrayEquals(a, b, "each update sees the earlier ones when the keys are the counts");
    }

    @Test
    void apply_longSumsAndFreshTables_sameAsTheOriginal() {
        for (String m : List.of("sumInto", "rawCounts", "histogram", "shortCounts", "byteCountsInto")) {
            for (int k : new int[] {2, 4}) {
                byte[] bytes = TransformVerdicts.apply(Scatters.class, m, scatter, Map.of("loop", 0, "k", k));
                assertEquals("", Specimen.check(bytes));
                NestHarnessFree.assertSame(Scatters.class, bytes, m);
            }
        }
    }

    @Test
    void verify_privatisedHistogramSample_passes() {
        for (int k : new int[] {2, 4}) {
            Map<String, Integer> params = Map.of("loop", 0, "k", k);
            Verdict v = TransformVerdicts.verify(Scatters.class, "histogram", PrivatiseScatter.NAME, params,
                    TransformVerdicts.apply(Scatters.class, "histogram", scatter, params), 16, 1000);
            assertInstanceOf(Verdict.Passed.class, v, v::toString);
        }
    }

    @Test
    void verify_privatisedCountIntoWithShortTablesAndAliasing_passes() {
        Map<String, Integer> params = Map.of("loop", 0, "k", 4);
        Verdict v = TransformVerdicts.verify(Scatters.class, "countInto", PrivatiseScatter.NAME, params,
                TransformVerdicts.apply(Scatters.class, "countInto", scatter, params), 16, 100);
        assertInstanceOf(Verdict.Passed.class, v, v::toString);
    }

    @Test
    void apply_shortCountersPastTheirRange_wrapExactlyAsTheOriginal() throws Exception {
        Method original = method(Specimen.bytes(Scatters.class), "shortCounts", byte[].class);
        Method privatised = method(TransformVerdicts.apply(Scatters.class, "shortCounts", scatter, Map.of("loop", 0, "k", 4)),
                "shortCounts", byte[].class);
        byte[] data = new byte[100_003];
        Arrays.fill(data, (byte) 7);
        data[5] = -1;
        short[] want = (short[]) original.invoke(null, (Object) data);
        assertArrayEquals(want, (short[]) privatised.invoke(null, (Object) data));
        assertEquals((short) 100_002, want[7], "the count wrapped");
    }

    @Test
    void notApplied_generatorOnTableReadInTheLoop_reportsTheReasonInWords() {
        Generator g = new Generator(Policy.defaults(), CTX, ClassBytes.resourcesOf(getClass().getClassLoader()));
        g.generate("readsTable", null, Specimen.bytes(Scatters.class));
        String why = g.notApplied().get(PrivatiseScatter.NAME);
        assertTrue(why != null && why.contains("counts") && why.contains("is read elsewhere in the loop"), g.notApplied().toString());
    }

    @Test
    void apply_kOutOfRangeOrNoScatter_declined() {
        ClassNode cn = ClassBytes.read(Specimen.bytes(Scatters.class));
        assertFalse(scatter.apply(cn, TunedMethods.find(cn, "histogram", null), Map.of("loop", 0, "k", 1), CTX));
        assertFalse(scatter.apply(cn, TunedMethods.find(cn, "readsTable", null), Map.of("loop", 0, "k", 2), CTX));
    }

    private static String thrown(Method m, Object... args) throws IllegalAccessException {
        try {
            m.invoke(null, args);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause().getClass().getName();
        }
    }

    /** The conformance check of one method, 300 seeded trials with Specimen's inputs, aliasing on every other trial. */
    static final class NestHarnessFree {
        static void assertSame(Class<?> c, byte[] variant, String name) {
            try {
                Method mo = Arrays.stream(Specimen.load(c.getName(), Specimen.bytes(c)).getMethods())
                        .filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
                Method mv = Specimen.load(c.getName(), variant).getMethod(name, mo.getParameterTypes());
                java.util.Random r = new java.util.Random(name.hashCode());
                for (int t = 0; t < 300; t++) {
                    Object[] args = Specimen.args(mo.getParameterTypes(), r, t, false);
                    if (t % 2 == 1) {
                        Specimen.aliased(args, r);
                    }
                    Specimen.Outcome want = Specimen.run(mo, args);
                    Specimen.Outcome got = Specimen.run(mv, args);
                    assertTrue(want.sameAs(got, 0), name + " on " + Specimen.describe(args) + ": expected " + want.result()
                            + "/" + want.thrown() + " got " + got.result() + "/" + got.thrown());
                }
            } catch (NoSuchMethodException e) {
                throw new AssertionError(e);
            }
        }
    }
}
