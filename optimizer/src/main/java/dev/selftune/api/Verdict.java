package dev.selftune.api;

/** What verification said of a variant: passed on N inputs, or rejected with a reason and counterexample. */
public sealed interface Verdict {
    int inputsChecked();

    record Passed(int inputsChecked) implements Verdict {
        public Passed {
            if (inputsChecked < 1) {
                throw new IllegalArgumentException("a pass needs at least one checked input, got " + inputsChecked);
            }
        }
    }

    /** {@code counterexample} describes the input and both outcomes; null when no input was run. */
    record Rejected(String reason, String counterexample, int inputsChecked) implements Verdict {
        public Rejected {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a rejection needs a reason");
            }
        }
    }

    default boolean passed() {
        return this instanceof Passed;
    }
}
