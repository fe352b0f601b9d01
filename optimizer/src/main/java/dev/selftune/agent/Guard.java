package dev.selftune.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches each swapped method (one loader's copy: its samples are counted apart) for a guard window: rolls back when it starts throwing where the
 * original did not, or when its sampled cost rises against the share measured before the swap.
 */
final class Guard {
    /*
     * Cost per call would need a permanent call counter in the host's method, which is exactly the
     * overhead the call-site design avoids. The guard uses the method's share of JFR execution
     * samples instead: with a steady workload a faster variant lowers the share and a slower one
     * raises it. A verdict needs MIN_SAMPLES samples after the swap, so JFR's 20 ms sampling noise
     * (a share is a binomial proportion) does not trigger rollbacks; a rise beyond 25% relative plus
     * 2 points absolute counts as a regression. Exceptions are throwables constructed with the method
     * on the stack (jdk.JavaExceptionThrow, on only during capture and guard windows; JDK 17–21),
     * compared as rates with the capture window before the swap, and, on every JDK, the share of the
     * method's samples spent inside Throwable construction, compared with the share before the swap.
     */
    static final long MIN_SAMPLES = 50;

    record Watch(LoadedMethod method, String variantId, double shareBefore, double throwRateBefore, double throwingShareBefore,
                 long samplesAtSwap, long totalAtSwap, long throwsAtSwap, long throwingAtSwap, long startNanos) { }

    /**
     * What the guard asks for, with its evidence: a rollback ({@code reason} set), or, once the window
     * passed without regression, the end of probation ({@code reason} null): the agent then settles
     * the call site so the variant stops paying the swapper's call counter.
     */
    record Verdict(LoadedMethod method, String variantId, String reason, Map<String, Object> evidence) {
        boolean rollback() {
            return reason != null;
        }
    }

    private final HotMethodDetector detector;
    private final Duration window;
    private final List<Watch> watches = new ArrayList<>();

    Guard(HotMethodDetector detector, Duration window) {
        this.detector = detector;
        this.window = window;
    }

    synchronized void arm(LoadedMethod method, String variantId, double shareBefore, double throwRateBefore) {
        SampledMethod s = method.sampled();
        detector.watchThrows(s);
        detector.trackExceptions(true);
        long samples = detector.samples(s);
        long throwing = detector.throwingSamples(s);
        watches.add(new Watch(method, variantId, shareBefore, throwRateBefore, samples == 0 ? 0 : (double) throwing / samples,
                samples, detector.totalSamples(), detector.throwsInside(s), throwing, System.nanoTime()));
    }

    synchronized boolean active() {
        return !watches.isEmpty();
    }

    /** Stops watching {@code method}. */
    synchronized void disarm(LoadedMethod method) {
        watches.removeIf(w -> w.method().equals(method));
        if (watches.isEmpty()) {
            detector.trackExceptions(false);
        }
    }

    /** Drops the watches of methods whose class loader was collected. */
    synchronized void prune() {
        if (watches.removeIf(w -> !w.method().alive()) && watches.isEmpty()) {   // not otherwise: a capture window may be tracking
            detector.trackExceptions(false);
        }
    }

    /** Checks every watch; returns the rollbacks to perform and the windows that ended clean (to settle). */
    synchronized List<Verdict> check() {
        List<Verdict> out = new ArrayList<>();
        long now = System.nanoTime();
        for (Watch w : new ArrayList<>(watches)) {
            double secs = Math.max(1e-3, (now - w.startNanos()) / 1e9);
            SampledMethod s = w.method().sampled();
            long thrown = detector.throwsInside(s) - w.throwsAtSwap();
            long samples = detector.samples(s) - w.samplesAtSwap();
            long total = detector.totalSamples() - w.totalAtSwap();
            long throwing = detector.throwingSamples(s) - w.throwingAtSwap();
            double throwingShare = samples == 0 ? 0 : (double) throwing / samples;
            double share = total == 0 ? 0 : (double) samples / total;
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("variant", w.variantId());
            ev.put("shareBefore", w.shareBefore());
            ev.put("shareAfter", share);
            ev.put("samplesAfter", samples);
            ev.put("throwsAfter", thrown);
            ev.put("throwRateBefore", w.throwRateBefore());
            ev.put("throwingSamplesAfter", throwing);
            ev.put("throwingShareBefore", w.throwingShareBefore());
            ev.put("seconds", secs);
            String reason = null;
            boolean perMethod = HotMethodDetector.PER_METHOD_THROWS;
            ev.put("throwsCounted", perMethod ? "method (jdk.JavaExceptionThrow)" : "JVM-wide (jdk.ExceptionStatistics)");
            if (perMethod ? thrown >= 3 && thrown / secs > 2 * w.throwRateBefore() + 0.05
                    : secs >= 2 && thrown >= 50 && thrown / secs > 2 * w.throwRateBefore() + 20) {
                reason = "it throws more since the swap: " + thrown + (perMethod ? "" : " JVM-wide") + " throwables in "
                        + Math.round(secs) + " s, before " + String.format("%.2f", w.throwRateBefore()) + "/s";
            } else if (throwing >= 5 && throwingShare > 2 * w.throwingShareBefore() + 0.05) {
                reason = "it throws more since the swap: " + pct(throwingShare) + " of its samples construct throwables, before "
                        + pct(w.throwingShareBefore());
            } else if (samples >= MIN_SAMPLES && share > w.shareBefore() * 1.25 + 0.02) {
                reason = "its sampled cost rose: " + pct(w.shareBefore()) + " of samples before, " + pct(share) + " after";
            }
            if (reason != null) {
                out.add(new Verdict(w.method(), w.variantId(), reason, ev));
                watches.remove(w);
            } else if (now - w.startNanos() > window.toNanos()) {
                out.add(new Verdict(w.method(), w.variantId(), null, ev));
                watches.remove(w);
            }
        }
        if (watches.isEmpty()) {
            detector.trackExceptions(false);
        }
        return out;
    }

    private static String pct(double share) {
        return String.format("%.1f%%", share * 100);
    }
}
