package dev.selftune.generate;

/**
 * What a transform may know beyond the method: whether floating-point reassociation was allowed
 * (then within {@code fpTolerance}), and the policy's parameter ranges.
 */
public record TransformContext(boolean fpReassociationAllowed, Double fpTolerance, Policy policy) {
    public static TransformContext exact(Policy policy) {
        return new TransformContext(false, null, policy);
    }
}
