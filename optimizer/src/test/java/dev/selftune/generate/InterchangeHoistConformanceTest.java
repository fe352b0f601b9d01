package dev.selftune.generate;

import dev.selftune.generate.nestspecimens.NestHarness;
import dev.selftune.generate.transform.Hoist;
import dev.selftune.generate.transform.Interchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Every candidate of interchange, of hoist, and of one or two hoists after interchange, on every
 * nest specimen, keeps behaviour bit for bit (interchange: on inputs with one kind of fault at
 * most, see Interchange).
 */
class InterchangeHoistConformanceTest {
    private static final int TRIALS = 150;
    private final byte[] original = NestHarness.original();

    @TestFactory
    Stream<DynamicTest> everyCandidate_everySpecimen_sameBehaviour() {
        ClassNode cn = NestHarness.read(original);
        List<DynamicTest> tests = new ArrayList<>();
        for (MethodNode m : cn.methods) {
            if ((m.access & Opcodes.ACC_PUBLIC) == 0 || m.name.startsWith("<")) {
                continue;
            }
            Interchange interchange = new Interchange();
            Hoist hoist = new Hoist();
            for (Map<String, Integer> p : hoist.candidates(cn, m, NestHarness.CTX)) {
                tests.add(DynamicTest.dynamicTest("hoist " + p + " " + m.name, () ->
                        NestHarness.assertSameBehaviour(original, NestHarness.apply(original, m.name, hoist, p), m.name, TRIALS, false)));
            }
            for (Map<String, Integer> p : interchange.candidates(cn, m, NestHarness.CTX)) {
                byte[] swapped = NestHarness.apply(original, m.name, interchange, p);
                tests.add(DynamicTest.dynamicTest("interchange " + p + " " + m.name, () ->
                        NestHarness.assertSameBehaviour(original, swapped, m.name, TRIALS, true)));
                ClassNode swappedNode = NestHarness.read(swapped);
                MethodNode sm = NestHarness.method(swappedNode, m.name);
                for (Map<String, Integer> q : hoist.candidates(swappedNode, sm, NestHarness.CTX)) {
                    byte[] both = NestHarness.apply(swapped, m.name, hoist, q);
                    tests.add(DynamicTest.dynamicTest("interchange " + p + " then hoist " + q + " " + m.name, () -> {
                        NestHarness.assertSameBehaviour(original, both, m.name, TRIALS, true);
                        NestHarness.assertSameBehaviour(swapped, both, m.name, TRIALS, false);
                    }));
                    ClassNode bothNode = NestHarness.read(both);
                    for (Map<String, Integer> r : hoist.candidates(bothNode, NestHarness.method(bothNode, m.name), NestHarness.CTX)) {
                        tests.add(DynamicTest.dynamicTest("interchange " + p + ", hoist " + q + ", hoist " + r + " " + m.name, () -> {
                            byte[] three = NestHarness.apply(both, m.name, hoist, r);
                            NestHarness.assertSameBehaviour(original, three, m.name, TRIALS, true);
                            NestHarness.assertSameBehaviour(both, three, m.name, TRIALS, false);
                        }));
                    }
                }
            }
        }
        return tests.stream();
    }
}
