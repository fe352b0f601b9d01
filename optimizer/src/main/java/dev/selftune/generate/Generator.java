package dev.selftune.generate;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.BasicVerifier;
import dev.selftune.api.MethodRef;
import dev.selftune.api.Step;
import dev.selftune.api.Variant;
import dev.selftune.target.Target;

/**
 * Proposes variants of a method: every candidate of the policy's transforms, applied alone and in
 * compositions up to {@code policy.maxDepth()}, most promising first, at most {@code policy.maxVariants()}
 * admitted ones (see {@link #generate(String, String, byte[], Predicate)}).
 */
public final class Generator {
    /*
     * With an admission check (verification), the cap counts admitted variants, and at most this many
     * variants per slot are proposed in all: on a published slicing-by-8 CRC, 21 of 24 slots went to
     * constant rewrites that verification rightly rejected, and only 3 variants were measured.
     */
    static final int PROPOSALS_PER_SLOT = 3;
    private final Policy policy;
    private final TransformContext ctx;
    private final Function<String, InputStream> resources;
    private final List<Transform> transforms = new ArrayList<>();
    private Map<String, String> notApplied = Map.of();
    private Map<String, String> skipped = Map.of();
    /* The last generate call's unit (name, descriptor; the target first) and which members it rewrites as private copies. */
    private List<String[]> unit = List.of();
    /* The last generate call's static callees from other classes, copied into the class or refused. */
    private Imports imports;
    private boolean[] routed = new boolean[0];
    /* Runs a probe class on the verification rows and returns its counters (HotCode); null: no heat ordering. */
    private Function<byte[], Map<String, long[]>> counters;
    /* The last generate call's heat, when counted; how many first-level candidates each colder tier got. */
    private HotCode hot;
    /* Why the last generate call has no counts although it asked for them; null otherwise. */
    private String heatMissing;
    private final int[] demoted = new int[HotCode.Tier.values().length];

