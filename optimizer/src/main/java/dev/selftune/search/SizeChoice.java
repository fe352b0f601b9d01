package dev.selftune.search;

import dev.selftune.api.Step;
import dev.selftune.api.Variant;
import dev.selftune.api.Verdict;
import dev.selftune.generate.ClassBytes;
import dev.selftune.generate.SizeDispatch;
import dev.selftune.inputs.InputSource;
import dev.selftune.inputs.Inputs;
import dev.selftune.target.Target;
import dev.selftune.target.TargetClassLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Algorithm choice by input size (PetaBricks-style), after screening: the leader and the original are
 * screened again at each input size alone; when the leader loses at some sizes and wins at the others,
 * with one threshold between them, a dispatcher class ({@link SizeDispatch}) runs the original on
 * one side and the leader on the other. The dispatcher is verified like any variant (both sides of
 * its guard must run) and joins the race; the judge then confirms whichever leads, as always.
 */
final class SizeChoice {
    /* A leader counts as losing at a size only below this ratio: one fork per size is noisy, and
     * a dispatch that is not needed costs a guard per call for nothing. */
    static final double LOSES_BELOW = 0.97;

    private SizeChoice() { }

    /** The leader against the original at one input size: screening means (CPU ns/op) and the guard parameter's length. */
    record PerSize(int size, int length, double original, double leader) {
        double ratio() {
            return original / leader;
        }
    }

    /** What the per-size screening found; {@code dispatcher} is null when no dispatch was built, and {@code note} says why. */
    record Outcome(List<PerSize> perSize, Integer param, Integer threshold, SizeDispatch.Side side, Variant dispatcher,
                   String note) {
        static Outcome none(String note) {
            return new Outcome(List.of(), null, null, null, null, note);
        }
    }

    /** Forks the per-size screening needs for {@code sizes} sizes, the dispatcher's own screening fork included. */
    static int forksNeeded(int sizes) {
        return 2 * sizes + 1;
    }

    /** Why per-size screening cannot run with these inputs, or null. */
    static String whyNot(InputSource src, Target target) {
        if (src.provider() != null || src.file() != null) {
            return "the inputs come from --inputs rows, which carry no size classes; give --sizes with generated inputs";
        }
        if (Arrays.stream(src.sizes()).distinct().count() < 2) {
            return "one input size (" + Arrays.toString(src.sizes()) + "): a size threshold needs at least two --sizes";
        }
        if (SizeDispatch.sizedParameters(target.method().descriptor()).isEmpty()) {
            return "no array or String parameter whose length a guard could test";
        }
        return null;
    }

