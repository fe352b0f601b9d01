package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Variant;
import dev.selftune.generate.specimens.Loops;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The variant cap counts admitted (verified) variants; rejected ones are returned but never composed further. */
class GeneratorAdmissionTest {
    private static final int CAP = 3;

    private static List<Variant> generate(Predicate<Variant> admit) {
        return generate(CAP, admit);
    }

    private static List<Variant> generate(int cap, Predicate<Variant> admit) {
        Policy d = Policy.defaults();
        Policy p = new Policy(d.transforms(), d.ranges(), 2, cap, 1, 0.5);
        Generator g = new Generator(p, TransformContext.exact(p), ClassBytes.resourcesOf(GeneratorAdmissionTest.class.getClassLoader()));
        return g.generate("intSum", null, Specimen.bytes(Loops.class), admit);
    }

    private static String lastTransform(Variant v) {
        return v.transforms().get(v.transforms().size() - 1).transform();
    }

    @Test
    void generate_admitAll_capsAtMaxVariants() {
        assertEquals(CAP, generate(v -> true).size());
    }

    @Test
    void generate_rejectedVariants_doNotTakeSlots() {
        // the first proposals are unroll's; rejecting them leaves the cap to the other transforms
        Set<String> rejected = new HashSet<>();
        List<Variant> out = generate(v -> {
            boolean ok = !lastTransform(v).equals("unroll");
            if (!ok) {
                rejected.add(v.id());
            }
            return ok;
        });
        long admitted = out.stream().filter(v -> !rejected.contains(v.id())).count();
        assertEquals(CAP, admitted, out.toString());
        assertTrue(out.size() > CAP, "rejected variants are returned too, for the report");
        assertTrue(out.stream().noneMatch(v -> rejected.contains(v.parent())), "a rejected variant is never composed further");
    }

    @Test
    void generate_everythingRejected_stopsAtThreeProposalsPerSlot() {
        assertTrue(generate(100, v -> false).size() > Generator.PROPOSALS_PER_SLOT, "intSum has more proposals than one slot's");
        List<Variant> out = generate(1, v -> false);
        assertEquals(Generator.PROPOSALS_PER_SLOT, out.size());
        assertTrue(out.stream().allMatch(v -> v.transforms().size() == 1), "nothing is built on a rejected variant");
    }
}
