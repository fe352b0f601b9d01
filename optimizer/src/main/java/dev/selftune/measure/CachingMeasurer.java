package dev.selftune.measure;

import dev.selftune.api.Measurement;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A {@link Measurer} that answers screening ({@link #measure}) from a {@link MeasurementCache} when it
 * can, and always confirms with fresh forks through its delegate: a swap never rests on a cached number.
 * Use one per tuning run (many may share a cache): its request counts are what keep a run's forks independent.
 */
public final class CachingMeasurer implements Measurer {
    private final Measurer delegate;
    private final MeasurementCache cache;
    private final LongSupplier clock;
    /** Per key, how many stored measurements this measurer has already handed out. */
    private final Map<String, Integer> used = new HashMap<>();
    private double[] lastShares = new double[0];
    private boolean lastCached;
    private double lastCachedSeconds = Double.NaN;
    private int hits;
    private int misses;

    /*
     * Why a key can be asked for more than once: racing measures the baseline and each survivor again
     * in later rounds, and each round must add an independent fork. So the n-th request for a key in
     * this measurer's life is served by the n-th stored measurement, and past the stored ones the
     * delegate measures and the result is appended. Re-scoring a policy (the meta loop), or a second
     * run with the same inputs, then replays the same forks instead of running them again, and never
     * counts one fork twice as evidence.
     * Confirmation is never cached (DESIGN.md invariant 2): fresh, interleaved forks, whoever asks.
     */
    public CachingMeasurer(Measurer delegate, MeasurementCache cache) {
        this(delegate, cache, System::nanoTime);
    }

    /** As above, timing the delegate's forks on {@code nanoClock} (tests simulate fork times on it). */
    public CachingMeasurer(Measurer delegate, MeasurementCache cache, LongSupplier nanoClock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.clock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** {@code delegate} behind a cache in {@code cacheDir}, or {@code delegate} itself when {@code cacheDir} is null. */
    public static Measurer over(Measurer delegate, Path cacheDir) {
        return cacheDir == null ? delegate : new CachingMeasurer(delegate, new MeasurementCache(cacheDir));
    }

    @Override
    public synchronized Measurement measure(BenchSpec spec, ForkPlan plan) {
        String key = MeasurementKey.of(spec, plan, delegate.environmentKey());
        int n = used.getOrDefault(key, 0);
        List<MeasurementCache.Entry> stored = cache.load(key);
        used.put(key, n + 1);
        if (n < stored.size()) {
            MeasurementCache.Entry e = stored.get(n);
            hits++;
            lastCached = true;
            lastCachedSeconds = e.wallSeconds();
            lastShares = e.cpuShares();
            return e.measurement();
        }
        lastCached = false;
        lastCachedSeconds = Double.NaN;
        lastShares = new double[0];
        long t0 = clock.getAsLong();
        Measurement m = delegate.measure(spec, plan);
        double wall = (clock.getAsLong() - t0) / 1e9;
        misses++;
        lastShares = delegate.lastForkCpuShares();
        cache.append(key, new MeasurementCache.Entry(m, lastShares, wall));
        return m;
    }

    /**
     * Confirmations (Measurer's confirm goes through here) always run the delegate's fresh,
     * interleaved forks; nothing is read from or written to the cache.
     */
    @Override
    public PairSource pairs(BenchSpec baseline, BenchSpec candidate, ForkPlan plan) {
        return delegate.pairs(baseline, candidate, plan);
    }

    @Override
    public synchronized double[] lastForkCpuShares() {
        return lastShares.clone();
    }

    @Override
    public synchronized boolean lastWasCached() {
        return lastCached;
    }

    @Override
    public synchronized double lastCachedSeconds() {
        return lastCached ? lastCachedSeconds : Double.NaN;
    }

    @Override
    public Path workDir() {
        return delegate.workDir();
    }

    @Override
    public String environmentKey() {
        return delegate.environmentKey();
    }

    /** Screening measurements served from the cache so far. */
    public synchronized int hits() {
        return hits;
    }

    /** Screening measurements the delegate had to run (and that were then stored) so far. */
    public synchronized int misses() {
        return misses;
    }

    public MeasurementCache cache() {
        return cache;
    }
}
