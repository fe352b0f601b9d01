package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Variant;
import dev.selftune.generate.transform.Specialise;
import dev.selftune.generate.transform.TuneConstant;
import dev.selftune.inputs.UsualValues;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tune-constant leaves alone constants that are not knobs: the value specialise folded in, and values only tested for equality. */
class NotKnobsTest {

    /** A count above a threshold its callers always pass as 500, and a cut-off of the author's. */
    public static final class Thresholds {
        private Thresholds() { }

        public static int countAbove(int[] a, int threshold) {
            int n = 0;
            for (int i = 0; i < a.length; i++) {
                if (a[i] > threshold) {
                    n++;
                }
            }
            return n;
        }

        /** Words in ASCII text: ' ', '\n' and '\t' are matched, 24 is the author's cut-off. */
        public static int words(byte[] text) {
            if (text.length < 24) {
                return -1;
            }
            int words = 0;
            boolean inWord = false;
            for (int i = 0; i < text.length; i++) {
                boolean space = text[i] == ' ' || text[i] == '\n' || text[i] == '\t';
                if (!space && !inWord) {
                    words++;
                }
                inWord = !space;
            }
            return words;
        }

        public static int countAboveOrSmall(int[] a, int threshold) {
            if (a.length < 24) {
                return -1;
            }
            return countAbove(a, threshold);
        }
    }

    private static List<Variant> generate(String name, List<String> transforms, UsualValues usual) {
        Policy p = new Policy(transforms, Policy.defaults().ranges(), 2, 200, 1, 0.5);
        TransformContext ctx = TransformContext.exact(p).withUsualValues(usual);
        Generator g = new Generator(p, ctx, ClassBytes.resourcesOf(NotKnobsTest.class.getClassLoader()));
        return g.generate(name, "([II)I", Specimen.bytes(Thresholds.class));
    }

    private static UsualValues rows(String name) {
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < 12; r++) {
            rows.add(new Object[] {new int[r * 5], 500});
        }
        return UsualValues.of(name, "([II)I", rows);
    }

    @Test
    void specialiseThenTuneConstant_theFoldedThresholdIsNotProposed() {
        List<Variant> vs = generate("countAbove", List.of(Specialise.NAME, TuneConstant.NAME), rows("countAbove"));
        assertFalse(vs.isEmpty(), "specialise applies");
        assertTrue(vs.stream().noneMatch(v -> v.transforms().stream().anyMatch(s -> s.transform().equals(TuneConstant.NAME))),
                "no variant changes the folded 500: " + vs);
    }

    @Test
    void theAuthorsCutOff_isStillAKnobBesideAFoldedArgument() {
        List<Variant> vs = generate("countAboveOrSmall", List.of(Specialise.NAME, TuneConstant.NAME), rows("countAboveOrSmall"));
        List<Integer> changed = vs.stream().flatMap(v -> v.transforms().stream())
                .filter(s -> s.transform().equals(TuneConstant.NAME)).map(s -> s.params().get("value")).distinct().toList();
        assertFalse(changed.isEmpty(), "24 is tuned: " + vs);
        var cn = ClassBytes.read(Specimen.bytes(Thresholds.class));
        var m = TunedMethods.find(cn, "countAboveOrSmall", null);
        var fast = Multiversion.fastCopy(m, 0);
        assertEquals(List.of(500), List.copyOf(TuneConstant.foldedArguments(fast,
                TransformContext.exact(Policy.defaults()).withUsualValues(rows("countAboveOrSmall"))).keySet()), "read through m$fast$0's name");
    }

    @Test
    void equalityTestedCharacters_areNotKnobs_theOrderedCutOffIs_andTheReportSaysWhy() {
        var cn = ClassBytes.read(Specimen.bytes(Thresholds.class));
        var m = TunedMethods.find(cn, "words", null);
        TransformContext ctx = TransformContext.exact(Policy.defaults());
        TuneConstant t = new TuneConstant();
        var offers = t.candidates(cn, m, ctx);
        assertFalse(offers.isEmpty(), "the cut-off 24 is a knob");
        assertTrue(offers.stream().allMatch(p -> p.get("index") == 0), "one knob only, not 32, 10 or 9: " + offers);
        var skipped = t.skipped(cn, m, ctx);
        assertEquals(java.util.Set.of("constant 32 in words", "constant 10 in words", "constant 9 in words"), skipped.keySet());
        assertTrue(skipped.get("constant 32 in words").contains("only tested for equality"), skipped.toString());
    }
}
