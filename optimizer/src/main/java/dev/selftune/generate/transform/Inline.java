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
 * Inlining past C2's limits: copies the body of a same-class callee that cannot be overridden
 * (static, private, final, or of a final class) into its caller in place of one call inside a loop.
 * The parameter {@code call} indexes the sites {@link InlineSites} accepts, callees C2 refuses at a
 * hot call (over FreqInlineSize, 325 bytes) first. Exact: the inlined code does what the call did,
 * exceptions included; only stack traces lose the callee's frame. See {@code docs/inlining.md}.
 */
public final class Inline implements Transform {
    public static final String NAME = "inline";

    /*
     * C2 inlines a callee of up to 35 bytes anywhere and up to 325 bytes at a hot site, at most 15
     * calls deep, and not a callee whose compiled code is already large. A loop calling a 600-byte
     * helper pays a call per iteration and, worse, C2 optimises the loop blind to what the helper
     * does (no hoisting of its invariant loads, no unrolling across it). Copying the helper into the
     * loop removes the limit for that site; the caller's size is kept below HugeMethodLimit (8000
     * bytes), past which HotSpot compiles nothing. Whether it pays is JMH's call, not this rule's.
     */
    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Map<String, Integer>> candidates(ClassNode owner, MethodNode method, TransformContext ctx) {
        return Transform.indexed("call", InlineSites.sites(owner, method, ctx.policy().maxCopiedInsns(), new LinkedHashMap<>()).size());
    }

    @Override
    public boolean apply(ClassNode owner, MethodNode method, Map<String, Integer> params, TransformContext ctx) {
        List<InlineSites.Site> sites = InlineSites.sites(owner, method, ctx.policy().maxCopiedInsns(), new LinkedHashMap<>());
        int k = params.getOrDefault("call", -1);
        if (k < 0 || k >= sites.size()) {
            return false;
        }
        InlineSites.Site site = sites.get(k);
        InlineCode.inline(method, site.call(), site.callee(), site.at());
        return true;
    }

    @Override
    public String whyNotApplied(ClassNode owner, MethodNode method, TransformContext ctx) {
        Map<String, String> why = new LinkedHashMap<>();
        InlineSites.sites(owner, method, ctx.policy().maxCopiedInsns(), why);
        if (why.isEmpty()) {
            return "makes no call into its own class inside a loop, so there is nothing to inline";
        }
        List<String> parts = new ArrayList<>(why.values());
        return "no call in a loop can be inlined: " + String.join("; ", parts.subList(0, Math.min(4, parts.size())))
                + (parts.size() > 4 ? "; ..." : "");
    }
}
