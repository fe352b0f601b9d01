package dev.selftune.meta;

import java.util.List;
import java.util.Map;

/**
 * One generation's line in the report: the parent it proposed from (with the parent's own score and
 * clade metaproductivity when chosen), the best candidate, its policy diff from the parent, its
 * training utility (the confirming re-run when there was one) and held-out utility (null when it was
 * not scored on held-out), whether it was adopted and why, the wall time the generation took, and
 * what self-tuning ({@code --tune-self}) did with selftune's own hot methods after it (empty when off).
 */
record GenerationRow(int generation, String parent, double parentOwnScore, double parentMetaproductivity,
                     String candidate, String policyFile, Map<String, Object> policyDiff, Utility trainUtility,
                     Utility holdoutUtility, boolean adopted, String reason, double wallSeconds,
                     List<SelfTuneRow> selfTuning) {
    GenerationRow {
        selfTuning = List.copyOf(selfTuning);
    }

    GenerationRow(int generation, String parent, double parentOwnScore, double parentMetaproductivity,
                  String candidate, String policyFile, Map<String, Object> policyDiff, Utility trainUtility,
                  Utility holdoutUtility, boolean adopted, String reason, double wallSeconds) {
        this(generation, parent, parentOwnScore, parentMetaproductivity, candidate, policyFile, policyDiff, trainUtility,
                holdoutUtility, adopted, reason, wallSeconds, List.of());
    }

    GenerationRow withSelfTuning(List<SelfTuneRow> rows) {
        return new GenerationRow(generation, parent, parentOwnScore, parentMetaproductivity, candidate, policyFile,
                policyDiff, trainUtility, holdoutUtility, adopted, reason, wallSeconds, rows);
    }
}
