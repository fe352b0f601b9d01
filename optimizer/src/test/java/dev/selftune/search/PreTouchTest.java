package dev.selftune.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.inputs.InputSource;
import dev.selftune.measure.FirstTouch;
import dev.selftune.measure.ForkPlan;
import dev.selftune.target.TargetLoader;
import dev.selftune.verify.OriginalProfile;
import dev.selftune.verify.Verifier;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forks pre-touch their heap only for an original that allocates fast on a machine where first touches are dear. */
class PreTouchTest {
    private static final ForkPlan SCREEN = ForkPlan.screening();
    private static final double SLOW_FAULT = 7.6e-6;   // the VM this was written on

    @Test
    void reason_jamaLikeAllocationOnSlowFaults_preTouches_andSaysWhy() {
        String why = PreTouch.reason(600_000, 3.8e6, SLOW_FAULT, SCREEN);
        assertNotNull(why);
        assertTrue(why.contains("MB/s") && why.contains(PreTouch.FLAG) && why.contains("7.6 us"), why);
    }

    @Test
    void reason_noAllocationCheapFaultsOrADearPreTouch_none() {
        assertNull(PreTouch.reason(0, 3.8e6, SLOW_FAULT, SCREEN), "allocates nothing");
        assertNull(PreTouch.reason(Double.NaN, 3.8e6, SLOW_FAULT, SCREEN), "allocation unknown");
        assertNull(PreTouch.reason(600_000, 3.8e6, 2e-8, SCREEN), "first touches nearly free");
        assertNull(PreTouch.reason(64, 1e6, SLOW_FAULT, SCREEN), "64 bytes a millisecond touches a page now and then");
        assertNull(PreTouch.reason(600_000, 3.8e6, 2e-5, SCREEN), "touching 1 GB at 20 us a page would add 5 s to every fork");
    }

    @Test
    void counted_aBoxedResultOrSmallTemporaries_notCounted_arraysAre() {
        assertTrue(PreTouch.counted(24) == 0, "a boxed double");
        assertTrue(PreTouch.counted(Double.NaN) == 0);
        assertTrue(PreTouch.counted(8_192) == 8_192);
    }

    @Test
    void open_callersOwnHeapPreTouchOrCollector_leftAlone() {
        assertTrue(PreTouch.open(List.of()));
        assertTrue(PreTouch.open(List.of("-XX:UseAVX=2")));
        assertFalse(PreTouch.open(List.of("-XX:+AlwaysPreTouch")));
        assertFalse(PreTouch.open(List.of("-Xmx4g")));
        assertFalse(PreTouch.open(List.of("-XX:+UseParallelGC")));
    }

    @Test
    void firstTouch_measuredOnThisMachine() {
        double s = FirstTouch.secondsPerPage();
        assertTrue(s > 0 && s < 1e-3, "seconds per page: " + s);
    }

    @Test
    void profile_allocationPerCall_countsTheResultArrayNotTheCallsRecording() throws Exception {
        Path classes = Path.of(PreTouchTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        InputSource src = new InputSource(3, new int[] {1000}, null, null);
        OriginalProfile doubled = new Verifier(TargetLoader.load(List.of(classes),
                MethodRef.parse("dev.selftune.target.specimens.Allocating#doubled")), src, null).profile();
        OriginalProfile total = new Verifier(TargetLoader.load(List.of(classes),
                MethodRef.parse("dev.selftune.target.specimens.Allocating#total")), src, null).profile();
        assertTrue(total.allocatedBytesPerCall() < 64, "a sum allocates (nearly) nothing: " + total);
        assertTrue(doubled.allocatedBytesPerCall() > total.allocatedBytesPerCall() + 100,
                "a new int[a.length] per call (most verification rows are short): " + doubled + " vs " + total);
    }

    @Test
    void opAllocation_measuredOnAForksRows_seesTheLargeSizeTheVerificationAverageMisses() throws Exception {
        Path classes = Path.of(PreTouchTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path work = java.nio.file.Files.createTempDirectory("optest");
        InputSource big = new InputSource(3, new int[] {1 << 20}, null, null);
        dev.selftune.target.Target doubled = TargetLoader.load(List.of(classes), MethodRef.parse("dev.selftune.target.specimens.Allocating#doubled"));
        dev.selftune.target.Target total = TargetLoader.load(List.of(classes), MethodRef.parse("dev.selftune.target.specimens.Allocating#total"));
        double perOp = dev.selftune.measure.OpAllocation.bytesPerOp(dev.selftune.measure.BenchSpec.of(doubled, "original",
                doubled.classBytes(), big, false, work), 2_000_000_000L);
        assertTrue(perOp >= 4.0 * (1 << 20) && perOp < 5.0 * (1 << 20), "one new int[1M] per op: " + perOp);
        double verificationAverage = new Verifier(doubled, big, null).profile().allocatedBytesPerCall();
        assertTrue(verificationAverage < perOp / 8, "verification's rows are mostly small: " + verificationAverage);
        double none = dev.selftune.measure.OpAllocation.bytesPerOp(dev.selftune.measure.BenchSpec.of(total, "original",
                total.classBytes(), big, false, work), 2_000_000_000L);
        assertTrue(none < 256, "a sum allocates nothing per op: " + none);
        assertTrue(Double.isNaN(dev.selftune.measure.OpAllocation.bytesPerOp(dev.selftune.measure.BenchSpec.of(doubled, "original",
                doubled.classBytes(), big, false, work), 0)), "a pass over the time limit gives no number");
    }

    @Test
    void unaffordable_pretouchedForksThatDoNotFitTheBudget_measuredWithoutAndTheBudgetAdvised() {
        /* 2 s forks, 2.6 s more each pre-touched: 15 forks take 69 s */
        String why = PreTouch.unaffordable(40, 10, 2.0, 10e-6);
        assertNotNull(why);
        assertTrue(why.contains("give --budget 80s"), why);
        assertNull(PreTouch.unaffordable(75, 15, 2.0, 10e-6), "69 s of forks fit 75 s left");
        /* a cached asking fork tells no cost: the budget's first guess (2 s a plain fork) stands in, not "affordable" */
        String cached = PreTouch.unaffordable(40, 10, Double.NaN, 10e-6);
        assertNotNull(cached, "15 forks of 2 s + 2.6 s do not fit 40 s, whether or not the asking fork was cached");
        assertTrue(cached.contains("give --budget 80s"), cached);
        assertNull(PreTouch.unaffordable(75, 15, Double.NaN, 10e-6), "with 75 s left they fit on the first guess too");
    }

    @Test
    void choose_warrantedPreTouch_touchesWhenItFits_elseSaysWhyNotAndWhichBudget() {
        PreTouch.Choice fits = PreTouch.choose(600_000, 3.8e6, SLOW_FAULT, SCREEN, 75, 15, 2.0);
        assertTrue(fits.touch());
        assertTrue(fits.note().equals(PreTouch.reason(600_000, 3.8e6, SLOW_FAULT, SCREEN)), fits.note());
        PreTouch.Choice tight = PreTouch.choose(600_000, 3.8e6, SLOW_FAULT, SCREEN, 40, 10, 2.0);
        assertFalse(tight.touch());
        assertTrue(tight.note().startsWith("the original allocates") && tight.note().contains("give --budget")
                && !tight.note().contains("every fork pre-touches"), tight.note());
        PreTouch.Choice none = PreTouch.choose(0, 3.8e6, SLOW_FAULT, SCREEN, 40, 10, 2.0);
        assertFalse(none.touch());
        assertNull(none.note());
    }
}
