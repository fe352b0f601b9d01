package dev.selftune.agent;

import java.util.Locale;

/**
 * Decides, once a second, whether the tuning child may run: it runs while the host and everything
 * else leave it about a core, and is paused (and later resumed) when they do not. Pure logic over
 * {@link Sample}s, so the rule is tested without a busy machine.
 */
final class CpuGovernor {
    /** Pause when fewer cores than this are left for tuning, for {@link #PAUSE_AFTER} samples in a row. */
    static final double PAUSE_BELOW = 0.75;
    /** Resume when at least this many cores are left, for {@link #RESUME_AFTER} samples in a row. */
    static final double RESUME_AT = 0.9;
    static final int PAUSE_AFTER = 2;
    static final int RESUME_AFTER = 3;

    /* Why these numbers: the child (tune, then one JMH fork at a time) needs about one core; it is
     * pinned to the last CPU and runs at nice 19 (TuneProcess), so on a 2-core machine a busy
     * single-threaded host keeps its own core and the JIT/GC threads it needs preempt the child.
     * What the child cannot survive is a host that wants every core: then the forks steal the host's
     * time (a batch host lost 21% beside unpinned forks here) and their measurements are noise. So
     * the test is on the cores left once the host and other processes are counted: below 3/4 of a
     * core for two seconds, pause; at 0.9 for three, resume. The hysteresis keeps a host with short
     * bursts from toggling the child every second. A paused child's JMH fork sees a stalled
     * iteration; the judge's CPU-time basis and its sign test take that in their stride, and the
     * budget plan re-plans from the time left when the child resumes. */

    /** One second's reading: cores used by the host, by the whole machine and by the child's process tree. */
    record Sample(double hostCores, double machineCores, double childCores, int cpus) {
        /** Cores left for tuning: all, less the host's, less what processes other than host and child use. */
        double freeForTuning() {
            double others = Math.max(0, machineCores - hostCores - childCores);
            return cpus - hostCores - others;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "host %.2f, others %.2f, tuning %.2f of %d cores",
                    hostCores, Math.max(0, machineCores - hostCores - childCores), childCores, cpus);
        }
    }

    enum Action { NONE, PAUSE, RESUME }

    private boolean paused;
    private int low;
    private int high;

    /** Feeds one sample; returns what to do with the child now. */
    Action observe(Sample s) {
        double free = s.freeForTuning();
        if (!paused) {
            low = free < PAUSE_BELOW ? low + 1 : 0;
            if (low >= PAUSE_AFTER) {
                paused = true;
                low = 0;
                high = 0;
                return Action.PAUSE;
            }
        } else {
            high = free >= RESUME_AT ? high + 1 : 0;
            if (high >= RESUME_AFTER) {
                paused = false;
                high = 0;
                low = 0;
                return Action.RESUME;
            }
        }
        return Action.NONE;
    }

    boolean paused() {
        return paused;
    }
}
