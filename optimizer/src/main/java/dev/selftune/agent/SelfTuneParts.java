package dev.selftune.agent;

import dev.selftune.api.MethodRef;
import dev.selftune.install.HotSwapper;
import dev.selftune.meta.SelfTuning;
import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The real parts of {@link SelfTuner}: JFR sampling of this JVM, the agent's tuning child, and HotSwapper on own classes. */
final class SelfTuneParts {
    /*
     * Sampling: HotMethodDetector with include dev.selftune.** and the plumbing excluded, so a sample
     * is charged to the topmost own method that does the work (Random.nextDouble inside a
     * ValueGenerator loop counts for that loop; a swapped variant's hidden frame for its original).
     * Swapping needs this JVM's Instrumentation: optimizer.jar's Launcher-Agent-Class hands it over
     * when run as `java -jar`; otherwise tuning still runs and the report says winners stay out.
     */
    static final Duration PERIOD = Duration.ofMillis(20);

    private SelfTuneParts() { }

    static SelfTuning create(int methods, Duration budget, Path workDir, Consumer<String> log) {
        List<String> excludes = OwnCandidates.PLUMBING.stream().map(p -> p + "**").toList();
        HotMethodDetector detector = new HotMethodDetector(new ClassPattern(List.of("dev.selftune.**"), excludes), PERIOD);
        try {
            detector.start();
        } catch (RuntimeException | LinkageError e) {
            detector.close();
            String why = "JFR sampling is unavailable in this JVM (" + e + "): no own method is found hot, nothing is self-tuned";
            log.accept("self-tuning: " + why);
            return new SelfTuner(methods, budget, workDir, new SelfTuneSeams.Sampler() {
                @Override
                public Map<MethodRef, Long> counts() {
                    return Map.of();
                }

                @Override
                public void close() { }
            }, SelfTuneParts::tuneInChild, null, why, null, SelfTuner.class.getClassLoader(), log);
        }
        Instrumentation inst = SelfInstrumentation.get();
        SelfTuneSeams.Swapping swapping = null;
        String noSwap = null;
        if (inst == null) {
            noSwap = "this JVM has no Instrumentation (self-improve was not started as java -jar optimizer.jar, whose"
                    + " manifest's Launcher-Agent-Class provides it); tuning still runs and reports its decisions";
        } else if (!inst.isRetransformClassesSupported()) {
            noSwap = "this JVM cannot retransform classes";
        } else {
            swapping = swapping(inst, log);
        }
        if (noSwap != null) {
            log.accept("self-tuning: " + noSwap);
        }
        SelfTuneSeams.Capturing capturing = inst == null ? null : new SelfCapture(inst, workDir.resolve("capture-events.jsonl"), log);
        return new SelfTuner(methods, budget, workDir, sampler(detector), SelfTuneParts::tuneInChild, swapping, noSwap,
                capturing, SelfTuner.class.getClassLoader(), log);
    }

    static SelfTuneSeams.Sampler sampler(HotMethodDetector detector) {
        return new SelfTuneSeams.Sampler() {
            @Override
            public Map<MethodRef, Long> counts() {
                Map<MethodRef, Long> m = new HashMap<>();
                // selftune's own classes live in one loader: two loaders' copies would add up here
                detector.ranking().forEach(e -> m.merge(e.getKey().method(), e.getValue(), Long::sum));
                return m;
            }

            @Override
            public void close() {
                detector.close();
            }
        };
    }

    static SelfTuneSeams.Swapping swapping(Instrumentation inst, Consumer<String> log) {
        HotSwapper swapper = new HotSwapper(inst, line -> log.accept("self-tuning swap: " + line));
        swapper.permitSelftuneClasses();
        return new SelfTuneSeams.Swapping() {
            @Override
            public void swap(Class<?> owner, MethodRef method, String variantId, byte[] winnerClass) {
                swapper.prepare(owner, method);
                swapper.swap(owner, method, variantId, winnerClass);
            }

            @Override
            public void rollback(Class<?> owner, MethodRef method) {
                swapper.rollback(owner, method);
            }
        };
    }

    /* The agent's child: tune against selftune's own jar (or classes) as the target class path. */
    static TuneReport tuneInChild(MethodRef m, Class<?> owner, Path inputs, Duration budget, Path dir) throws Exception {
        Path self = TuneProcess.agentLocation();
        if (self == null) {
            throw new IOException("cannot locate selftune's own jar or classes to run the tuning child from");
        }
        String toolCp = Files.isDirectory(self) ? self + File.pathSeparator + System.getProperty("java.class.path") : self.toString();
        TuneProcess tp = new TuneProcess(toolCp, TuneProcess.hostJava());
        Path out = dir.resolve("out");
        int exit = tp.run(tp.command(m, TuneProcess.hostClassPath(owner), inputs, budget, out), out, budget, () -> { });
        try {
            return TuneReport.read(out, m.internalOwner());
        } catch (IOException | RuntimeException e) {
            throw new IOException((exit == -1 ? "the tuning child exceeded its budget and was stopped"
                    : "the tuning child (exit " + exit + ") wrote no readable report.json") + "; see " + out.resolve("tune.log"), e);
        }
    }
}
