package dev.selftune.mutate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.generate.ClassBytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The mutation suite's fixed CI subset (the full suite is {@code scripts/mutation-suite.sh}): a few
 * specimen methods, every mutant through the verifier as tune runs it, each survivor through the
 * long independent run; plus the operator set's coverage and the harness's own checks.
 */
class MutationSubsetTest {
    static final String LOOPS = "dev.selftune.generate.specimens.Loops";
    static final String TALLY = "dev.selftune.mutate.specimens.Tally";
    /** Small enough for a CI run (well under 60 s), broad enough to hit most operators. */
    static final Set<String> SUBSET = Set.of("Loops.intSum", "Loops.breakContinue", "Loops.earlyReturn",
            "Loops.countPositive", "Loops.dot", "Loops.hashString", "Plain.chase");

    static List<Subject> subset() {
        List<String> skipped = new ArrayList<>();
        List<Subject> all = Subjects.specimens(List.of(LOOPS, "dev.selftune.generate.specimens.Plain"), skipped);
        return all.stream().filter(s -> SUBSET.contains(s.label())).toList();
    }

    static Subject tally(String name) {
        return Subjects.specimens(List.of(TALLY), new ArrayList<>()).stream()
                .filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void subset_fixedSpecimens_verifierKillsEveryNonEquivalentMutant() {
        List<Subject> subjects = subset();
        assertEquals(SUBSET.size(), subjects.size(), "every subset method is found");
        List<String> log = new ArrayList<>();
        MutationSuite suite = new MutationSuite(10_000_000_000L, log::add);
        List<MutantResult> all = new ArrayList<>();
        subjects.forEach(s -> all.addAll(suite.run(s)));
        SuiteReport r = new SuiteReport(all);
        assertTrue(all.size() >= 100, "the subset has at least 100 mutants: " + all.size());
        assertTrue(r.count(MutantResult.Status.KILLED) >= 90, r.table());
        assertEquals(List.of(), r.survivors().stream().map(m -> m.subject() + " " + m.edit() + ": " + m.note()).toList(),
                "non-equivalent survivors");
        assertEquals(1.0, r.killRate(), r.table());
    }

    @Test
    void operators_overSubsetAndTally_everyOperatorMakesMutants() {
        Set<String> seen = new TreeSet<>();
        List<Subject> subjects = new ArrayList<>(subset());
        subjects.addAll(Subjects.specimens(List.of(TALLY), new ArrayList<>()));
        for (Subject s : subjects) {
            try (IsolatedLoader l = new IsolatedLoader(s.classpath(), s.owner(), s.classBytes())) {
                Mutants.of(s.classBytes(), s.name(), s.desc(), l).forEach(e -> seen.add(e.operator()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        assertEquals(new TreeSet<>(Operators.ALL), seen, "operators with no mutant in the subset");
    }

    @Test
    void arrayStoreRedirect_copyInto_writesIntoTheSourceInstead() throws Exception {
        Subject s = tally("copyInto");
        Edit e = edits(s).stream().filter(x -> x.operator().equals("array-store-redirect")).findFirst().orElseThrow();
        Class<?> c = define(s, Mutants.apply(s.classBytes(), e, ClassBytes.resourcesOf(getClass().getClassLoader())));
        int[] src = {8, 9};
        int[] dst = {0, 0};
        c.getMethod("copyInto", int[].class, int[].class).invoke(null, src, dst);
        assertEquals(List.of(1, 2, 0, 0), List.of(src[0], src[1], dst[0], dst[1]), "the store went to src, mod 7");
    }

    @Test
    void equivalenceRun_identicalBytes_findsNoDifferenceIn100xRows() {
        Subject s = tally("countInto");
        EquivalenceRun.Result r = EquivalenceRun.run(s, s.classBytes(), 3, 20_000, 30_000_000_000L);
        assertNull(r.difference());
        assertEquals(20_000, r.rows());
    }

    @Test
    void equivalenceRun_skippedStaticWriteInHelper_findsTheStaticDifference() {
        Subject s = tally("countInto");
        Edit e = edits(s).stream().filter(x -> x.operator().equals("remove-static-write")).findFirst().orElseThrow();
        byte[] mutant = Mutants.apply(s.classBytes(), e, ClassBytes.resourcesOf(getClass().getClassLoader()));
        EquivalenceRun.Result r = EquivalenceRun.run(s, mutant, 3, 20_000, 30_000_000_000L);
        assertNotNull(r.difference());
        assertTrue(r.difference().contains("static field total"), r.difference());
    }

    @Test
    void mutants_unknownMethod_nameTheMethod() {
        Subject s = tally("countInto");
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> Mutants.of(s.classBytes(), "nope", "()V", getClass().getClassLoader()));
        assertTrue(x.getMessage().contains("nope()V"), x.getMessage());
    }

    private static List<Edit> edits(Subject s) {
        return Mutants.of(s.classBytes(), s.name(), s.desc(), MutationSubsetTest.class.getClassLoader());
    }

    private static Class<?> define(Subject s, byte[] bytes) throws ClassNotFoundException {
        return Class.forName(s.owner(), true, new IsolatedLoader(s.classpath(), s.owner(), bytes));
    }
}
