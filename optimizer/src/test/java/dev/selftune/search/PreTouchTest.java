package dev.selftune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        String why = PreTouch.unaffordable(40, 10, 2.0, PreTouch.Way.smallPages(10e-6).startSeconds());
        assertNotNull(why);
        assertTrue(why.contains("give --budget 80s"), why);
        assertNull(PreTouch.unaffordable(75, 15, 2.0, PreTouch.Way.smallPages(10e-6).startSeconds()), "69 s of forks fit 75 s left");
        /* a cached asking fork tells no cost: the budget's first guess (2 s a plain fork) stands in, not "affordable" */
        String cached = PreTouch.unaffordable(40, 10, Double.NaN, PreTouch.Way.smallPages(10e-6).startSeconds());
        assertNotNull(cached, "15 forks of 2 s + 2.6 s do not fit 40 s, whether or not the asking fork was cached");
        assertTrue(cached.contains("give --budget 80s"), cached);
        assertNull(PreTouch.unaffordable(75, 15, Double.NaN, PreTouch.Way.smallPages(10e-6).startSeconds()), "with 75 s left they fit on the first guess too");
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

    @Test
    void cheapest_hugePagesWhenMeasuredAndCheaper_elseSmallPages() {
        PreTouch.Way small = PreTouch.cheapest(15e-6, Double.NaN);
        assertFalse(small.huge(), "no 2 MB pages on request: page by page");
        assertEquals(List.of(PreTouch.FLAG), small.flags());
        assertEquals(262_144 * 15e-6, small.startSeconds(), 1e-9, "1 GB in 4 KB pages");
        PreTouch.Way huge = PreTouch.cheapest(15e-6, 0.15);
        assertTrue(huge.huge());
        assertEquals(List.of(PreTouch.FLAG, FirstTouch.HUGE_PAGES), huge.flags());
        assertEquals(0.15, huge.startSeconds(), 1e-12);
        assertFalse(PreTouch.cheapest(1e-7, 0.15).huge(), "4 KB pages at 0.1 us touch 1 GB in 0.03 s: cheaper than the measured 0.15 s");
    }

    @Test
    void choose_convolveOnSlowFaults_unaffordableInSmallPages_touchesInHugePages() {
        /* commons-math's convolve: ~250 KB an op at ~0.7 ms, faults at 12 us (3.1 s a 4 KB pre-touch), a 2.4 s plain fork, 78 s left */
        double bytes = 250_000;
        double ns = 0.7e6;
        double spp = 12e-6;
        PreTouch.Choice small = PreTouch.choose(bytes, ns, spp, PreTouch.Way.smallPages(spp), SCREEN, 78, 12, 2.4);
        assertFalse(small.touch(), "3.1 s more per fork start: 15 forks do not fit 78 s");
        assertTrue(small.note().contains("give --budget"), small.note());
        PreTouch.Choice huge = PreTouch.choose(bytes, ns, spp, PreTouch.cheapest(spp, 0.12), SCREEN, 78, 12, 2.4);
        assertTrue(huge.touch(), huge.note());
        assertTrue(huge.note().contains(FirstTouch.HUGE_PAGES) && huge.note().contains("0.12 s more per fork start")
                && huge.note().contains("2 MB pages"), huge.note());
    }

    @Test
    void reason_aStartTooCheapToMeasure_saysUnderOneHundredth() {
        String why = PreTouch.reason(600_000, 3.8e6, SLOW_FAULT, PreTouch.Way.hugePages(0), SCREEN);
        assertTrue(why != null && why.contains("under 0.01 s more per fork start"), why);
    }

    @Test
    void reason_pretouchDearerThanTheLimit_none_evenInHugePages() {
        assertNull(PreTouch.reason(600_000, 3.8e6, SLOW_FAULT, PreTouch.Way.hugePages(5.0), SCREEN),
                "a 5 s pre-touch is over the 4 s a fork start may take, whatever the page size");
    }

    @Test
    void hugePagesOnRequest_readsTheKernelsMode() {
        assertTrue(FirstTouch.hugePagesOnRequest("always [madvise] never"));
        assertTrue(FirstTouch.hugePagesOnRequest("[always] madvise never"));
        assertFalse(FirstTouch.hugePagesOnRequest("always madvise [never]"));
        assertFalse(FirstTouch.hugePagesOnRequest(""));
    }

    @Test
    void hugePreTouchSeconds_measuredOnlyWhereTheKernelGivesHugePages() {
        double s = FirstTouch.hugePreTouchSeconds(dev.selftune.measure.ForkFlags.FIXED_HEAP);
        if (FirstTouch.hugePagesOnRequest()) {
            assertTrue(Double.isNaN(s) || s >= 0 && s < 30, "seconds: " + s);
        } else {
            assertTrue(Double.isNaN(s), "no huge pages on request, no measurement: " + s);
        }
    }
}
