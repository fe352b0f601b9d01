package dev.selftune.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What became of each transform's candidates in one {@link Generator#generate} call, and from that
 * the reason, per registered transform that produced no variant, in words a user can act on.
 */
final class TransformTally {
    private static final int OFFERED = 0;
    private static final int PRODUCED = 1;
    private static final int FAILED = 2;
    private static final int DUPLICATE = 3;
    private static final int UNREACHED = 4;
    private static final int COLD = 5;
    private static final int FATES = 6;

    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final Map<String, String> analysisErrors = new LinkedHashMap<>();
    private final Map<String, java.util.Set<String>> offeredFor = new LinkedHashMap<>();

    /** A candidate of {@code t} for {@code method} (name and descriptor), said in the reason when none becomes a variant. */
    void offered(Transform t, String method) {
        count(t, OFFERED);
        offeredFor.computeIfAbsent(t.name(), k -> new java.util.LinkedHashSet<>()).add(method);
    }

    void produced(Transform t) {
        count(t, PRODUCED);
    }

    void failed(Transform t) {
        count(t, FAILED);
    }

    void duplicate(Transform t) {
        count(t, DUPLICATE);
    }

    void unreached(Transform t) {
        count(t, UNREACHED);
    }

    /** A candidate left out because it rewrites only code the verification rows never ran ({@link HotCode}). */
    void cold(Transform t) {
        count(t, COLD);
    }

    void analysisFailed(Transform t, String method, Throwable e) {
        analysisErrors.putIfAbsent(t.name(), "its analysis of " + method + " failed (" + e + ")");
    }

    private void count(Transform t, int what) {
        counts.computeIfAbsent(t.name(), k -> new int[FATES])[what]++;
    }

    /*
     * Every registered name gets a line unless it produced a variant: one the policy leaves out says
     * so; one that offered candidates says what became of them (a candidate can fail to apply, meet
     * another variant's bytes, or wait behind the variant cap); one that offered none asks the
     * transform itself why, on the original of every method the run may rewrite.
     */
    Map<String, String> reasons(List<Transform> active, ClassNode original, List<MethodNode> methods,
                                TransformContext ctx, int maxVariants) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : Transforms.names()) {
            Transform t = active.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
            int[] c = counts.getOrDefault(name, new int[FATES]);
            if (t == null) {
                out.put(name, "not in the search policy's transforms; add \"" + name + "\" to the policy's transforms to try it");
            } else if (c[PRODUCED] > 0) {
                continue;
            } else if (c[OFFERED] > 0) {
                out.put(name, fates(c, maxVariants, offeredFor.getOrDefault(name, java.util.Set.of())));
            } else if (analysisErrors.containsKey(name)) {
                out.put(name, analysisErrors.get(name));
            } else {
                out.put(name, explain(t, original, methods, ctx));
            }
        }
        return out;
    }

    /** The same reason for every registered transform: nothing in {@code method} can be rewritten at all. */
    static Map<String, String> all(String reason) {
        Map<String, String> out = new LinkedHashMap<>();
        Transforms.names().forEach(n -> out.put(n, reason));
        return out;
    }

    private static String fates(int[] c, int maxVariants, java.util.Set<String> methods) {
        List<String> parts = new ArrayList<>();
        if (c[FAILED] > 0) {
            parts.add(c[FAILED] + " could not be applied or left bytecode that does not verify");
        }
        if (c[DUPLICATE] > 0) {
            parts.add(c[DUPLICATE] + " produced the same class bytes as the original or another variant");
        }
        if (c[COLD] > 0) {
            parts.add(c[COLD] + " rewrote only code that never ran on the verification rows (it could be neither checked "
                    + "nor faster there; add --inputs rows that run it)");
        }
        if (c[UNREACHED] > 0) {
            parts.add(c[UNREACHED] + " were not reached before the policy's cap of " + maxVariants + " variants (raise maxVariants)");
        }
        return "offered " + c[OFFERED] + " candidate(s)" + (methods.isEmpty() ? "" : " for " + String.join(", ", methods))
                + ", none became a variant: " + (parts.isEmpty() ? "none was tried" : String.join(", ", parts));
    }

    /* A unit member by name, with its descriptor when the unit holds another of that name (swap(int[],int,int) and swap(int[],int,int,int)). */
    static String label(MethodNode m, List<MethodNode> methods) {
        return methods.stream().filter(o -> o.name.equals(m.name)).count() > 1 ? m.name + m.desc : m.name;
    }

    /* Identical reasons across methods are said once, naming the methods they hold for. */
    private static String explain(Transform t, ClassNode original, List<MethodNode> methods, TransformContext ctx) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (MethodNode m : methods) {
            String why;
            try {
                why = t.whyNotApplied(original, m, ctx);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                why = "its analysis failed (" + e + ")";
            }
            if (why == null || why.isBlank()) {
                why = "found no place where its rule applies";
            }
            byReason.computeIfAbsent(why, k -> new ArrayList<>()).add(label(m, methods));
        }
        List<String> parts = new ArrayList<>();
        byReason.forEach((why, names) -> parts.add(methods.size() == 1 ? why : String.join(", ", names) + ": " + why));
        return String.join("; ", parts);
    }
}