    public Generator(Policy policy, TransformContext ctx, Function<String, InputStream> classResources) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.resources = Objects.requireNonNull(classResources, "classResources");
        /* Transforms read what a called method does from the same class path the variants are written against. */
        this.ctx = Objects.requireNonNull(ctx, "ctx").withClasses(classResources);
        for (String name : policy.transforms()) {
            transforms.add(Transforms.byName(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown transform '" + name + "': known transforms are " + String.join(", ", Transforms.names()))));
        }
    }

    /*
     * Search order. Each transform lists its candidates most promising first, so the first level is
     * taken round-robin across transforms (rank q for the q-th in that order); with the policy's order
     * by-transform, every candidate of a transform comes before the next transform's. A composition applies
     * a transform that comes later in the policy's order to an emitted variant (interchange, then
     * hoist, then unroll), ranked parent rank + 1 + its own round-robin position: the best chain
     * surfaces early instead of after every single-transform variant. Candidates are applied only
     * when popped, and deduplicated by the bytes they produce (two rewrites that meet are one
     * variant). A transform that throws, produces nothing, or breaks the bytecode (BasicVerifier on
     * the rewritten method) costs its candidate, never the run.
     */
    private record Pending(int rank, long seq, String parent, List<Step> steps, byte[] parentBytes,
                           int position, Transform transform, int method, Map<String, Integer> params, int depth,
                           List<String[]> methods) { }

    /**
     * Orders first-level candidates by where the original spends its time: {@code run} runs a probe class
     * (the original with block counters, {@link HotCode}) on every verification row and returns its
     * {@code long[]} counters by field name, or null. Candidates that rewrite only loop nests that ran under a
     * tenth as often as the hottest are tried after the others; those that rewrite only code that never ran
     * are left out.
     */
    public Generator orderedByHeat(Function<byte[], Map<String, long[]>> run) {
        this.counters = run;
        return this;
    }

    /** Variants of the target method and of its unit ({@link TunedMethods}), from the target's class bytes. */
    public List<Variant> generate(Target target) {
        return generate(target.method(), target.classBytes());
    }

    /** Variants of {@code method} (descriptor optional when the name is unique) in {@code classBytes}. */
    public List<Variant> generate(MethodRef method, byte[] classBytes) {
        return generate(method.name(), method.descriptor(), classBytes);
    }

    public List<Variant> generate(String name, String descriptor, byte[] classBytes) {
        return generate(name, descriptor, classBytes, v -> true);
    }

    /**
     * As {@link #generate(String, String, byte[])}, with each variant put to {@code admit} (the caller's
     * verification) as soon as it is made: the policy's cap counts admitted variants only, a rejected
     * variant is still returned (the report lists it with its reason) but is not composed further,
     * and no more than {@link #PROPOSALS_PER_SLOT} × the cap are proposed in all.
     */
    public List<Variant> generate(String name, String descriptor, byte[] classBytes, Predicate<Variant> admit) {
        ClassNode original = ClassBytes.read(classBytes);
        MethodNode target = TunedMethods.find(original, name, descriptor);
        if (target == null) {
            throw new IllegalArgumentException("method " + name + (descriptor == null ? "" : descriptor)
                    + " not found in " + original.name);
        }
        if (!TunedMethods.hasBody(target)) {
            notApplied = TransformTally.all("the method has no body (abstract or native): there is no code to rewrite");
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        /* static callees in other classes join the unit as private copies (Imports); the base then carries them */
        Imports imports = Imports.apply(original, target, resources);
        byte[] given = classBytes;
        if (!imports.imported().isEmpty()) {
            classBytes = ClassBytes.writeChanged(classBytes, original, Set.of(target.name + target.desc), resources);
            original = ClassBytes.read(classBytes);
            target = TunedMethods.find(original, target.name, target.desc);
        }
        this.imports = imports;
        List<String[]> methods = new ArrayList<>();
        List<MethodNode> tuned = TunedMethods.of(original, target);
        for (MethodNode m : tuned) {
            methods.add(new String[] {m.name, m.desc});
        }
        boolean[] routed = UnitRouting.routed(original, tuned);
        this.unit = List.copyOf(methods);
        this.routed = routed;
        this.hot = counters == null ? null : heat(classBytes, methods);
        java.util.Arrays.fill(demoted, 0);
        TransformTally tally = new TransformTally();
        seen.add(Variant.sha256(given));
        seen.add(Variant.sha256(classBytes));   // the imports alone are not a variant
        seen.add(runKey(classBytes, methods));
        try {
            seen.add(Variant.sha256(ClassBytes.write(ClassBytes.read(classBytes), resources)));
        } catch (RuntimeException | LinkageError e) {
            // the original itself cannot be rewritten with frames: every variant will fail the same way
        }
        PriorityQueue<Pending> queue = new PriorityQueue<>(
                Comparator.comparingInt(Pending::rank).thenComparingLong(Pending::seq));
        long[] seq = {0};
        expand(queue, seq, Variant.ORIGINAL_ID, List.of(), classBytes, -1, -1, 0, methods, tally);
        List<Variant> out = new ArrayList<>();
        int admitted = 0;
        while (!queue.isEmpty() && admitted < policy.maxVariants() && out.size() < PROPOSALS_PER_SLOT * policy.maxVariants()) {
            Pending p = queue.poll();
            byte[] bytes = tryApply(p);
            if (bytes == COLD_EDIT) {
                tally.cold(p.transform());
                continue;
            }
            if (bytes == null) {
                tally.failed(p.transform());
                continue;
            }
            boolean newBytes = seen.add(Variant.sha256(bytes));
            if (!seen.add(runKey(bytes, methods)) || !newBytes) {
                tally.duplicate(p.transform());
                continue;
            }
            tally.produced(p.transform());
            Map<String, Integer> recorded = new LinkedHashMap<>();
            recorded.put("method", p.method());
            recorded.putAll(p.params());
            List<Step> steps = new ArrayList<>(p.steps());
            Step last = new Step(p.transform().name(), recorded);
            steps.add(last);
            String parent = p.parent();
            if (!p.steps().isEmpty() && unit.size() > 1 && onlyDeadBefore(bytes, p.methods(), p.steps())) {
                /* the last step made every earlier edit dead (the entry now calls a sibling algorithm): the variant runs
                 * what that step alone runs, so it is named and descended as that step on the original, and the step
                 * alone, made later, is its duplicate (a report once showed `unroll` of the range copy, then `radixSort`) */
                steps = new ArrayList<>(List.of(last));
                parent = Variant.ORIGINAL_ID;
            }
            String id = "v" + (out.size() + 1);
            Variant v = new Variant(id, parent, steps, bytes);
            out.add(v);
            if (!admit.test(v)) {
                continue;
            }
            admitted++;
            if (p.depth() + 1 < policy.maxDepth()) {
                expand(queue, seq, id, steps, bytes, p.position(), p.rank(), p.depth() + 1, p.methods(), tally);
            }
        }
        queue.forEach(p -> tally.unreached(p.transform()));
        ClassNode asSeen = ClassBytes.read(classBytes);
        List<MethodNode> tunedAsSeen = new ArrayList<>();
        for (int mi = 0; mi < methods.size(); mi++) {
            tunedAsSeen.add(member(asSeen, methods, mi));
        }
        notApplied = tally.reasons(transforms, asSeen, tunedAsSeen, ctx, policy.maxVariants());
        skipped = skippedBy(original, tuned);
        if (demoted[HotCode.Tier.LUKEWARM.ordinal()] + demoted[HotCode.Tier.COLD.ordinal()] > 0) {
            skipped.put("order: colder code", demoted[HotCode.Tier.COLD.ordinal()] + " candidate(s) rewrote only code that never ran "
                    + "on the verification rows: left out (unchecked, and never faster there); " + demoted[HotCode.Tier.LUKEWARM.ordinal()]
                    + " only loop nests that ran under " + Math.round(policy.lukewarmShare() * 100) + "% as often as the hottest: tried after the others");
        }
        if (counters != null && heatMissing != null) {
            skipped.put("order: colder code", "candidates keep the transforms' own order: " + heatMissing);
        }
        imports.refused().forEach((call, why) -> skipped.putIfAbsent("unit: " + call.replace('/', '.'),
                "not brought into the unit: " + why));
        return out;
    }

    /*
     * The unit as the first-level candidates see it (routed when any member is, normalised), with a counter
     * per basic block, run once over the verification rows; null when that cannot be done (the order is then
     * the transforms' own).
     */
    private HotCode heat(byte[] classBytes, List<String[]> methods) {
        heatMissing = null;
        try {
            ClassNode cn = ClassBytes.read(classBytes);
            UnitRouting.route(cn, unit, routed);
            List<MethodNode> members = new ArrayList<>();
            for (int mi = 0; mi < methods.size(); mi++) {
                members.add(member(cn, methods, mi));
            }
            HotCode.Probe probe = HotCode.probe(classBytes, cn, members, resources);
            if (probe == null) {
                heatMissing = "no counting copy of the class could be made (an interface, or a class the counters do not fit)";
                return null;
            }
            HotCode hc = HotCode.of(probe, counters.apply(probe.classBytes()), policy.lukewarmShare());
            heatMissing = hc == null ? "the counting copy did not run over the verification rows (it did not load, or took too long)" : null;
            return hc;
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            heatMissing = "counting where the rows spend their time failed (" + e + ")";
            return null;
        }
    }

    /* Which tier a first-level candidate's edit falls in: applied to a fresh copy, as tryApply will, and compared. */
    private HotCode.Tier tier(Pending p) {
        try {
            Applied a = applied(p);
            return a == null ? HotCode.Tier.HOT : a.tier();
        } catch (Exception | LinkageError | StackOverflowError e) {
            return HotCode.Tier.HOT;
        }
    }

    /** What each transform left alone on purpose, keyed "transform: what", in the order found. */
    private Map<String, String> skippedBy(ClassNode original, List<MethodNode> tuned) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Transform t : transforms) {
            for (MethodNode m : tuned) {
                try {
                    t.skipped(original, m, ctx).forEach((what, why) -> out.putIfAbsent(t.name() + ": " + what, why));
                } catch (RuntimeException e) {
                    // an analysis that fails here already cost its candidates; it has nothing to add
                }
            }
        }
        return out;
    }

