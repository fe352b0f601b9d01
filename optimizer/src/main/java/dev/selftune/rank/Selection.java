package dev.selftune.rank;

import dev.selftune.api.Variant;
import java.util.List;

/**
 * What screening should try, in order, and how many verified variants it may screen: {@code limit}
 * is {@link Integer#MAX_VALUE} when nothing was ranked out. The first {@code limit} are the model's
 * best {@code kept} followed by {@code explored} random picks from the rest; the remaining ones come
 * after, best first, only to stand in for variants that fail verification.
 */
public record Selection(List<Variant> ordered, int limit, int kept, int explored, boolean ranked) {
    public Selection {
        ordered = List.copyOf(ordered);
        if (limit < 0 || kept < 0 || explored < 0) {
            throw new IllegalArgumentException("limit, kept and explored must be >= 0, got " + limit + ", " + kept + ", " + explored);
        }
    }

    /** Whether {@code v} is one of the random explorers let through below the cut. */
    public boolean explorer(Variant v) {
        return explored > 0 && ordered.subList(kept, kept + explored).contains(v);
    }

    /** Every variant in the generator's order, no limit: the model is off or not fitted. */
    static Selection all(List<Variant> variants) {
        return new Selection(variants, Integer.MAX_VALUE, variants.size(), 0, false);
    }
}
