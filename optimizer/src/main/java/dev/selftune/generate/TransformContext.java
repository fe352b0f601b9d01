package dev.selftune.generate;

import dev.selftune.inputs.UsualValues;
import java.util.Objects;

/**
 * What a transform may know beyond the method: whether floating-point reassociation was allowed
 * (then within {@code fpTolerance}), the policy's parameter ranges, and the values the target's
 * integral parameters usually take in its callers' rows ({@code specialise} reads them).
 */
public record TransformContext(boolean fpReassociationAllowed, Double fpTolerance, Policy policy, UsualValues usualValues) {
    public TransformContext {
        Objects.requireNonNull(usualValues, "usualValues (UsualValues.none() when there are no caller rows)");
    }

    public TransformContext(boolean fpReassociationAllowed, Double fpTolerance, Policy policy) {
        this(fpReassociationAllowed, fpTolerance, policy, UsualValues.none());
    }

    public static TransformContext exact(Policy policy) {
        return new TransformContext(false, null, policy);
    }

    /** This context with {@code values} as the callers' usual values. */
    public TransformContext withUsualValues(UsualValues values) {
        return new TransformContext(fpReassociationAllowed, fpTolerance, policy, values);
    }
}
