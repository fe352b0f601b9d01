package dev.selftune.generate;

import dev.selftune.inputs.UsualValues;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a transform may know beyond the method: whether floating-point reassociation was allowed
 * (then within {@code fpTolerance}), the policy's parameter ranges, the values the target's
 * integral parameters usually take in its callers' rows ({@code specialise} reads them), and the
 * class files of the target's class path ({@code classes}: internal name to its class file, or null
 * when it cannot be read), so a transform can read what a called method does ({@code row-accumulate}) or another class's
 * field flags ({@code hoist-invariants}).
 */
public record TransformContext(boolean fpReassociationAllowed, Double fpTolerance, Policy policy, UsualValues usualValues,
                               Function<String, InputStream> classes) {
    public TransformContext {
        Objects.requireNonNull(usualValues, "usualValues (UsualValues.none() when there are no caller rows)");
        Objects.requireNonNull(classes, "classes (name -> null when no class file can be read)");
    }

    public TransformContext(boolean fpReassociationAllowed, Double fpTolerance, Policy policy, UsualValues usualValues) {
        this(fpReassociationAllowed, fpTolerance, policy, usualValues, name -> null);
    }

    public TransformContext(boolean fpReassociationAllowed, Double fpTolerance, Policy policy) {
        this(fpReassociationAllowed, fpTolerance, policy, UsualValues.none());
    }

    public static TransformContext exact(Policy policy) {
        return new TransformContext(false, null, policy);
    }

    /** This context with {@code values} as the callers' usual values. */
    public TransformContext withUsualValues(UsualValues values) {
        return new TransformContext(fpReassociationAllowed, fpTolerance, policy, values, classes);
    }

    /** This context reading class files through {@code resources} (internal name {@code a/b/C} to its class file, or null). */
    public TransformContext withClasses(Function<String, InputStream> resources) {
        return new TransformContext(fpReassociationAllowed, fpTolerance, policy, usualValues, resources);
    }
}
