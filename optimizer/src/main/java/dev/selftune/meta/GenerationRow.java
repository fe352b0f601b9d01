package dev.selftune.meta;

import java.util.Map;

/**
 * One generation's line in the report: the parent it proposed from (with the parent's own score and
 * clade metaproductivity when chosen), the best candidate, its policy diff from the parent, its
 * training utility (the confirming re-run when there was one) and held-out utility (null when it was
 * not scored on held-out), whether it was adopted and why, and the wall time the generation took.
 */
record GenerationRow(int generation, String parent, double parentOwnScore, double parentMetaproductivity,
                     String candidate, String policyFile, Map<String, Object> policyDiff, Utility trainUtility,
                     Utility holdoutUtility, boolean adopted, String reason, double wallSeconds) {
}
