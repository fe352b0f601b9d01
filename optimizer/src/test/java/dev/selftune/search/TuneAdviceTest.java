package dev.selftune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Measurement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Advice in a keep or an error: forks far apart (first touches of heap pages), rows on which the original throws. */
class TuneAdviceTest {
    private static Measurement forks(double... scores) {
        return new Measurement(scores[0], 0, "ns/op", scores.length, 5, scores);
    }

    @Test
    void forkSpreadAdvice_forksTwiceApartOrMore_namesTheSpreadAndPreTouch() {
        // the transpose sample at 1024 x 1024, the baseline of an earlier session: one fork in six 13x slower
        String advice = Tuner.forkSpreadAdvice(forks(1.79e6, 1.88e6, 2.39e6, 23.65e6, 1.94e6, 1.78e6), List.of());
        assertTrue(advice.startsWith("; the original's 6 forks ran 13.3x apart (1.78 to 23.7 ms/op)"), advice);
        assertTrue(advice.contains("--fork-jvm-flags=-XX:+AlwaysPreTouch"), advice);
    }

    @Test
    void forkSpreadAdvice_tightForksOneForkNoBaselineOrPreTouchGiven_saysNothing() {
        assertEquals("", Tuner.forkSpreadAdvice(forks(2.09e6, 2.11e6, 2.15e6, 2.09e6, 2.12e6, 2.17e6), List.of()));
        // slow in every fork alike (first touches throughout): 1.8x apart, under the 2x the advice needs
        assertEquals("", Tuner.forkSpreadAdvice(forks(33.25e6, 46.09e6, 24.97e6, 42.43e6, 34.58e6, 31.26e6), List.of()));
        assertEquals("", Tuner.forkSpreadAdvice(forks(1.9e6, 3.9e6), List.of("-XX:+AlwaysPreTouch")),
                "the caller already pre-touches the heap");
        assertEquals("", Tuner.forkSpreadAdvice(forks(5e6), List.of()), "one fork has no spread");
        assertEquals("", Tuner.forkSpreadAdvice(null, List.of()));
    }

    @Test
    void throwingRowsAdvice_someRowsThrew_saysWhyEveryForkFailsAndWhatToDo_noneThrew_saysNothing() {
        String advice = Tuner.throwingRowsAdvice(new dev.selftune.verify.OriginalProfile(105, 45, false));
        assertTrue(advice.startsWith("the original threw on 60 of its 105 input rows during verification"), advice);
        assertTrue(advice.contains("give rows on which it always returns"), advice);
        assertEquals("", Tuner.throwingRowsAdvice(new dev.selftune.verify.OriginalProfile(105, 105, false)));
    }
}
