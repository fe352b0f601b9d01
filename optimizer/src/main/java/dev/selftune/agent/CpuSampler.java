package dev.selftune.agent;

import java.lang.management.ManagementFactory;
import java.util.stream.Stream;

/**
 * Reads, between two calls, how many cores the host process, the whole machine and a child's process
 * tree used: the inputs of {@link CpuGovernor}. Returns null when the platform cannot tell.
 */
final class CpuSampler {
    private final com.sun.management.OperatingSystemMXBean os;
    private final int cpus = Runtime.getRuntime().availableProcessors();
    private long lastNanos;
    private long lastHostCpu;
    private long lastChildCpu;

    CpuSampler() {
        java.lang.management.OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        this.os = bean instanceof com.sun.management.OperatingSystemMXBean s ? s : null;
    }

    /* The host's share comes from its own CPU time (exact); the machine's from the OS bean's recent
     * load (what top shows); the child's from the CPU time of its process tree (ProcessHandle reads
     * /proc on Linux). Forks that ended since the last sample take their time with them, so the
     * child's figure can dip; it is clamped at 0 and only ever lowers "others", never the host. */

    /** The sample since the previous call, or null on the first call or when the platform cannot tell. */
    CpuGovernor.Sample sample(ProcessHandle child) {
        if (os == null) {
            return null;
        }
        long now = System.nanoTime();
        long host = os.getProcessCpuTime();
        long kid = treeCpuNanos(child);
        double machine = os.getCpuLoad();
        CpuGovernor.Sample s = null;
        if (lastNanos != 0 && host >= 0 && machine >= 0) {
            double wall = now - lastNanos;
            s = new CpuGovernor.Sample((host - lastHostCpu) / wall, machine * cpus, Math.max(0, (kid - lastChildCpu) / wall), cpus);
        }
        lastNanos = now;
        lastHostCpu = host;
        lastChildCpu = kid;
        return s;
    }

    static long treeCpuNanos(ProcessHandle child) {
        return Stream.concat(Stream.of(child), child.descendants())
                .mapToLong(p -> p.info().totalCpuDuration().map(d -> d.toNanos()).orElse(0L)).sum();
    }
}