    /** After {@link #generate}: {@code Owner.name(desc)} of each static callee from another class copied into the unit, to its copy's name. */
    public Map<String, String> imported() {
        return imports == null ? Map.of() : imports.imported();
    }

    /** After {@link #generate}: what the transforms deliberately left alone (a constant tied to a loop's step), and why. */
    public Map<String, String> skipped() {
        return skipped;
    }

    /**
     * After {@link #generate}: for every registered transform ({@link Transforms#names()}) that produced
     * no variant of the last method, why, in words a user can act on; empty before the first call.
     */
    public Map<String, String> notApplied() {
        return notApplied;
    }

    private void expand(PriorityQueue<Pending> queue, long[] seq, String parent, List<Step> steps, byte[] bytes,
                        int after, int rank, int depth, List<String[]> parentMethods, TransformTally tally) {
        ClassNode cn;
        try {
            cn = ClassBytes.read(bytes);
        } catch (RuntimeException e) {
            return;
        }
        List<String[]> methods = withFastCopies(cn, parentMethods);
        List<Integer> order = new ArrayList<>();
        for (int mi = methods.size() - 1; mi >= parentMethods.size(); mi--) {
            order.add(mi);
        }
        for (int mi = 0; mi < parentMethods.size(); mi++) {
            order.add(mi);
        }
        List<List<Pending>> perTransform = new ArrayList<>();
        for (int pos = after + 1; pos < transforms.size(); pos++) {
            Transform t = transforms.get(pos);
            List<Pending> mine = new ArrayList<>();
            for (int mi : order) {
                MethodNode mn = member(cn, methods, mi);
                try {
                    for (Map<String, Integer> params : t.candidates(cn, mn, ctx)) {
                        mine.add(new Pending(0, 0, parent, steps, bytes, pos, t, mi,
                                Collections.unmodifiableMap(new LinkedHashMap<>(params)), depth, methods));
                        tally.offered(t, methods.get(mi)[0] + methods.get(mi)[1]);
                    }
                } catch (RuntimeException | LinkageError | StackOverflowError e) {
                    // a transform that cannot analyse this method offers nothing for it; notApplied says so
                    tally.analysisFailed(t, methods.get(mi)[0], e);
                }
            }
            perTransform.add(sitesFirst(mine));
        }
        int q = 0;
        if (depth == 0 && hot != null && hot.anyNotHot()) {
            for (Pending p : byTier(perTransform, tally)) {
                queue.add(ranked(p, rank + 1 + q++, seq[0]++));
            }
            return;
        }
        if (policy.order() == Policy.Order.BY_TRANSFORM) {
            for (List<Pending> mine : perTransform) {
                for (Pending p : mine) {
                    queue.add(ranked(p, rank + 1 + q++, seq[0]++));
                }
            }
            return;
        }
        for (int round = 0; ; round++) {
            boolean any = false;
            for (List<Pending> mine : perTransform) {
                if (round < mine.size()) {
                    Pending p = mine.get(round);
                    queue.add(ranked(p, rank + 1 + q++, seq[0]++));
                    any = true;
                }
            }
            if (!any) {
                return;
            }
        }
    }

