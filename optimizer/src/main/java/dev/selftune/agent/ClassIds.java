package dev.selftune.agent;

import java.lang.instrument.Instrumentation;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/** Resolves the class a JFR sample names (its JFR class id) to the loaded {@code Class}, held weakly. */
final class ClassIds {
    /*
     * JFR gives a sampled frame's class as a name, a JFR id and its loader's id, name and type, never
     * the object. One loaded class of that name whose loader has that type and name is the answer.
     * Several (two unnamed URLClassLoaders of a plugin host) are told apart by asking JFR itself: the
     * agent commits a "selftune.ClassProbe" event whose Class field is each candidate; JFR writes it
     * with the same class id its samples use, and the stream hands the id back here. Until the probe
     * comes back (a stream flush, about a second) the sample stays unresolved and the selector tries
     * again next round. Ids map to WeakReferences, and the probed set is a WeakHashMap: a dropped
     * loader is never kept alive by the map.
     */
    @Name("selftune.ClassProbe")
    @Label("selftune class probe")
    static final class Probe extends Event {
        @Label("probed")
        Class<?> probed;

        @Label("serial")
        long serial;
    }

    private final Map<Long, WeakReference<Class<?>>> byId = new ConcurrentHashMap<>();
    private final Map<Long, WeakReference<Class<?>>> pending = new ConcurrentHashMap<>();
    private final Map<Class<?>, Boolean> probed = new WeakHashMap<>();
    private final AtomicLong serials = new AtomicLong();

    /** Enables the probe event on {@code stream} and learns ids from it. */
    void listen(RecordingStream stream) {
        stream.enable("selftune.ClassProbe");
        stream.onEvent("selftune.ClassProbe", this::onProbe);
    }

    private void onProbe(RecordedEvent e) {
        try {
            RecordedClass rc = e.getClass("probed");
            WeakReference<Class<?>> ref = pending.remove(e.getLong("serial"));
            if (rc != null && ref != null && ref.get() != null && ref.get().getName().equals(rc.getName())) {
                byId.put(rc.getId(), ref);
            }
        } catch (RuntimeException ignored) {
            // a malformed event: the class stays unresolved
        }
    }

    /** The loaded class {@code s} names, or null when there is none or it is not known yet (probe under way). */
    Class<?> resolve(Instrumentation inst, SampledMethod s) {
        prune();
        WeakReference<Class<?>> known = byId.get(s.classId());
        if (known != null && known.get() != null) {
            return known.get();
        }
        List<Class<?>> named = new ArrayList<>();
        List<Class<?>> matches = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (c.getName().equals(s.method().owner()) && !c.isArray() && !c.isHidden() && inst.isModifiableClass(c)) {
                named.add(c);
                if (s.loaderMatches(c)) {
                    matches.add(c);
                }
            }
        }
        if (matches.isEmpty()) {
            matches = named;   // a loader JFR describes otherwise than Java does: the probe still tells
        }
        if (matches.size() == 1) {
            byId.put(s.classId(), new WeakReference<>(matches.get(0)));
            return matches.get(0);
        }
        for (Class<?> c : matches) {
            probe(c);
        }
        return null;
    }

    /** Asks JFR for {@code c}'s id (once per class); the answer arrives through the stream. */
    void probe(Class<?> c) {
        synchronized (probed) {
            if (probed.put(c, Boolean.TRUE) != null) {
                return;
            }
        }
        Probe p = new Probe();
        p.probed = c;
        p.serial = serials.incrementAndGet();
        pending.put(p.serial, new WeakReference<>(c));
        p.commit();
    }

    /** Forgets ids of collected classes and probes that can no longer answer. */
    void prune() {
        byId.values().removeIf(r -> r.get() == null);
        pending.values().removeIf(r -> r.get() == null);
    }
}
