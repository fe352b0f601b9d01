package dev.selftune.meta;

import dev.selftune.generate.Policy;
import java.util.List;

/**
 * Scores a policy: tunes every target under it and returns the meta-utility. The loop reaches
 * tuning only through this, so tests need no JMH; {@link TuneScorer} is the real one. A scorer
 * cannot change how variants are judged: it is handed a policy, and a policy holds no judge's knob.
 */
public interface Scorer {
    /** {@code label} names the scoring in progress lines and work files (like {@code g2-c1-train}). */
    Utility score(Policy policy, List<MetaTarget> targets, String label);

    /**
     * As {@link #score}, for held-out targets: nothing learned from them may help score them, so the
     * ranking model used is one that has never seen these methods (and keeps nothing from them).
     * The default (a scorer without a ranking model) is {@link #score}.
     */
    default Utility scoreHeldOut(Policy policy, List<MetaTarget> targets, String label) {
        return score(policy, targets, label);
    }
}