    /* Parameters that pick a value at a site (an unroll factor, a block size), not the site itself. */
    private static final Set<String> VALUE_KEYS = Set.of("factor", "k", "block", "value");

    /*
     * One transform's candidates with every site's first value before any site's second: a transform lists
     * its candidates site by site, each with all its values, and with 24 slots the first site's values
     * crowded out the other sites (covariance: 20 variants split or unrolled its first loop, three ways
     * each, and the second loop's reduction, the one on the critical path, never got split). Stable: within
     * a site the transform's own order stands.
     */
    private static List<Pending> sitesFirst(List<Pending> mine) {
        Map<String, Integer> seen = new HashMap<>();
        List<List<Pending>> byRank = new ArrayList<>();
        for (Pending p : mine) {
            StringBuilder site = new StringBuilder().append(p.method()).append(':');
            p.params().forEach((k, v) -> {
                if (!VALUE_KEYS.contains(k)) {
                    site.append(k).append('=').append(v).append(',');
                }
            });
            int rank = seen.merge(site.toString(), 1, Integer::sum) - 1;
            while (byRank.size() <= rank) {
                byRank.add(new ArrayList<>());
            }
            byRank.get(rank).add(p);
        }
        List<Pending> out = new ArrayList<>(mine.size());
        byRank.forEach(out::addAll);
        return out;
    }

    /*
     * First-level candidates in the order they are tried: each transform's HOT ones keep their places and come
     * first, round-robin across transforms as always; then every transform's LUKEWARM ones. COLD ones are left
     * out: the rows never ran the code they rewrite, so verification could not check it, and the measured rows
     * (a subset of those shapes) would not run it either. By-transform order keeps each transform's candidates
     * together, its lukewarm ones last.
     */
    private List<Pending> byTier(List<List<Pending>> perTransform, TransformTally tally) {
        int tiers = HotCode.Tier.values().length;
        List<List<List<Pending>>> split = new ArrayList<>();
        for (List<Pending> mine : perTransform) {
            List<List<Pending>> byTier = new ArrayList<>();
            for (int t = 0; t < tiers; t++) {
                byTier.add(new ArrayList<>());
            }
            for (Pending p : mine) {
                HotCode.Tier t = tier(p);
                demoted[t.ordinal()]++;
                if (t == HotCode.Tier.COLD) {
                    tally.cold(p.transform());   // never run in verification: unchecked, and it cannot be faster
                } else {
                    byTier.get(t.ordinal()).add(p);
                }
            }
            split.add(byTier);
        }
        List<Pending> out = new ArrayList<>();
        if (policy.order() == Policy.Order.BY_TRANSFORM) {
            split.forEach(byTier -> byTier.forEach(out::addAll));
            return out;
        }
        for (int t = 0; t < tiers; t++) {
            int rounds = 0;
            for (List<List<Pending>> byTier : split) {
                rounds = Math.max(rounds, byTier.get(t).size());
            }
            for (int r = 0; r < rounds; r++) {
                for (List<List<Pending>> byTier : split) {
                    if (r < byTier.get(t).size()) {
                        out.add(byTier.get(t).get(r));
                    }
                }
            }
        }
        return out;
    }

