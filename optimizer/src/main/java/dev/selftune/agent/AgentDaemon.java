package dev.selftune.agent;

import dev.selftune.api.MethodRef;
import dev.selftune.install.HotSwapper;

import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The agent's one thread: applies remembered winners as their classes load, samples the host, picks
 * hot eligible methods, captures their arguments, tunes them in a child JVM, swaps winners and guards them.
 */
final class AgentDaemon implements Runnable {
    /*
     * Everything the agent does in the host runs here, on one daemon thread at MIN_PRIORITY, inside
     * one catch-all: the host comes first (invariant 4). Waiting is always "ticking": every 200 ms the
     * thread applies queued wisdom and runs the guard, also while a child JVM tunes for minutes.
     * Swaps, rollbacks and the rollback request from `attach --rollback` (another thread: the attach
     * listener) synchronise on `this`.
     */
    private static volatile AgentDaemon current;

    private final AgentOptions options;
    private final Instrumentation inst;
    private final Events events;
    private final WisdomApplier applier = new WisdomApplier();
    /*
     * Bookkeeping is per loaded class (LoadedMethod: the Class held weakly, equal by identity while it
     * lives): two loaders' copies of one method are tuned, swapped, rolled back and remembered apart,
     * and a loader the application drops is forgotten on the next tick (prune), never pinned here.
     */
    private final Map<LoadedMethod, String> active = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<LoadedMethod> done = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Variants the swapper rolled back itself because someone redefined their class (heard on that thread, handled on ours). */
    private final java.util.Queue<Dropped> dropped = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private record Dropped(MethodRef method, String variantId, String reason) { }
    private final Environment env = Environment.current();
    private HotSwapper swapper;
    private Wisdom wisdom;
    private HotMethodDetector detector;
    private Guard guard;
    private MethodTuner tuner;

    AgentDaemon(AgentOptions options, Instrumentation inst, Events events) {
        this.options = options;
        this.inst = inst;
        this.events = events;
    }

    static AgentDaemon current() {
        return current;
    }

