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

    /*
     * The child's figure must include its JMH forks, which live a second or two each: summing the live
     * processes' CPU loses every fork that ended during the sample (seen: "tuning 0.00" while the forks
     * kept a core busy, so the governor counted them as another process and paused the child for
     * nothing). On Linux /proc/<pid>/stat also holds cutime/cstime, the CPU of children the process
     * has reaped, so the tune JVM's own line carries its ended forks; live descendants add their own.
     * Elsewhere ProcessHandle's live totals are the best there is.
     */
    static long treeCpuNanos(ProcessHandle child) {
        long proc = procTreeNanos(child);
        if (proc >= 0) {
            return proc;
        }
        return Stream.concat(Stream.of(child), child.descendants())
                .mapToLong(p -> p.info().totalCpuDuration().map(d -> d.toNanos()).orElse(0L)).sum();
    }

    /** utime+stime+cutime+cstime of the child and every live descendant from /proc, or -1 when unreadable. */
    static long procTreeNanos(ProcessHandle child) {
        long ticks = procTicks(child.pid());
        if (ticks < 0) {
            return -1;
        }
        long sum = ticks;
        for (ProcessHandle d : (Iterable<ProcessHandle>) child.descendants()::iterator) {
            sum += Math.max(0, procTicks(d.pid()));
        }
        return sum * NANOS_PER_TICK;
    }

    /** USER_HZ, the unit of /proc/<pid>/stat times: 100 on Linux for every mainstream architecture. */
    static final long NANOS_PER_TICK = 10_000_000L;

    private static long procTicks(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": f[0] state, ... f[11] utime, f[12] stime, f[13] cutime, f[14] cstime
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }
}