    /*
     * Method mi as transforms see it in cn: a unit member is its private copy once the class is routed,
     * else itself; past the unit, a fast copy an earlier step added (withFastCopies).
     */
    private MethodNode member(ClassNode cn, List<String[]> methods, int mi) {
        String[] m = mi < unit.size() ? unit.get(mi) : methods.get(mi);
        MethodNode copy = mi < routed.length && routed[mi] ? UnitRouting.copyOf(cn, m[0], m[1]) : null;
        MethodNode found = copy != null ? copy : TunedMethods.find(cn, m[0], m[1]);
        if (found != null) {
            try {
                /* as transforms see it (only a method a step rewrites keeps these): while (++i <= to) and
                   while (i < end) s += a[i++] in javac's shape, bounds read once */
                PreIncrementLoops.apply(found);
                PostIncrementLoops.apply(found);
                BoundHoisting.apply(cn, found, resources);
            } catch (RuntimeException e) {
                // analysed as it is
            }
        }
        return found;
    }

    /**
     * After {@link #generate}: the unit, {@code name + descriptor} of the target first, then the same-class
     * methods it spends its time in that transforms may rewrite; a step's {@code method} parameter indexes it.
     */
    public List<String> unit() {
        return unit.stream().map(m -> m[0] + m[1]).toList();
    }

    private static Pending ranked(Pending p, int rank, long seq) {
        return new Pending(rank, seq, p.parent(), p.steps(), p.parentBytes(), p.position(), p.transform(), p.method(),
                p.params(), p.depth(), p.methods());
    }

    /*
     * Composition through multiversioning: a fast copy m$fast$k that an earlier rule added (specialise
     * folds the usual values into it) is offered to the later rules like any tuned method, and first,
     * since it is the code the usual calls run. Its index extends the parent's list, so a step's
     * "method" keeps naming the same method along a chain. Guards are never offered: they are the
     * condition, not the work.
     */
    private static List<String[]> withFastCopies(ClassNode cn, List<String[]> methods) {
        List<String[]> out = new ArrayList<>(methods);
        for (MethodNode m : cn.methods) {
            int at = m.name.indexOf(Multiversion.FAST);
            if (at <= 0 || out.stream().anyMatch(k -> k[0].equals(m.name) && k[1].equals(m.desc))) {
                continue;
            }
            String base = m.name.substring(0, at);
            if (methods.stream().anyMatch(k -> k[0].equals(base) && k[1].equals(m.desc))) {
                out.add(new String[] {m.name, m.desc});
            }
        }
        return out;
    }