    /** Registers what must see class loads from the start, then starts the thread. */
    void start() {
        current = this;
        if (options.wisdom() != null) {
            inst.addTransformer(applier, false);
        }
        Thread t = new Thread(this, "selftune-agent");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    @Override
    public void run() {
        try {
            useSwapper(new HotSwapper(inst, events::info));
            loadWisdom();
            if (startSampling()) {
                detectAndTune();
                while (guard.active()) {
                    tickFor(Duration.ofSeconds(1));
                }
                detector.close();
            }
            while (applier.watching()) {
                applyWisdom(60_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            events.error(null, "the agent stopped; the application continues untouched", t);
        } finally {
            if (detector != null) {
                detector.close();
            }
        }
    }

    /** Starts JFR sampling; without it (no jdk.jfr module, JFR disabled) only remembered winners apply. */
    private boolean startSampling() {
        try {
            detector = new HotMethodDetector(options.classes(), Duration.ofMillis(20));
            detector.start();
            guard = new Guard(detector, Duration.ofSeconds(60));
            tuner = new MethodTuner(inst, options, events, detector, Files.createTempDirectory("selftune-agent-"));
        } catch (Exception | LinkageError e) {
            events.error(null, "JFR sampling is unavailable, so nothing new is tuned; remembered winners still apply", e);
            if (detector != null) {
                detector.close();
            }
            return false;
        }
        events.info("sampling " + options.classes() + " (mode=" + options.mode().name().toLowerCase()
                + ", budget=" + options.budget().toSeconds() + "s per method, max-methods=" + options.maxMethods() + ")");
        return true;
    }

    private void detectAndTune() throws InterruptedException {
        CandidateSelector selector = new CandidateSelector(inst, events, detector::selfSamples, s -> detector.resolve(inst, s));
        int handled = 0;
        for (int round = 0; round < 30 && handled < options.maxMethods(); round++) {
            tickFor(options.warmup());
            List<Candidate> picked = selector.select(detector.ranking(), detector.totalSamples(), options.maxMethods() - handled, done);
            for (Candidate c : picked) {
                done.add(c.id());
                handled++;
                MethodTuner.Outcome o = tuner.tune(c, this::tick);
                if (o == MethodTuner.SKIPPED) {
                    handled--;
                    continue;
                }
                if (o != null && o.report().swap() && options.mode() == AgentOptions.Mode.SWAP) {
                    install(c, o);
                }
            }
        }
        events.info("tuning finished: " + handled + " method(s) handled; sampling stops once guards end");
    }

    private void install(Candidate c, MethodTuner.Outcome o) {
        MethodRef m = c.method();
        TuneReport r = o.report();
        try {
            byte[] winner = Files.readAllBytes(r.winnerClass());
            swap(c.id(), r.winnerId(), winner);
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("variant", r.winnerId());
            ev.put("speedup", r.speedup());
            ev.put("speedupLow", r.speedupLow());
            ev.put("speedupHigh", r.speedupHigh());
            ev.put("report", o.dir().resolve("report.json").toString());
            if (wisdom != null) {   // saved before the event, so whoever sees "swapped" finds the entry
                wisdom.remember(new WisdomEntry(m, ClassFiles.sha256(c.classBytes()), env, r.winnerId(), winner, ev));
            }
            events.emit("swapped", c.id().toString(), ev);
            guard.arm(c.id(), r.winnerId(), c.share(), o.throwRateBefore());
        } catch (Throwable t) {
            events.error(c.id().toString(), "swap failed; the original stays in place", t);
        }
    }

    synchronized void swap(LoadedMethod m, String variantId, byte[] winner) {
        Class<?> owner = m.owner();
        if (owner == null) {
            throw new IllegalStateException("the class of " + m + " was unloaded (its class loader was collected): nothing to swap");
        }
        swapper.prepare(owner, m.method());   // idempotent per class
        swapper.swap(owner, m.method(), variantId, winner);
        active.put(m, variantId);
    }

    /**
     * Ends the probation of {@code variantId} once its guard window passed clean: the call site drops
     * the swapper's per-call counter (exceptions are still reported); emits "settled". A method rolled
     * back or swapped again meanwhile is left alone.
     */
    synchronized boolean settle(LoadedMethod m, String variantId, Map<String, Object> evidence) {
        Class<?> owner = m.owner();
        if (owner == null || !variantId.equals(active.get(m))) {
            return false;
        }
        try {
            swapper.settle(owner, m.method());
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("variant", variantId);
            if (evidence != null) {
                ev.putAll(evidence);
            }
            events.emit("settled", m.toString(), ev);
            return true;
        } catch (Throwable t) {
            events.error(m.toString(), "could not end the probation; the variant stays, counting its calls", t);
            return false;
        }
    }

    /** Forgets methods whose class loader was collected: no entry keeps a loader's bookkeeping (or the loader). */
    synchronized void prune() {
        active.keySet().removeIf(m -> !m.alive());
        done.removeIf(m -> !m.alive());
        if (guard != null) {
            guard.prune();
        }
    }

    /** For tests: remembered winners to apply (normally loaded on the daemon's thread). */
    void useWisdom(Wisdom w) {
        this.wisdom = w;
    }

    /** For tests: how many methods the daemon remembers (swapped or handled). */
    int remembered() {
        return active.size() + done.size();
    }

    /** For tests: the variant active for {@code m}, or null. */
    String active(LoadedMethod m) {
        return active.get(m);
    }

    /** Marks {@code m} handled (tuned or given a remembered winner): it is not selected again. */
    void markDone(LoadedMethod m) {
        done.add(m);
    }

    boolean isDone(LoadedMethod m) {
        return done.contains(m);
    }

    /** For tests: the swapper the daemon uses (normally made on its thread). */
    void useSwapper(HotSwapper swapper) {
        this.swapper = swapper;
        swapper.setListener(new dev.selftune.install.SwapListener() {
            @Override
            public void exceptionCrossed(MethodRef method, String variantId, Throwable thrown) { }

            @Override
            public void variantDropped(MethodRef method, String variantId, String reason) {
                dropped.add(new Dropped(method, variantId, reason));
            }
        });
    }

    /** Records the rollbacks the swapper made on its own (a redefined class): "rolled-back" events, guards disarmed. */
    synchronized void noteDropped() {
        for (Dropped v; (v = dropped.poll()) != null; ) {
            // the swapper names the method, not the class: the one dropped is the swap whose class no longer runs it
            for (Map.Entry<LoadedMethod, String> e : Map.copyOf(active).entrySet()) {
                LoadedMethod m = e.getKey();
                Class<?> owner = m.owner();
                if (!m.method().equals(v.method()) || !v.variantId().equals(e.getValue())
                        || owner != null && v.variantId().equals(swapper.active(owner, m.method()))) {
                    continue;
                }
                active.remove(m);
                if (guard != null) {
                    guard.disarm(m);
                }
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("variant", v.variantId());
                ev.put("reason", v.reason());
                events.emit("rolled-back", m.toString(), ev);
            }
        }
    }

    /** Rolls back one method (guard) or all (attach --rollback), emitting "rolled-back" for each. */
    synchronized void rollback(LoadedMethod only, String reason, Map<String, Object> evidence) {
        for (Map.Entry<LoadedMethod, String> e : Map.copyOf(active).entrySet()) {
            if (only != null && !only.equals(e.getKey())) {
                continue;
            }
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("variant", e.getValue());
            ev.put("reason", reason);
            if (evidence != null) {
                ev.putAll(evidence);
            }
            try {
                Class<?> owner = e.getKey().owner();
                if (owner != null) {
                    swapper.rollback(owner, e.getKey().method());
                }
                active.remove(e.getKey());
                if (guard != null) {
                    guard.disarm(e.getKey());
                }
                events.emit("rolled-back", e.getKey().toString(), ev);
            } catch (Throwable t) {
                events.error(e.getKey().toString(), "rollback failed", t);
            }
        }
        if (only == null && active.isEmpty()) {
            events.info("rollback: no swapped method remains (" + reason + ")");
        }
    }

    private void loadWisdom() {
        if (options.wisdom() == null) {
            return;
        }
        wisdom = Wisdom.load(options.wisdom(), events);
        Set<String> owners = wisdom.entries().stream().map(e -> e.method().owner()).filter(options.classes()::matches)
                .collect(Collectors.toSet());
        applier.watch(owners);
        applier.scanLoaded(inst);
    }

    /** Applies queued wisdom for up to {@code millis}. */
    private void applyWisdom(long millis) throws InterruptedException {
        WisdomApplier.Pending p = applier.next(millis);
        while (p != null) {
            Class<?> c = WisdomApplier.resolve(p);
            if (c == null || !WisdomApplier.initialised(c)) {
                if (System.nanoTime() - p.since() < 120_000_000_000L) {
                    applier.requeue(p);
                    Thread.sleep(50);
                }
                return;
            }
            applyWisdom(c);
            p = applier.next(0);
        }
    }

    /*
     * Every loader's copy of a class with remembered winners is queued on its own load (or by the
     * first scan) and comes here once: each copy whose class file hashes as the entry's gets the
     * winner, independently of the others (done and active are per class).
     */
    void applyWisdom(Class<?> c) {
        byte[] bytes = ClassFiles.read(c);
        String sha = bytes == null ? null : ClassFiles.sha256(bytes);
        for (WisdomEntry e : wisdom.forOwner(c.getName())) {
            LoadedMethod m = LoadedMethod.of(inst, c, e.method(), null);
            if (active.containsKey(m) || done.contains(m)) {
                continue;
            }
            String stale = bytes == null ? "the class file of " + c.getName() + " cannot be read" : e.staleReason(sha, env);
            if (stale != null) {
                events.warn("wisdom entry for " + m + " is stale (" + stale + "): ignored, the method may be tuned again");
                continue;
            }
            done.add(m);
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("variant", e.variantId());
            ev.put("classSha256", sha);
            ev.put("evidence", e.evidence());
            if (options.mode() != AgentOptions.Mode.SWAP) {
                ev.put("reason", "mode=" + options.mode().name().toLowerCase() + ": remembered winner not installed");
                events.emit("kept", m.toString(), ev);
                continue;
            }
            try {
                swap(m, e.variantId(), e.winnerClass());
                events.emit("wisdom-applied", m.toString(), ev);
                settle(m, e.variantId(), Map.of("reason", "a remembered winner, verified and guarded when it was tuned"));
            } catch (Throwable t) {
                events.error(m.toString(), "remembered winner could not be applied; the original stays", t);
            }
        }
    }

    /** One scheduling step: pending wisdom and the guard. */
    private void tick() {
        try {
            noteDropped();
            prune();
            if (wisdom != null) {
                applyWisdom(0);
            }
            if (guard != null) {
                for (Guard.Verdict v : guard.check()) {
                    if (!v.rollback()) {
                        settle(v.method(), v.variantId(), v.evidence());
                        continue;
                    }
                    /* forget first: once "rolled-back" is out, the wisdom must no longer hold the winner (a host
                     * that dies in between would re-apply a winner its guard condemned; SwapIT read the file
                     * right after the event and, once in three CI runs, still found it) */
                    if (wisdom != null) {
                        wisdom.forget(v.method().method());
                    }
                    rollback(v.method(), v.reason(), v.evidence());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            events.error(null, "agent step failed", t);
        }
    }

    private void tickFor(Duration d) throws InterruptedException {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            tick();
            Thread.sleep(Math.max(1, Math.min(200, (end - System.nanoTime()) / 1_000_000)));
        }
    }

    /** Paths the daemon writes, for tests and the report. */
    static Path workDirOf(AgentDaemon d) {
        return d.tuner == null ? null : d.tuner.workDir();
    }
}
