package dev.selftune.verify;

/**
 * What one call did, as loader-neutral snapshots: the returned value or the thrown exception's
 * class, every argument (receiver first for instance methods) after the call, the watched static
 * state after the call (null when none is watched), and the work done.
 */
record Outcome(Object returned, Object[] argsAfter, String thrown, String thrownMessage, boolean timedOut,
               long ticks, long nanos, Object statics) {
    Outcome {
        argsAfter = argsAfter.clone();
    }

    boolean threw() {
        return thrown != null;
    }

    /** "returned 42", "threw java.lang.ArithmeticException: / by zero" or "timed out after N steps". */
    String describe() {
        if (timedOut) {
            return "timed out after " + ticks + " steps";
        }
        String head = thrown != null
                ? "threw " + thrown + (thrownMessage == null ? "" : ": " + thrownMessage)
                : "returned " + Abbrev.show(returned);
        return head + ", arguments after " + Abbrev.row(argsAfter);
    }
}
