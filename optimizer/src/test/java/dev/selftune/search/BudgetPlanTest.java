package dev.selftune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.measure.ForkPlan;
import dev.selftune.measure.SequentialTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The budget plan on a simulated clock: screening forks run while Race would start them (the same
 * rule Tuner gives it), then the confirmation must still fit. Models the runs that used to strand a
 * screening leader (35 s, ~1.2 s forks, 24 variants).
 */
class BudgetPlanTest {
    private static final SequentialTest TEST = new SequentialTest(0.95);
    /** A confirmation fork iterates this much longer than a screening fork. */
    private static final double EXTRA = (ForkPlan.confirmation().iteratingTimePerFork().toMillis()
            - ForkPlan.screening().iteratingTimePerFork().toMillis()) / 1000.0;

    /** A clock the test advances by hand. */
    private static final class Clock {
        long nanos;

        void advance(double seconds) {
            nanos += (long) (seconds * 1e9);
        }
    }

    /** Screens until Race would stop and returns the budget at that point. */
    private static Budget screen(double budgetSeconds, double setupSeconds, double forkSeconds, int variants) {
        Clock clock = new Clock();
        Budget b = new Budget(Duration.ofMillis((long) (budgetSeconds * 1000)), 0, () -> clock.nanos);
        clock.advance(setupSeconds + forkSeconds);   // the baseline fork runs first, whatever the plan (Race.run)
        b.recordForks(1, forkSeconds);
        int screened = 0;
        while (screened < variants && b.forksFitting(b.left() * Tuner.SAFETY - Tuner.confirmReserve(b, TEST)) >= 1) {
            clock.advance(forkSeconds);
            b.recordForks(1, forkSeconds);
            screened++;
        }
        return b;
    }

    @Test
    void plan_mainJobBudgetsAndForkCosts_alwaysLeaveTheFirstLookOfConfirmation() {
        for (double budget = 30; budget <= 180; budget += 5) {
            for (double fork = 0.6; fork <= 2.0; fork += 0.1) {
                Budget b = screen(budget, 3.0, fork, 24);
                int pairs = Tuner.pairsFitting(b);
                if (b.left() > 0 && pairs < TEST.firstPairs()) {
                    // only when even the start could not hold baseline + first look: advice, not a strand
                    assertTrue(3.0 + 2 * TEST.firstPairs() * (fork + EXTRA) + fork > budget * 0.92,
                            "budget " + budget + " s, fork " + fork + " s: stranded with " + pairs + " pairs after "
                                    + b.elapsed() + " s");
                }
            }
        }
    }

    @Test
    void plan_thirtyFiveSecondsAtOnePointTwoSecondForks_screensAndKeepsSixPairs() {
        Budget b = screen(35, 3.0, 1.2, 24);
        assertTrue(Tuner.pairsFitting(b) >= 6, "pairs " + Tuner.pairsFitting(b));
        assertTrue(b.elapsed() > 10, "screening used the room it had: stopped at " + b.elapsed() + " s");
    }

    @Test
    void confirmReserve_largeBudget_holdsAnExtensionLook() {
        Budget small = new Budget(Duration.ofSeconds(35), 0, () -> 0);
        small.recordForks(1, 1.2);
        Budget large = new Budget(Duration.ofSeconds(90), 0, () -> 0);
        large.recordForks(1, 1.2);
        assertEquals(2 * 6 * (1.2 + EXTRA), Tuner.confirmReserve(small, TEST), 1e-9);
        assertEquals(2 * 10 * (1.2 + EXTRA), Tuner.confirmReserve(large, TEST), 1e-9);
    }

    @Test
    void confirmReserve_slowerForksMeasured_reservesMore() {
        Budget b = new Budget(Duration.ofSeconds(60), 0, () -> 0);
        b.recordForks(1, 1.0);
        double before = Tuner.confirmReserve(b, TEST);
        b.recordConfirmForks(2, 6.0);
        assertTrue(Tuner.confirmReserve(b, TEST) > before, "the reserve follows the measured confirmation fork cost");
    }

    @Test
    void budgetAdvice_namesForkCostsAndABudgetThatFits() {
        Clock clock = new Clock();
        Budget b = new Budget(Duration.ofSeconds(30), 0, () -> clock.nanos);
        clock.advance(2);
        b.recordForks(1, 2.5);
        clock.advance(2.5);
        String advice = Tuner.budgetAdvice(b, TEST);
        assertTrue(advice.contains("one screening fork takes 2.5 s") && advice.contains("--budget 60s"), advice);
    }

    @Test
    void sizesAdvice_slowCallOnGeneratedRows_namesSmallerSizes_butNotForProvidedRowsOrFastCalls() {
        dev.selftune.api.TuneRequest generated = dev.selftune.api.TuneRequest.builder().classpathEntry(java.nio.file.Path.of("."))
                .target("a.B#c").out(java.nio.file.Path.of("out")).sizes(16, 1024, 65536).build();
        String advice = Tuner.sizesAdvice(2.1e9, generated);
        assertTrue(advice.contains("or smaller --sizes") && advice.contains("2.1 s") && advice.contains("[16,1024,65536]"), advice);
        assertTrue(Tuner.sizesAdvice(5e6, generated).isEmpty(), "a 5 ms call fits an iteration many times");
        assertTrue(Tuner.sizesAdvice(Double.NaN, generated).isEmpty());
        dev.selftune.api.TuneRequest provided = dev.selftune.api.TuneRequest.builder().classpathEntry(java.nio.file.Path.of("."))
                .target("a.B#c").out(java.nio.file.Path.of("out")).inputsProvider("a.Rows#rows").build();
        assertTrue(Tuner.sizesAdvice(2.1e9, provided).isEmpty(), "sizes do not shape provided rows");
    }
}