    /*
     * What a call of the entry can run: a hash of the class with only the methods the entry reaches, without
     * frames and debug information. Two variants that differ only in code the entry no longer reaches (a cut-off
     * tuned in the range method, then the entry's call moved to a sibling algorithm) run the same code: the
     * second is a duplicate, as a variant whose every edit is dead is a duplicate of the original.
     */
    private static String runKey(byte[] bytes, List<String[]> methods) {
        ClassNode cn = new ClassNode();
        new ClassReader(bytes).accept(cn, ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
        MethodNode entry = TunedMethods.find(cn, methods.get(0)[0], methods.get(0)[1]);
        if (entry == null) {
            return "run:" + Variant.sha256(bytes);
        }
        Set<String> live = TunedMethods.reachable(cn, entry);
        cn.methods.removeIf(m -> !live.contains(m.name + m.desc) && !"<clinit>".equals(m.name));
        ClassWriter w = new ClassWriter(0);
        cn.accept(w);
        return "run:" + Variant.sha256(w.toByteArray());
    }

    /* Whether every one of {@code earlier} rewrote a member of the unit that the entry of {@code bytes} no longer reaches. */
    private boolean onlyDeadBefore(byte[] bytes, List<String[]> methods, List<Step> earlier) {
        try {
            ClassNode cn = ClassBytes.read(bytes);
            MethodNode entry = member(cn, methods, 0);
            if (entry == null) {
                return false;
            }
            Set<String> live = TunedMethods.reachable(cn, entry);
            for (Step s : earlier) {
                Integer mi = s.params().get("method");
                MethodNode m = mi == null || mi < 0 || mi >= methods.size() ? null : member(cn, methods, mi);
                if (m == null || live.contains(m.name + m.desc)) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;   // named as composed: the recipe is longer than it needs to be, never wrong
        }
    }

    /* tryApply's answer for an edit of code that never ran on the verification rows (HotCode), at any depth. */
    private static final byte[] COLD_EDIT = new byte[0];

    /* A candidate applied to a fresh copy of its parent: the class, the rewritten method, the methods routing changed, its tier. */
    private record Applied(ClassNode cn, MethodNode mn, Set<String> changed, HotCode.Tier tier) { }

    /* Null when the transform declines; the tier is HOT without counts. Throws what the transform throws. */
    private Applied applied(Pending p) {
        ClassNode cn = ClassBytes.read(p.parentBytes());
        Set<String> changed = new HashSet<>();
        if (p.method() < routed.length && routed[p.method()]) {
            changed.addAll(UnitRouting.route(cn, unit, routed));
        }
        MethodNode mn = member(cn, p.methods(), p.method());
        if (p.depth() > 0 && !TunedMethods.reachable(cn, member(cn, p.methods(), 0)).contains(mn.name + mn.desc)) {
            /* the parent's entry no longer runs this member (it calls another algorithm now): a dead edit, like a cold one */
            return new Applied(cn, mn, changed, HotCode.Tier.COLD);
        }
        HotCode.Before before = hot == null ? null : hot.before(p.method(), mn);
        if (!p.transform().apply(cn, mn, new LinkedHashMap<>(p.params()), ctx)) {
            return null;
        }
        return new Applied(cn, mn, changed, before == null ? HotCode.Tier.HOT : HotCode.tierOf(before, mn));
    }

    /*
     * Whether a loop head (the target of a backward branch) has values on the operand stack. javac never makes one, and
     * HotSpot cannot enter such a loop on stack replacement ("COMPILE SKIPPED: OSR starts with non-empty stack"), so a
     * long first call stays in the interpreter: an inlined smile MathEx.sum, spliced between rowSums's dastore operands,
     * measured 0.05x. Such a variant is a failed rewrite, never measured.
     */
    static boolean stackAtLoopHead(MethodNode m, org.objectweb.asm.tree.analysis.Frame<?>[] frames) {
        for (int i = 0; i < m.instructions.size(); i++) {
            for (LabelNode target : LoopBodies.targets(m.instructions.get(i))) {
                int at = m.instructions.indexOf(target);
                if (at <= i && frames[at] != null && frames[at].getStackSize() > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /* The same question about a method of class bytes made earlier (the parent): a shape it had already is not this step's. */
    private static boolean stackAtLoopHead(byte[] classBytes, String name, String desc) {
        try {
            ClassNode cn = ClassBytes.read(classBytes);
            MethodNode m = TunedMethods.find(cn, name, desc);
            return m != null && stackAtLoopHead(m, new Analyzer<>(new BasicVerifier()).analyze(cn.name, m));
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    private byte[] tryApply(Pending p) {
        try {
            Applied a = applied(p);
            if (a == null) {
                return null;
            }
            if (a.tier() == HotCode.Tier.COLD) {
                return COLD_EDIT;   // a composition's step too: the variant's new code would go unchecked
            }
            a.changed().add(a.mn().name + a.mn().desc);
            byte[] bytes = ClassBytes.writeChanged(p.parentBytes(), a.cn(), a.changed(), resources);
            ClassNode back = ClassBytes.read(bytes);
            MethodNode rewritten = TunedMethods.find(back, a.mn().name, a.mn().desc);
            org.objectweb.asm.tree.analysis.Frame<?>[] frames = new Analyzer<>(new BasicVerifier()).analyze(back.name, rewritten);
            return stackAtLoopHead(rewritten, frames) && !stackAtLoopHead(p.parentBytes(), a.mn().name, a.mn().desc) ? null : bytes;
        } catch (Exception | LinkageError | StackOverflowError e) {
            return null;
        }
    }
}
