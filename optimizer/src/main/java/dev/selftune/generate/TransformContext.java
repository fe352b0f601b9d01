package dev.selftune.generate;

import dev.selftune.inputs.UsualValues;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a transform may know beyond the method: whether floating-point reassociation was allowed
 * (then within {@code fpTolerance}), the policy's parameter ranges, the values the target's
 * integral parameters usually take in its callers' rows ({@code specialise} reads them), and, when
 * the generator has them, the class files of the target's class path ({@code classResources}, an
 * internal name to its class file or null; {@code hoist-invariants} reads other classes' field flags
 * there). Null {@code classResources}: no class but the target's own can be read.
 */
public record TransformContext(boolean fpReassociationAllowed, Double fpTolerance, Policy policy, UsualValues usualValues,
                               Function<String, InputStream> classResources) {
    public TransformContext {
        Objects.requireNonNull(usualValues, "usualValues (UsualValues.none() when there are no caller rows)");
    }

    public TransformContext(boolean fpReassociationAllowed, Double fpTolerance, Policy policy, UsualValues usualValues) {
        this(fpReassociationAllowed, fpTolerance, policy, usualValues, null);
    }

    public TransformContext(boolean fpReassociationAllowed, Double fpTolerance, Policy policy) {
        this(fpReassociationAllowed, fpTolerance, policy, UsualValues.none());
    }

    public static TransformContext exact(Policy policy) {
        return new TransformContext(false, null, policy);
    }

    /** This context with {@code values} as the callers' usual values. */
    public TransformContext withUsualValues(UsualValues values) {
        return new TransformContext(fpReassociationAllowed, fpTolerance, policy, values, classResources);
    }

    /** This context reading other classes' files through {@code resources}. */
    public TransformContext withClassResources(Function<String, InputStream> resources) {
        return new TransformContext(fpReassociationAllowed, fpTolerance, policy, usualValues, resources);
    }
}
