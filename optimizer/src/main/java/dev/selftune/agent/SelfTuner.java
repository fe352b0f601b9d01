package dev.selftune.agent;

import dev.selftune.api.MethodRef;
import dev.selftune.meta.SelfTuneRow;
import dev.selftune.meta.SelfTuning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code self-improve --tune-self}: samples selftune's own code while a generation runs, then tunes its
 * hottest eligible methods out of process (as the agent tunes a host's) and swaps confirmed winners
 * into this JVM, so later generations run on them; a swapped method that got costlier is rolled back.
 * With Instrumentation, a method found hot after generation g has its real calls captured during g+1
 * and is tuned on them after g+1; without, or when g+1 is the last, it is tuned at once on generated inputs.
 */
public final class SelfTuner implements SelfTuning {
    /*
     * Between generations, never during one: a tuning child's JMH forks next to the generation's own
     * forks would disturb both measurements on a small machine. The child is the agent's (TuneProcess:
     * nice 19, pinned to the last CPU, killed at budget + grace) with selftune's own jar as the target
     * class path; only its report's swap decision, from tune's unchanged judge, is installed.
     * Guard: a method's share of the generation's own samples is compared with its share when it
     * was found hot; more than ROLLBACK_RATIO times that (and at least MIN_SAMPLES) rolls it back.
     */
    static final long MIN_SAMPLES = CandidateSelector.MIN_SAMPLES;
    static final double ROLLBACK_RATIO = 1.5;
    /** Refusals recorded per generation, beyond which passed-over methods are not listed. */
    static final int MAX_REFUSALS = 10;

    private record Swapped(Class<?> owner, String variantId, double shareBefore, byte[] original) { }

    /** A method found hot, waiting for the next generation's calls to be captured. */
    private record Found(OwnCandidates.Own own, long samples, long total) { }

    private final int methods;
    private final Duration budget;
    private final Path workDir;
    private final SelfTunedClasses tuned;
    private final SelfTuneSeams.Sampler sampler;
    private final SelfTuneSeams.Tuning tuning;
    private final SelfTuneSeams.Swapping swapping;
    private final SelfTuneSeams.Capturing capturing;
    private final List<Found> found = new ArrayList<>();
    private final Map<Found, SelfTuneSeams.Recording> recording = new java.util.LinkedHashMap<>();
    private final String noSwap;
    private final OwnCandidates candidates;
    private final Consumer<String> log;
    private final Set<MethodRef> done = new LinkedHashSet<>();
    private final Map<MethodRef, Swapped> swapped = new HashMap<>();
    private Map<MethodRef, Long> atStart = Map.of();

    SelfTuner(int methods, Duration budget, Path workDir, Path tunedDir, SelfTuneSeams.Sampler sampler,
              SelfTuneSeams.Tuning tuning, SelfTuneSeams.Swapping swapping, String noSwap, SelfTuneSeams.Capturing capturing,
              ClassLoader loader, Consumer<String> log) {
        this.tuned = tunedDir == null ? null : new SelfTunedClasses(tunedDir);
        this.capturing = capturing;
        this.methods = methods;
        this.budget = budget;
        this.workDir = workDir;
        this.sampler = sampler;
        this.tuning = tuning;
        this.swapping = swapping;
        this.noSwap = noSwap;
        this.candidates = new OwnCandidates(loader);
        this.log = log;
    }

    /**
     * The real self-tuner: JFR sampling of this JVM, the agent's tuning child, HotSwapper when this JVM has
     * Instrumentation; confirmed winners' class files are written under {@code tunedDir}.
     */
    public static SelfTuning start(int methods, Duration budget, Path workDir, Path tunedDir, Consumer<String> log) {
        return SelfTuneParts.create(methods, budget, workDir, tunedDir, log);
    }

    @Override
    public void generationStarts(int g) {
        atStart = sampler.counts();
        for (Found f : found) {
            try {
                recording.put(f, capturing.start(f.own().owner(), f.own().method()));
            } catch (RuntimeException | LinkageError e) {
                log.accept("self-tuning: capture of " + f.own().method() + " could not start (" + e + ")");
                recording.put(f, file -> new SelfTuneSeams.Captured(null, 0, false, "the capture could not start: " + e));
            }
        }
        found.clear();
    }

    @Override
    public List<SelfTuneRow> generationEnds(int g, int laterGenerations) {
        Map<MethodRef, Long> gen = sinceStart();
        long total = gen.values().stream().mapToLong(Long::longValue).sum();
        List<SelfTuneRow> rows = new ArrayList<>(guard(gen, total));
        int slots = methods;
        for (Map.Entry<Found, SelfTuneSeams.Recording> e : new ArrayList<>(recording.entrySet())) {   // hottest first
            Found f = e.getKey();
            recording.remove(f);
            SelfTuneSeams.Captured c = finish(f, e.getValue(), g);
            if (laterGenerations == 0) {
                rows.add(SelfTuneRow.notTuned(f.own().method().toString(), f.samples(), "not-tuned", lastReason(g)));
            } else if (c.inputsFile() == null && needsReceiver(f.own())) {
                rows.add(SelfTuneRow.notTuned(f.own().method().toString(), f.samples(), "refused", "instance method of a class"
                        + " without a no-arg constructor and no receiver captured during generation " + g
                        + (c.refusal() == null ? "" : ": " + c.refusal())));
            } else if (c.inputsFile() == null && ungeneratable(f.own()) != null) {
                rows.add(SelfTuneRow.notTuned(f.own().method().toString(), f.samples(), "refused", "no call captured during"
                        + " generation " + g + (c.refusal() == null ? "" : " (" + c.refusal() + ")") + ", and "
                        + ungeneratable(f.own()) + ": tuning on generated inputs would fail"));
            } else {
                slots--;
                rows.add(tuneOne(f.own(), f.samples(), f.total(), g, c.inputsFile(), c.inputsFile() == null
                        ? "generated inputs (no call captured" + (c.refusal() == null ? "" : ": " + c.refusal()) + ")"
                        : c.rows() + " calls captured during generation " + g));
            }
        }
        select(g, gen, total, laterGenerations, slots, rows);
        return rows;
    }

    /* The hottest eligible methods of this generation: captured during the next one, tuned now, or only noted. */
    private void select(int g, Map<MethodRef, Long> gen, long total, int laterGenerations, int slots, List<SelfTuneRow> rows) {
        boolean defer = capturing != null && laterGenerations >= 2;
        List<Map.Entry<MethodRef, Long>> ranking = new ArrayList<>(gen.entrySet());
        ranking.sort(Map.Entry.<MethodRef, Long>comparingByValue().reversed().thenComparing(e -> e.getKey().toString()));
        int picked = 0;
        int refused = 0;
        for (Map.Entry<MethodRef, Long> e : ranking) {
            MethodRef m = e.getKey();
            long n = e.getValue();
            if (picked >= methods || n < MIN_SAMPLES) {
                break;
            }
            if (done.contains(m)) {
                continue;
            }
            Object x = candidates.examine(m, defer);
            if (x instanceof String reason) {
                done.add(m);
                if (refused++ < MAX_REFUSALS) {
                    rows.add(SelfTuneRow.notTuned(m.toString(), n, "refused", reason));
                }
                continue;
            }
            OwnCandidates.Own own = (OwnCandidates.Own) x;
            picked++;
            if (laterGenerations == 0 || (!defer && slots <= 0)) {
                rows.add(SelfTuneRow.notTuned(m.toString(), n, "not-tuned", laterGenerations == 0 ? lastReason(g)
                        : "the generation's self-tuning budget went to methods captured earlier"));
                continue;
            }
            done.add(m);
            if (defer) {
                found.add(new Found(own, n, total));
                rows.add(SelfTuneRow.notTuned(m.toString(), n, "capturing", "its calls are captured during generation "
                        + (g + 1) + "'s work; it is tuned after that generation"));
            } else {
                slots--;
                rows.add(tuneOne(own, n, total, g, null, "generated inputs" + (capturing == null
                        ? " (argument capture needs this JVM's Instrumentation)" : " (no later generation left to capture in)")));
            }
        }
    }

    private Map<MethodRef, Long> sinceStart() {
        Map<MethodRef, Long> gen = new HashMap<>();
        sampler.counts().forEach((m, n) -> {
            long d = n - atStart.getOrDefault(m, 0L);
            if (d > 0) {
                gen.put(m, d);
            }
        });
        return gen;
    }

    private SelfTuneSeams.Captured finish(Found f, SelfTuneSeams.Recording r, int g) {
        try {
            return r.finish(workDir.resolve("g" + g + "-" + safe(f.own().method()) + ".rows"));
        } catch (RuntimeException | LinkageError e) {
            return new SelfTuneSeams.Captured(null, 0, false, "the capture failed: " + e);
        }
    }

    private static String ungeneratable(OwnCandidates.Own own) {
        try {
            return dev.selftune.inputs.Inputs.ungeneratable(own.method(), own.owner().getClassLoader());
        } catch (RuntimeException | LinkageError e) {
            return "its parameter types cannot be read (" + e + ")";
        }
    }

    private static boolean needsReceiver(OwnCandidates.Own own) {
        return ArgumentCapture.isInstance(own.owner(), own.method()) && !ArgumentCapture.hasNoArgConstructor(own.owner());
    }

    private static String lastReason(int g) {
        return "generation " + g + " was the last: no later generation would run on a winner, so its budget is not spent";
    }

    private static String safe(MethodRef m) {
        return (m.owner() + "." + m.name()).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private SelfTuneRow tuneOne(OwnCandidates.Own own, long samples, long total, int g, Path inputs, String on) {
        MethodRef m = own.method();
        TuneReport r;
        Path dir = workDir.resolve("g" + g + "-" + safe(m));
        try {
            Files.createDirectories(dir);
            log.accept("self-tuning " + m + " (" + samples + " of " + total + " own samples) on " + on + ", "
                    + budget.toSeconds() + "s");
            r = tuning.tune(m, own.owner(), inputs, budget, dir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SelfTuneRow.notTuned(m.toString(), samples, "error", "interrupted while tuning");
        } catch (Exception | LinkageError e) {
            return SelfTuneRow.notTuned(m.toString(), samples, "error", "tuning on " + on + " failed: " + e + "; the original runs on");
        }
        if (!r.swap()) {
            double[] c = confirmed(r);
            return new SelfTuneRow(m.toString(), samples, r.decision(), c[0], c[1], c[2], false,
                    (r.reason() == null ? "no improvement found" : r.reason()) + " (tuned on " + on + ")");
        }
        byte[] winnerBytes;
        try {
            winnerBytes = Files.readAllBytes(r.winnerClass());
        } catch (java.io.IOException | RuntimeException e) {
            return new SelfTuneRow(m.toString(), samples, "swap", r.speedup(), r.speedupLow(), r.speedupHigh(), false,
                    "confirmed winner " + r.winnerId() + " (tuned on " + on + "), but its class file cannot be read (" + e
                    + "); the original runs on");
        }
        String winner = "confirmed winner " + r.winnerId() + " (tuned on " + on + ")" + write(own, winnerBytes);
        if (swapping == null) {
            return new SelfTuneRow(m.toString(), samples, "swap", r.speedup(), r.speedupLow(), r.speedupHigh(), false,
                    winner + " not installed: " + noSwap);
        }
        try {
            swapping.swap(own.owner(), m, r.winnerId(), winnerBytes);
        } catch (Exception | LinkageError e) {
            return new SelfTuneRow(m.toString(), samples, "swap", r.speedup(), r.speedupLow(), r.speedupHigh(), false,
                    winner + " could not be swapped in (" + e + "); the original runs on");
        }
        swapped.put(m, new Swapped(own.owner(), r.winnerId(), total == 0 ? 0 : (double) samples / total, own.classBytes()));
        return new SelfTuneRow(m.toString(), samples, "swap", r.speedup(), r.speedupLow(), r.speedupHigh(), true,
                winner + " swapped into this JVM: later generations run on it");
    }

    /* The winner's class file under the self-tuned directory (the benchmark's "after"); a failure is told, not fatal. */
    private String write(OwnCandidates.Own own, byte[] winner) {
        if (tuned == null) {
            return "";
        }
        try {
            tuned.add(own.method(), own.classBytes(), winner);
            return "; class file written to " + tuned.dir();
        } catch (java.io.IOException | RuntimeException e) {
            return "; its class file was not written to " + tuned.dir() + " (" + e.getMessage() + ")";
        }
    }

    private String unwrite(MethodRef m, byte[] original) {
        if (tuned == null) {
            return "";
        }
        try {
            tuned.remove(m, original);
            return "; taken out of " + tuned.dir();
        } catch (java.io.IOException | RuntimeException e) {
            return "; still in " + tuned.dir() + " (" + e.getMessage() + ")";
        }
    }

    /* Rolls back every swapped method whose share of this generation's samples grew beyond ROLLBACK_RATIO. */
    private List<SelfTuneRow> guard(Map<MethodRef, Long> gen, long total) {
        List<SelfTuneRow> rows = new ArrayList<>();
        for (Map.Entry<MethodRef, Swapped> e : Map.copyOf(swapped).entrySet()) {
            long n = gen.getOrDefault(e.getKey(), 0L);
            double share = total == 0 ? 0 : (double) n / total;
            Swapped s = e.getValue();
            if (n < MIN_SAMPLES || share <= ROLLBACK_RATIO * s.shareBefore()) {
                continue;
            }
            String why = String.format("rolled back %s: its share of own samples grew from %.1f%% to %.1f%%", s.variantId(),
                    100 * s.shareBefore(), 100 * share);
            try {
                swapping.rollback(s.owner(), e.getKey());
                swapped.remove(e.getKey());
                why += unwrite(e.getKey(), s.original());
            } catch (RuntimeException | LinkageError x) {
                why = why.replace("rolled back", "could not roll back") + " (" + x + ")";
            }
            rows.add(new SelfTuneRow(e.getKey().toString(), n, "swap", Double.NaN, Double.NaN, Double.NaN,
                    swapped.containsKey(e.getKey()), why));
        }
        return rows;
    }

    /* A keep's confirmed interval, when a variant reached confirmation (report.json "confirmed"). */
    private static double[] confirmed(TuneReport r) {
        Object c = r.raw() == null ? null : r.raw().get("confirmed");
        if (c instanceof Map<?, ?> m && m.get("speedup") instanceof Number s && m.get("speedupLow") instanceof Number lo
                && m.get("speedupHigh") instanceof Number hi) {
            return new double[] {s.doubleValue(), lo.doubleValue(), hi.doubleValue()};
        }
        return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }

    @Override
    public String note() {
        return swapping == null ? "confirmed winners are not swapped into this JVM: " + noSwap : null;
    }

    @Override
    public void close() {
        sampler.close();
        recording.clear();   // a capture still running removes its own hook when its window closes
    }
}
