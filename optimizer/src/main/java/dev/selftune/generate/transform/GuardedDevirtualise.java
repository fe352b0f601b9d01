package dev.selftune.generate.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import dev.selftune.generate.Transform;
import dev.selftune.generate.TransformContext;

/**
 * Inlining past C2's limits at a virtual or interface call inside a loop: when the caller rows show
 * objects of class C reaching it, the call becomes
 * {@code if (r.getClass() == C.class) <C's method, copied into the target's class> else <the call>},
 * a multiversioned private method ({@link DevirtCode}), so the verifier holds it to the rule that
 * both sides of a guard ran. The parameter {@code site} indexes the (call, class) pairs
 * {@link DevirtSites} accepts. Exact. See {@code docs/guarded-devirtualisation.md}.
 */
public final class GuardedDevirtualise implements Transform {
    public static final String NAME = "guarded-devirtualise";
    /** At most this many (call, class) pairs are offered per method. */
    static final int MAX_SITES = 8;

    /*
     * C2 inlines a virtual call only where its profile shows at most two receiver classes (bimorphic
     * inlining; TypeProfileMajorReceiverPercent lets a 90% class in with an uncommon trap for the
     * rest). A loop that sees three or more classes over the program's life is megamorphic for good:
     * every iteration pays an itable or vtable dispatch and C2 optimises the loop blind to the
     * callee. The profile is per bytecode site and shared by every caller, so a site that is
     * monomorphic in the calls this target gets can still be megamorphic for C2. A class guard in
     * the bytecode gives C2 a static target at this site only; JMH decides whether it pays.
     */
    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Map<String, Integer>> candidates(ClassNode owner, MethodNode method, TransformContext ctx) {
        return Transform.indexed("site", Math.min(MAX_SITES, DevirtSites.sites(owner, method, ctx, new LinkedHashMap<>()).size()));
    }

    @Override
    public boolean apply(ClassNode owner, MethodNode method, Map<String, Integer> params, TransformContext ctx) {
        List<DevirtSites.Site> sites = DevirtSites.sites(owner, method, ctx, new LinkedHashMap<>());
        int k = params.getOrDefault("site", -1);
        if (k < 0 || k >= Math.min(MAX_SITES, sites.size())) {
            return false;
        }
        DevirtCode.install(owner, method, sites.get(k));
        return true;
    }

    @Override
    public String whyNotApplied(ClassNode owner, MethodNode method, TransformContext ctx) {
        Map<String, String> why = new LinkedHashMap<>();
        DevirtSites.sites(owner, method, ctx, why);
        List<String> parts = new ArrayList<>(why.values());
        if (parts.isEmpty()) {
            return "found no virtual call in a loop to guard";
        }
        return String.join("; ", parts.subList(0, Math.min(4, parts.size()))) + (parts.size() > 4 ? "; ..." : "");
    }
}
