package dev.selftune.report;

import dev.selftune.api.Basis;
import dev.selftune.api.Decision;
import dev.selftune.api.ForkPlanInfo;
import dev.selftune.api.Measurement;
import dev.selftune.api.MethodRef;
import dev.selftune.api.RunSetup;
import dev.selftune.api.Speedup;
import dev.selftune.api.Step;
import dev.selftune.api.TuneResult;
import dev.selftune.api.Variant;
import dev.selftune.api.VariantResult;
import dev.selftune.api.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

/** Hand-built results with real class bytes: a swap and a keep over the same variants. */
public final class ReportFixtures {
    public static final String OWNER = "dev/selftune/report/Dot";
    public static final MethodRef TARGET = MethodRef.parse("dev.selftune.report.Dot#dot([D[D)D");

    private ReportFixtures() { }

    public static byte[] original() {
        return bytes(Dot.class);
    }

    /** DotUnrolled's bytes renamed to Dot, as a variant of Dot would be. */
    public static byte[] unrolled() {
        ClassWriter cw = new ClassWriter(0);
        new ClassReader(bytes(DotUnrolled.class)).accept(
                new ClassRemapper(cw, new SimpleRemapper(Opcodes.ASM9, "dev/selftune/report/DotUnrolled", OWNER)), 0);
        return cw.toByteArray();
    }

    public static TuneResult swap() {
        List<VariantResult> vs = variants();
        Variant winner = vs.get(2).variant();
        Decision d = new Decision.Swap(winner, new Speedup(1.68, 1.59, 1.78), ms(412.0, 6.1), ms(245.2, 4.0));
        return result(vs, d);
    }

    public static TuneResult keep() {
        return result(variants(), new Decision.Keep("no variant's speedup interval excluded 1.0 with a gain of at least 1.05\u00d7"));
    }

    /** The conditions of a run: FP tolerance (null: bit-exact), sizes 16 and 1024, one fork flag, the two plans. */
    public static RunSetup setup(Double fpTolerance) {
        return new RunSetup(fpTolerance, List.of(16, 1024), "generated", List.of("-Xmx1g"),
                new ForkPlanInfo(1, 3, 4, 100), new ForkPlanInfo(1, 4, 5, 100));
    }

