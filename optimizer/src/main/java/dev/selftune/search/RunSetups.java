package dev.selftune.search;

import dev.selftune.api.ForkPlanInfo;
import dev.selftune.api.RunSetup;
import dev.selftune.api.TuneRequest;
import dev.selftune.measure.ForkFlags;
import dev.selftune.measure.ForkPlan;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** The report's record of what a run measured under, from the request and the two fork plans: the forks' flags as they ran. */
final class RunSetups {
    private RunSetups() { }

    /* Sizes shape only generated rows: with a provider or a rows file, JMH measures those rows and
     * the sizes were never used, so the report says where the rows came from instead. */
    static RunSetup of(TuneRequest req, ForkPlan screening, ForkPlan confirmation) {
        return of(req, req.forkJvmArgs(), null, screening, confirmation);
    }

    /** As above, with the flags the forks ran with when selftune added one ({@code note} says why). */
    static RunSetup of(TuneRequest req, java.util.List<String> forkJvmArgs, String note, ForkPlan screening, ForkPlan confirmation) {
        boolean generated = req.generatedInputs();
        String inputs = req.inputsProvider() != null ? "provider " + req.inputsProvider()
                : req.inputsFile() != null ? "file " + req.inputsFile() : "generated";
        return new RunSetup(req.fpTolerance(),
                generated ? Arrays.stream(req.sizes()).boxed().toList() : null,
                inputs, ForkFlags.forForks(forkJvmArgs), info(screening), info(confirmation), note);
    }

    static ForkPlanInfo info(ForkPlan p) {
        return new ForkPlanInfo(p.forks(), p.warmupIterations(), p.measurementIterations(), p.iterationTime().toMillis());
    }

    /** The Keep reason when no transform produced a variant: points at notApplied, with the first reasons inline. */
    static String noVariantReason(Map<String, String> notApplied) {
        String first = notApplied.entrySet().stream().limit(2).map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
        return "no transform produced a variant of this method; notApplied in report.json says why for each"
                + (first.isEmpty() ? "" : " (" + clip(first) + (notApplied.size() > 2 ? "; ..." : "") + ")");
    }

    private static String clip(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
