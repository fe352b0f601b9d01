package dev.selftune.verify;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Verdict;
import dev.selftune.inputs.InputSource;
import dev.selftune.target.Target;
import org.junit.jupiter.api.Test;

/**
 * A varargs target ({@code int min(int... a)}, as Guava's {@code Ints.min}) takes its array as one
 * argument: the sandbox's method handle was a varargs collector, which wrapped the generated int[]
 * as one element of a new int[] and threw ClassCastException on every input.
 */
class VarargsTargetTest {
    /** A varargs minimum, written as Guava writes it. */
    public static final class Varargs {
        private Varargs() { }

        public static int min(int... array) {
            if (array.length == 0) {
                throw new IllegalArgumentException("empty");
            }
            int min = array[0];
            for (int i = 1; i < array.length; i++) {
                if (array[i] < min) {
                    min = array[i];
                }
            }
            return min;
        }
    }

    @Test
    void varargsTarget_generatedArrays_areOneArgumentAndVerificationRuns() {
        Target t = VerifierTest.target(Varargs.class.getName(), "min", "([I)I", true);
        Verifier v = new Verifier(t, new InputSource(7, new int[] {16, 1024}, null, null), null);
        Verdict verdict = v.verify(VerifierTest.variant(t.classBytes()));
        Verdict.Passed passed = assertInstanceOf(Verdict.Passed.class, verdict, () -> "got " + verdict);
        assertTrue(passed.inputsChecked() >= 100, "checked " + passed.inputsChecked());
    }
}
