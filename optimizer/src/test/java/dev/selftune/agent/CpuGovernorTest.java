package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuGovernorTest {
    private static CpuGovernor.Sample host(double hostCores) {
        return new CpuGovernor.Sample(hostCores, hostCores + 0.9, 0.9, 2);
    }

    @Test
    void observe_singleThreadedHostOnTwoCores_neverPauses() {
        CpuGovernor g = new CpuGovernor();
        for (int i = 0; i < 60; i++) {
            assertEquals(CpuGovernor.Action.NONE, g.observe(host(i % 7 == 0 ? 1.15 : 1.02)));
        }
        assertFalse(g.paused());
    }

    @Test
    void observe_hostWantingEveryCore_pausesAfterTwoSecondsAndResumesAfterThreeIdle() {
        CpuGovernor g = new CpuGovernor();
        assertEquals(CpuGovernor.Action.NONE, g.observe(host(1.9)));
        assertEquals(CpuGovernor.Action.PAUSE, g.observe(host(1.9)));
        assertTrue(g.paused());
        CpuGovernor.Sample idle = new CpuGovernor.Sample(0.5, 0.5, 0, 2);
        assertEquals(CpuGovernor.Action.NONE, g.observe(idle));
        assertEquals(CpuGovernor.Action.NONE, g.observe(idle));
        assertEquals(CpuGovernor.Action.RESUME, g.observe(idle));
        assertFalse(g.paused());
    }

    @Test
    void observe_shortBurst_doesNotToggle() {
        CpuGovernor g = new CpuGovernor();
        for (int i = 0; i < 20; i++) {
            assertEquals(CpuGovernor.Action.NONE, g.observe(host(i % 2 == 0 ? 1.95 : 1.0)), "sample " + i);
        }
    }

    @Test
    void sample_otherProcessesBusy_countAgainstTheFreeCores() {
        CpuGovernor.Sample s = new CpuGovernor.Sample(1.0, 1.9, 0.0, 2);
        assertEquals(0.1, s.freeForTuning(), 1e-9, "another process uses 0.9 cores beside a 1-core host");
        CpuGovernor.Sample tuning = new CpuGovernor.Sample(1.0, 1.9, 0.9, 2);
        assertEquals(1.0, tuning.freeForTuning(), 1e-9, "the child's own use is not held against it");
    }

    @Test
    void command_onTwoOrMoreCpus_pinsTheChildToTheLastCpuAtLowPriority() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2 && new File(TuneProcess.TASKSET).canExecute());
        List<String> cmd = new TuneProcess("tool.jar", "java").command(dev.selftune.api.MethodRef.parse("a.B#c"), "cp", null,
                Duration.ofSeconds(60), Path.of("out"), List.of());
        assertEquals(List.of(TuneProcess.TASKSET, "-c", String.valueOf(Runtime.getRuntime().availableProcessors() - 1)),
                cmd.subList(0, 3));
        assertTrue(cmd.indexOf("19") > 2, "nice -n 19 follows: " + cmd);
    }

    @Test
    void signal_stopAndContinue_freezeAndThawTheWholeTree(@TempDir Path dir) throws Exception {
        assumeTrue(new File(TuneProcess.KILL).canExecute() && new File("/proc/self/stat").exists());
        Process p = new ProcessBuilder("sh", "-c", "sleep 30 & wait").start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (p.descendants().findAny().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<ProcessHandle> tree = new ArrayList<>(List.of(p.toHandle()));
            p.descendants().forEach(tree::add);
            assertTrue(tree.size() >= 2, "a child with a descendant");
            assertTrue(TuneProcess.signal(p.toHandle(), "-STOP"));
            for (ProcessHandle h : tree) {
                assertEquals('T', state(h), "stopped: " + h.pid());
            }
            assertTrue(TuneProcess.signal(p.toHandle(), "-CONT"));
            for (ProcessHandle h : tree) {
                assertTrue(state(h) != 'T', "continued: " + h.pid());
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** The state letter in /proc/<pid>/stat (R, S, T for stopped, ...), after the command name in parentheses. */
    private static char state(ProcessHandle h) throws Exception {
        for (int i = 0; i < 50; i++) {
            String stat = Files.readString(Path.of("/proc", String.valueOf(h.pid()), "stat"));
            char c = stat.charAt(stat.lastIndexOf(')') + 2);
            if (c == 'T' || i > 10) {
                return c;
            }
            Thread.sleep(10);
        }
        return '?';
    }

    @Test
    void treeCpuNanos_endedChildrenOfTheChild_stillCount() throws Exception {
        assumeTrue(new File("/proc/self/stat").exists());
        // a parent that runs a short busy child to completion, then sleeps: its ended child's CPU must stay counted
        Process p = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done & wait; sleep 30").start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            long seen = 0;
            while (System.nanoTime() < deadline) {
                Thread.sleep(100);
                boolean busyChildGone = p.descendants().noneMatch(d -> d.info().command().map(c -> c.endsWith("sh")).orElse(false));
                seen = CpuSampler.treeCpuNanos(p.toHandle());
                if (busyChildGone && seen > 0) {
                    break;
                }
            }
            assertTrue(seen >= 50_000_000L, "the reaped busy child's CPU is counted: " + seen + " ns");
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