    /** Transforms that produced nothing, with their reasons (the others produced the fixtures' variants). */
    public static Map<String, String> notApplied() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("interchange", "needs two nested counted loops (for (int i = a; i < n; i++)), found 1");
        m.put("tune-constant", "no integer constant of at least 3 is compared against in a branch");
        return m;
    }

    /**
     * A keep about a confirmed v1 (CPU time, 1.03x [0.97, 1.10] over 6 pairs) while screening's best
     * estimate was v2 at 1.68x: the decision must be reported as v1's.
     */
    public static TuneResult keepConfirmed() {
        List<VariantResult> vs = variants();
        VariantResult v1 = vs.get(1);
        vs.set(1, new VariantResult(v1.variant(), v1.verdict(),
                new Measurement(398.0, 9.0, "ns/op", 6, 5, new double[] {397, 398, 399, 398, 397, 399}),
                new Speedup(1.03, 0.97, 1.10, Basis.CPU), "confirmed in 6 interleaved fork pairs"));
        return new TuneResult(TARGET, "17.0.15", "Debian", "cpu", 42L, 120, 80.0, ms(410.5, 7.5), vs,
                new Decision.Keep("CPU-time speedup 1.03x [0.97, 1.10] (95% CI over 6 fork pairs) does not exclude 1.0; "
                        + "keeping the original"), original(), 0, setup(null), "v1", notApplied());
    }

    /** A swap of v2 confirmed on CPU time, whose results only had to agree within a relative 1e-9. */
    public static TuneResult swapWithinTolerance() {
        List<VariantResult> vs = variants();
        VariantResult v2 = vs.get(2);
        Speedup s = new Speedup(1.68, 1.59, 1.78, Basis.CPU);
        Measurement win = new Measurement(245.2, 4.0, "ns/op", 6, 5, new double[] {245, 245, 245, 246, 245, 245});
        vs.set(2, new VariantResult(v2.variant(), v2.verdict(), win, s, "confirmed in 6 interleaved fork pairs"));
        return new TuneResult(TARGET, "17.0.15", "Debian", "cpu", 42L, 120, 80.0, ms(410.5, 7.5), vs,
                new Decision.Swap(v2.variant(), s, ms(412.0, 6.1), win), original(), 0, setup(1e-9), "v2", notApplied());
    }

    /** A swap of v2 whose original ran at two speeds across its six confirmation forks (300 ns/op in 3, 420 in 3). */
    public static TuneResult swapTwoSpeedOriginal() {
        List<VariantResult> vs = variants();
        VariantResult v2 = vs.get(2);
        Speedup s = new Speedup(1.47, 1.18, 1.83, Basis.CPU);
        Measurement win = new Measurement(245.2, 4.0, "ns/op", 6, 5, new double[] {245, 246, 244, 245, 247, 245});
        Measurement base = new Measurement(360.0, 60.0, "ns/op", 6, 5, new double[] {300, 421, 302, 419, 301, 420});
        vs.set(2, new VariantResult(v2.variant(), v2.verdict(), win, s, "confirmed in 6 interleaved fork pairs"));
        return new TuneResult(TARGET, "17.0.15", "Debian", "cpu", 42L, 120, 80.0, base, vs,
                new Decision.Swap(v2.variant(), s, base, win), original(), 0, setup(null), "v2", notApplied());
    }

    public static TuneResult result(List<VariantResult> vs, Decision d) {
        return new TuneResult(TARGET, "17.0.15+6-Debian-1deb12u1", "Debian", "Intel(R) Xeon(R) CPU @ 2.20GHz (2 cores)",
                42L, 120, 113.4, ms(410.5, 7.5), vs, d, original());
    }

    static List<VariantResult> variants() {
        byte[] orig = original();
        byte[] unr = unrolled();
        List<VariantResult> l = new ArrayList<>();
        l.add(passed(new Variant("original", null, List.of(), orig), 410.5, 1.0, 0.96, 1.04, "baseline"));
        l.add(passed(variant("v1", "original", unr, step("unroll", "loop", 0, "factor", 2)), 268.0, 1.53, 1.44, 1.63, "round 2"));
        l.add(passed(variant("v2", "v1", unr, step("unroll", "loop", 0, "factor", 4)), 244.3, 1.68, 1.58, 1.79, "confirmed"));
        l.add(new VariantResult(variant("v3", "original", unr, step("split-accumulators", "loop", 0, "k", 2)),
                new Verdict.Rejected("return value differs: floating-point reassociation is not allowed without --allow-fp-reassociation",
                        "args: a=[1.0E16, 1.0, -1.0E16] <script>alert(1)</script>, b=[1.0, 1.0, 1.0]\n"
                                + "original returned 0.0, variant returned 1.0", 17), null, null, "rejected by verification"));
        l.add(new VariantResult(variant("v4", "v1", unr, step("constant", "index", 3, "value", 64)),
                new Verdict.Rejected("timed out after 2000 ms: the variant loops forever on some input", null, 412), null, null, null));
        l.add(passed(variant("v5", "original", unr, step("hoist", "loop", 0)), 402.8, 1.02, 0.97, 1.08, "eliminated in round 1"));
        l.add(passed(variant("v6", "v2", unr, step("unroll", "loop", 0, "factor", 8)), 506.0, 0.81, 0.75, 0.88, "eliminated in round 1"));
        l.add(passed(variant("v7", "original", unr, step("constant", "index", 1, "value", 32)), 398.0, 1.03, 1.01, 1.05, "eliminated in round 2"));
        l.add(new VariantResult(variant("v8", "v2", unr, step("unroll", "loop", 0, "factor", 4), step("hoist", "loop", 0)),
                new Verdict.Passed(1240), null, null, "budget ran out before measuring"));
        return l;
    }

    static Measurement ms(double score, double error) {
        return new Measurement(score, error, "ns/op", 3, 5, new double[] {score - 1, score, score + 1});
    }

    private static VariantResult passed(Variant v, double score, double r, double lo, double hi, String note) {
        return new VariantResult(v, new Verdict.Passed(1240), ms(score, score * 0.02), new Speedup(r, lo, hi), note);
    }

    private static Variant variant(String id, String parent, byte[] bytes, Step... steps) {
        return new Variant(id, parent, List.of(steps), bytes);
    }

    private static Step step(String name, Object... kv) {
        Map<String, Integer> p = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            p.put((String) kv[i], (Integer) kv[i + 1]);
        }
        return new Step(name, p);
    }

    static byte[] bytes(Class<?> c) {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
