package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.api.Variant;
import dev.selftune.api.Verdict;
import dev.selftune.generate.specimens.Delegating;
import dev.selftune.generate.specimens.DelegatingPlanted;
import dev.selftune.generate.transform.AlgorithmChoice;
import dev.selftune.generate.transform.TuneConstant;
import dev.selftune.inputs.InputSource;
import dev.selftune.report.ChangedMethods;
import dev.selftune.target.Target;
import dev.selftune.verify.Verifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The differential verifier, which calls only the named entry, judges variants of the unit's callees. */
class CallUnitVerifyTest {
    private static final InputSource SRC = new InputSource(7, new int[] {16, 300}, null, null);

    private static Verifier verifier(Class<?> c, String name) throws URISyntaxException {
        Path classes = Path.of(CallUnitVerifyTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Target t = new Target(new MethodRef(c.getName(), name, "([I)V"), Specimen.bytes(c), true, List.of(classes));
        return new Verifier(t, SRC, null);
    }

    @Test
    void verify_exactCalleeVariants_passThroughTheEntry() throws Exception {
        Verifier verifier = verifier(Delegating.class, "quickSort");
        List<Variant> vs = CallUnitTest.generator(CallUnitTest.only(List.of(AlgorithmChoice.NAME, TuneConstant.NAME), 2))
                .generate("quickSort", "([I)V", Specimen.bytes(Delegating.class));
        List<Variant> checked = vs.stream().filter(v -> v.transforms().get(0).transform().equals(AlgorithmChoice.NAME)
                || v.transforms().get(0).params().get("value") <= 64).toList();
        assertTrue(checked.size() >= 6, vs.toString());
        for (Variant v : checked) {
            Verdict verdict = verifier.verify(v);
            assertInstanceOf(Verdict.Passed.class, verdict, v + ": " + verdict);
        }
    }

    @Test
    void verify_plantedWrongSibling_isRejectedAndTheCutOffPasses() throws Exception {
        Verifier verifier = verifier(DelegatingPlanted.class, "sort");
        byte[] original = Specimen.bytes(DelegatingPlanted.class);
        List<Variant> choice = CallUnitTest.generator(CallUnitTest.only(List.of(AlgorithmChoice.NAME), 1))
                .generate("sort", "([I)V", original);
        assertEquals(1, choice.size(), "reverseSort is the only sibling of selectionSort: " + choice);
        assertEquals(List.of("sort([III)V"), ChangedMethods.of(original, choice.get(0).classBytes()));
        Verdict wrong = verifier.verify(choice.get(0));
        assertFalse(wrong.passed(), "a descending sort in the base case must be rejected: " + wrong);
        List<Variant> cutOffs = CallUnitTest.generator(CallUnitTest.only(List.of(TuneConstant.NAME), 1))
                .generate("sort", "([I)V", original);
        Variant doubled = cutOffs.stream().filter(v -> v.transforms().get(0).params().get("value") == 24).findFirst().orElseThrow();
        assertInstanceOf(Verdict.Passed.class, verifier.verify(doubled), doubled.toString());
    }
}