    /**
     * Screens {@code leader} and {@code original} at each size ({@code screen} measures a variant on an
     * input source and returns its CPU-time mean, NaN on failure), and builds and verifies a dispatcher
     * when the ratios split at one threshold.
     */
    static Outcome run(Target target, InputSource src, Variant original, Variant leader,
                       BiFunction<Variant, InputSource, Double> screen, Function<Variant, Verdict> verify) {
        int[] sizes = Arrays.stream(src.sizes()).distinct().sorted().toArray();
        Map<Integer, int[]> lengths;
        try (TargetClassLoader loader = new TargetClassLoader(target.classpath(), target.method().owner(), target.classBytes())) {
            lengths = lengths(target, src, sizes, loader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Integer param = growingParameter(lengths, sizes.length);
        if (param == null) {
            return Outcome.none("no array or String parameter grows with --sizes, so no guard can tell the sizes apart");
        }
        List<PerSize> per = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            InputSource one = new InputSource(src.seed(), new int[] {sizes[i]}, null, null);
            double o = screen.apply(original, one);
            double l = screen.apply(leader, one);
            if (!(o > 0) || !(l > 0)) {
                return new Outcome(per, param, null, null, null, "a per-size screening fork failed at size " + sizes[i]);
            }
            per.add(new PerSize(sizes[i], lengths.get(param)[i], o, l));
        }
        int split = split(per, SizeDispatch.Side.AT_LEAST);
        SizeDispatch.Side side = SizeDispatch.Side.AT_LEAST;
        if (split < 0) {
            split = split(per, SizeDispatch.Side.BELOW);
            side = SizeDispatch.Side.BELOW;
        }
        if (split < 0) {
            boolean winsEverywhere = per.stream().allMatch(p -> p.ratio() >= LOSES_BELOW);
            return new Outcome(per, param, null, null, null, winsEverywhere
                    ? "the leader is not slower at any size: no dispatch needed"
                    : "the leader's wins and losses do not split at one size threshold");
        }
        int below = per.get(split - 1).length();
        int above = per.get(split).length();
        int threshold = (int) Math.ceil(Math.sqrt((double) below * above));
        threshold = Math.max(below + 1, Math.min(above, threshold));
        byte[] bytes;
        try (TargetClassLoader loader = new TargetClassLoader(target.classpath(), target.method().owner(), target.classBytes())) {
            bytes = SizeDispatch.build(target.classBytes(), leader.classBytes(), target.method().name(),
                    target.method().descriptor(), param, threshold, side, ClassBytes.resourcesOf(loader));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Outcome(per, param, threshold, side, null, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> params = new LinkedHashMap<>();
        params.put("param", param);
        params.put("threshold", threshold);
        params.put("leaderRunsAtLeast", side == SizeDispatch.Side.AT_LEAST ? 1 : 0);
        List<Step> steps = new ArrayList<>(leader.transforms());
        steps.add(new Step("size-dispatch", params));
        Variant d = new Variant(leader.id() + "-by-size", leader.id(), steps, bytes);
        Verdict verdict = verify.apply(d);
        if (!verdict.passed()) {
            return new Outcome(per, param, threshold, side, null, "the dispatcher failed verification: "
                    + ((Verdict.Rejected) verdict).reason());
        }
        return new Outcome(per, param, threshold, side, d, "the leader runs where parameter " + param + "'s length is "
                + (side == SizeDispatch.Side.AT_LEAST ? "at least " : "below ") + threshold + ", the original elsewhere");
    }

    /*
     * The index of the first size on the leader's side when the leader loses (ratio below LOSES_BELOW)
     * on every size before it and not after it (AT_LEAST), or the reverse (BELOW); -1 when they do not split so.
     */
    static int split(List<PerSize> per, SizeDispatch.Side side) {
        for (int j = 1; j < per.size(); j++) {
            boolean ok = true;
            for (int i = 0; i < per.size() && ok; i++) {
                boolean loses = per.get(i).ratio() < LOSES_BELOW;
                boolean leaderSide = side == SizeDispatch.Side.AT_LEAST ? i >= j : i < j;
                ok = leaderSide ? !loses : loses;
            }
            if (ok) {
                return j;
            }
        }
        return -1;
    }

    /* Per sized parameter, its length in the row generated at each size alone (what JMH measures there). */
    private static Map<Integer, int[]> lengths(Target target, InputSource src, int[] sizes, ClassLoader loader) {
        List<Integer> params = SizeDispatch.sizedParameters(target.method().descriptor());
        Map<Integer, int[]> out = new LinkedHashMap<>();
        params.forEach(p -> out.put(p, new int[sizes.length]));
        int offset = target.isStatic() ? 0 : 1;
        for (int i = 0; i < sizes.length; i++) {
            List<Object[]> rows = Inputs.verificationRows(target.method(), target.isStatic(),
                    new InputSource(src.seed(), new int[] {sizes[i]}, null, null), loader);
            // generated rows end with the rows made at the size itself (GeneratedRows: small rows first)
            Object[] big = rows.get(rows.size() - 1);
            for (int p : params) {
                out.get(p)[i] = length(big[p + offset]);
            }
        }
        return out;
    }

    private static int length(Object v) {
        if (v instanceof String s) {
            return s.length();
        }
        return v != null && v.getClass().isArray() ? Array.getLength(v) : 0;
    }

    /* The first parameter whose length strictly grows from size to size. */
    private static Integer growingParameter(Map<Integer, int[]> lengths, int n) {
        for (Map.Entry<Integer, int[]> e : lengths.entrySet()) {
            int[] l = e.getValue();
            boolean grows = true;
            for (int i = 1; i < n; i++) {
                grows &= l[i] > l[i - 1];
            }
            if (grows) {
                return e.getKey();
            }
        }
        return null;
    }

    /** For tests and the report: "16: 0.91x, 1024: 1.20x, 65536: 1.31x". */
    static String describe(List<PerSize> per) {
        StringBuilder sb = new StringBuilder();
        for (PerSize p : per) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.size()).append(": ").append(String.format("%.2fx", p.ratio()));
        }
        return sb.toString();
    }
}
