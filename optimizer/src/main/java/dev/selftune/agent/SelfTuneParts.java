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
     * Sampling: HotMethodDetector with include dev.selftune.**, so a sample is charged to its topmost
     * dev.selftune frame (Random.nextDouble inside a ValueGenerator loop counts for that loop; a
     * swapped variant's hidden frame for its original). Only then is it kept or dropped (ownCounts):
     * kept when that frame is one of selftune's own tunable classes (OwnCandidates.isOwn: not the
     * plumbing, not dev.selftune.samples) defined by selftune's own loader. Excluding the others from
     * the pattern instead would charge their time to the own frame below them: a sample inside the
     * sample code being verified would count for the verifier's call into it, and the meta loop waiting
     * on a fork for search.Tuner; neither is time a variant of that own method could save. The real run
     * sampled dev.selftune.samples.* (the targets, loaded in this JVM by verification) and refused them.
     * Swapping needs this JVM's Instrumentation: optimizer.jar's Launcher-Agent-Class hands it over
     * when run as `java -jar`; otherwise tuning still runs and the report says winners stay out.
     */
    static final Duration PERIOD = Duration.ofMillis(20);
    /** Every frame of dev.selftune.** takes its sample; {@link #ownCounts} keeps the own ones. */
    static final ClassPattern PATTERN = new ClassPattern(List.of("dev.selftune.**"), List.of());

    private SelfTuneParts() { }

    static SelfTuning create(int methods, Duration budget, Path workDir, Path tunedDir, Consumer<String> log) {
        HotMethodDetector detector = new HotMethodDetector(PATTERN, PERIOD);
        try {
            detector.start();
        } catch (RuntimeException | LinkageError e) {
            detector.close();
            String why = "JFR sampling is unavailable in this JVM (" + e + "): no own method is found hot, nothing is self-tuned";
            log.accept("self-tuning: " + why);
            return new SelfTuner(methods, budget, workDir, tunedDir, new SelfTuneSeams.Sampler() {
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
        return new SelfTuner(methods, budget, workDir, tunedDir, sampler(detector), SelfTuneParts::tuneInChild, swapping, noSwap,
                capturing, SelfTuner.class.getClassLoader(), log);
    }

    static SelfTuneSeams.Sampler sampler(HotMethodDetector detector) {
        return new SelfTuneSeams.Sampler() {
            @Override
            public Map<MethodRef, Long> counts() {
                return ownCounts(detector.ranking(), SelfTuner.class);
            }

            @Override
            public void close() {
                detector.close();
            }
        };
    }

    /**
     * The samples of selftune's own tunable methods ({@link OwnCandidates#isOwn}) as defined by {@code self}'s
     * loader; sample code, plumbing and other loaders' copies are dropped.
     */
    static Map<MethodRef, Long> ownCounts(List<Map.Entry<SampledMethod, Long>> ranking, Class<?> self) {
        Map<MethodRef, Long> m = new HashMap<>();
        for (Map.Entry<SampledMethod, Long> e : ranking) {
            SampledMethod s = e.getKey();
            if (OwnCandidates.isOwn(s.method().owner()) && s.loaderMatches(self)) {
                m.merge(s.method(), e.getValue(), Long::sum);
            }
        }
        return m;
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
