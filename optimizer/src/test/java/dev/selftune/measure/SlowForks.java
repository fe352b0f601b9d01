package dev.selftune.measure;

import dev.selftune.api.Measurement;

/** A {@link FakeMeasurer} whose every screening fork takes a fixed time on a simulated nanosecond clock. */
public final class SlowForks extends ForwardingMeasurer {
    private final long[] now;
    private final long nanosPerFork;

    /** {@code fake}'s measurements, each fork advancing {@code now[0]} by {@code nanosPerFork}. */
    public SlowForks(FakeMeasurer fake, long[] now, long nanosPerFork) {
        super(fake);
        this.now = now;
        this.nanosPerFork = nanosPerFork;
    }

    @Override
    public Measurement measure(BenchSpec spec, ForkPlan plan) {
        now[0] += plan.forks() * nanosPerFork;
        return super.measure(spec, plan);
    }
}
