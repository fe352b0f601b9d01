package dev.selftune.verify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statics that the original's loader and the variant's loader initialise differently, and how they are compared.
 *
 * <p>Each sandbox runs the watched classes' static initialisers on its own, so a static set from a clock or a random
 * source ({@code SecureRandom}, {@code System.nanoTime()}, a hash seed) starts out different in the two loaders before
 * any row runs: Lucene's {@code StringHelper.nextId}, seeded at class initialisation, made every variant of
 * {@code murmurhash3_x86_32}, which never touches it, "leave static state different after the call". For such a
 * field the state after a row is compared relative to where it started: a field no call changed (in either loader)
 * is the same behaviour; one that a call changed in either is compared by value, as every other static is, which
 * rejects unless both calls left the same value. Statics that start out equal are compared as they always were.
 */
final class StaticInit {
    /* What an unchanged init-dependent static is compared as: the same in both runs, whatever each loader drew. */
    private static final Snapshot.Opaque AS_INITIALISED =
            new Snapshot.Opaque("static", "as its class initialiser left it in this loader (unchanged by the calls)");

    private final Map<String, Object> originalInit;
    private final Map<String, Object> variantInit;
    private final List<String> differing;

    private StaticInit(Map<String, Object> originalInit, Map<String, Object> variantInit, List<String> differing) {
        this.originalInit = originalInit;
        this.variantInit = variantInit;
        this.differing = differing;
    }

    /** From the two loaders' snapshots taken right after initialisation (either may be null: nothing watched). */
    static StaticInit of(Object originalInitial, Object variantInitial) {
        if (!(originalInitial instanceof Snapshot.Obj o) || !(variantInitial instanceof Snapshot.Obj v)) {
            return new StaticInit(Map.of(), Map.of(), List.of());
        }
        Differ exact = new Differ(null, 0);
        List<String> differing = o.fields().keySet().stream().filter(k -> v.fields().containsKey(k)
                && exact.diff(o.fields().get(k), v.fields().get(k), k) != null).toList();
        return new StaticInit(o.fields(), v.fields(), differing);
    }

    Outcome original(Outcome o) {
        return relative(o, originalInit);
    }

    Outcome variant(Outcome r) {
        return relative(r, variantInit);
    }

    /* The outcome with each init-dependent static that is still as initialised replaced by AS_INITIALISED. */
    private Outcome relative(Outcome x, Map<String, Object> init) {
        if (differing.isEmpty() || !(x.statics() instanceof Snapshot.Obj s)) {
            return x;
        }
        Differ exact = new Differ(null, 0);
        Map<String, Object> fields = new LinkedHashMap<>(s.fields());
        for (String k : differing) {
            if (fields.containsKey(k) && exact.diff(init.get(k), fields.get(k), k) == null) {
                fields.put(k, AS_INITIALISED);
            }
        }
        return new Outcome(x.returned(), x.argsAfter(), x.thrown(), x.thrownMessage(), x.timedOut(), x.ticks(), x.nanos(),
                new Snapshot.Obj(s.type(), fields));
    }

    /** {@code reason} with why an init-dependent static could not be compared, when the difference is in one. */
    String explain(String reason) {
        if (reason == null || differing.isEmpty()) {
            return reason;
        }
        for (String k : differing) {
            if (reason.contains(k)) {
                return reason + "; " + k + " starts out different in each class loader (its class initialiser draws from a"
                        + " clock or a random source) and a call changed it, so the two runs cannot be compared there";
            }
        }
        return reason;
    }
}
