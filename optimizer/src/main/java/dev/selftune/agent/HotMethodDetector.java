package dev.selftune.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingStream;

/**
 * Samples the host with JFR ({@code jdk.ExecutionSample}) and counts, per method matching the include
 * patterns and per defining class (two loaders' copies of a class are counted apart, {@link SampledMethod}),
 * the samples in which it is the topmost application frame; also counts throwables constructed inside
 * watched methods for the {@link Guard}.
 */
final class HotMethodDetector implements AutoCloseable {
    /*
     * Attribution: a sample is charged to the topmost frame whose class matches the patterns, so time
     * spent in JDK or library callees (Arrays.sort, String.hashCode) counts for the application method
     * that called them — the method a rewrite can change. JFR records inlined frames as separate
     * frames (RecordedFrame.getType() "Inlined"), so C2 inlining does not hide callers. Hidden frames
     * (a swapped-in variant lives in a hidden nestmate, DESIGN.md) are skipped, which charges the
     * variant's samples to the original method through its trampoline frame below.
     *
     * Cost: jdk.ExecutionSample at 20 ms walks at most a handful of running Java threads per period
     * (JFR's sampler thread suspends each briefly); measured well under 1% CPU. The stream is run
     * with the blocking start() on our own daemon thread: startAsync() on JDK 17 creates a NON-daemon
     * "JFR Event Stream" thread, which kept the host alive after its main() returned (seen here). jdk.JavaExceptionThrow is enabled only while a guard window is
     * open, because every throw then records a stack trace. On JDK 22+ that event stays silent for
     * a recording started after JVM start (Throwable's JFR tracing is decided at startup; seen on
     * 25: 0 events for 1000 throws), so there the guard falls back to jdk.ExceptionStatistics, a
     * JVM-wide throwable counter read once a second (worked in-process on 17 and 25), compared
     * around the swap. Samples are also marked "throwing" when java.lang.Throwable frames sit above
     * the attributed frame (only visible when the stack walk itself is sampled in Java state).
     */
    private final ClassPattern classes;
    private final ClassIds classIds = new ClassIds();
    private final Map<SampledMethod, LongAdder> samples = new ConcurrentHashMap<>();
    private final Map<SampledMethod, LongAdder> selfSamples = new ConcurrentHashMap<>();
    private final Map<SampledMethod, LongAdder> throwsInside = new ConcurrentHashMap<>();
    private final Map<SampledMethod, LongAdder> throwingSamples = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong jvmThrowables = new AtomicLong();
    /** jdk.JavaExceptionThrow works for a recording started late only before JDK 22 (see notes). */
    static final boolean PER_METHOD_THROWS = Runtime.version().feature() < 22;
    private final Duration period;
    private RecordingStream stream;
    private boolean exceptionsOn;

    HotMethodDetector(ClassPattern classes, Duration period) {
        this.classes = classes;
        this.period = period;
    }

    /** Starts sampling; the stream is parsed on one more daemon thread, "selftune-jfr". */
    synchronized void start() {
        if (stream != null) {
            return;
        }
        stream = new RecordingStream();
        stream.enable("jdk.ExecutionSample").withPeriod(period).withStackTrace();
        stream.onEvent("jdk.ExecutionSample", this::onSample);
        stream.onEvent("jdk.JavaExceptionThrow", this::onThrow);
        stream.enable("jdk.ExceptionStatistics").withPeriod(Duration.ofSeconds(1));
        stream.onEvent("jdk.ExceptionStatistics", e -> jvmThrowables.set(e.getLong("throwables")));
        classIds.listen(stream);
        stream.setReuse(true);
        stream.setOrdered(false);
        stream.setMaxAge(Duration.ofSeconds(30));
        RecordingStream s = stream;
        Thread t = new Thread(() -> {
            try {
                s.start();
            } catch (RuntimeException ignored) {
                // closed while starting, or JFR unavailable: detection simply sees no samples
            }
        }, "selftune-jfr");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Turns throwable tracking on or off (for guard windows). */
    synchronized void trackExceptions(boolean on) {
        if (stream == null || on == exceptionsOn) {
            return;
        }
        if (on) {
            stream.enable("jdk.JavaExceptionThrow").withStackTrace();
        } else {
            stream.disable("jdk.JavaExceptionThrow");
        }
        exceptionsOn = on;
    }

    /** The loaded class a sampled method belongs to (null while unknown); see {@link ClassIds}. */
    Class<?> resolve(java.lang.instrument.Instrumentation inst, SampledMethod s) {
        return classIds.resolve(inst, s);
    }

    /** Registers a method whose constructed throwables are counted (null: not found by sampling, nothing counted). */
    void watchThrows(SampledMethod method) {
        if (method != null) {
            throwsInside.putIfAbsent(method, new LongAdder());
        }
    }

    /**
     * Throwables attributed to the method so far: constructed with it on the stack (JDK 17–21), or,
     * where that event is silent (JDK 22+), the JVM-wide count of jdk.ExceptionStatistics.
     */
    long throwsInside(SampledMethod method) {
        if (!PER_METHOD_THROWS) {
            return jvmThrowables.get();
        }
        return count(throwsInside, method);
    }

    /** Samples of the method spent constructing a throwable (Throwable.fillInStackTrace and friends on top of it). */
    long throwingSamples(SampledMethod method) {
        return count(throwingSamples, method);
    }

    long totalSamples() {
        return total.get();
    }

    long samples(SampledMethod method) {
        return count(samples, method);
    }

    long selfSamples(SampledMethod method) {
        return count(selfSamples, method);
    }

    private static long count(Map<SampledMethod, LongAdder> map, SampledMethod method) {
        LongAdder a = method == null ? null : map.get(method);
        return a == null ? 0 : a.sum();
    }

    /** Methods (one entry per loader's copy) by attributed samples, most first. */
    List<Map.Entry<SampledMethod, Long>> ranking() {
        Map<SampledMethod, Long> snap = new HashMap<>();
        samples.forEach((m, a) -> snap.put(m, a.sum()));
        List<Map.Entry<SampledMethod, Long>> out = new ArrayList<>(snap.entrySet());
        out.sort(Map.Entry.<SampledMethod, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(e -> e.getKey().toString()));
        return out;
    }

    private void onSample(RecordedEvent e) {
        try {
            RecordedStackTrace st = e.getStackTrace();
            if (st == null) {
                return;
            }
            total.incrementAndGet();
            boolean top = true;
            boolean throwing = false;
            for (RecordedFrame f : st.getFrames()) {
                RecordedMethod m = f.getMethod();
                if (!f.isJavaFrame() || m == null || m.isHidden()) {
                    top = false;
                    continue;
                }
                String owner = m.getType().getName();
                if (classes.matches(owner)) {
                    SampledMethod ref = SampledMethod.of(m.getType(), m.getName(), m.getDescriptor());
                    samples.computeIfAbsent(ref, k -> new LongAdder()).increment();
                    if (top) {
                        selfSamples.computeIfAbsent(ref, k -> new LongAdder()).increment();
                    }
                    if (throwing) {
                        throwingSamples.computeIfAbsent(ref, k -> new LongAdder()).increment();
                    }
                    return;
                }
                throwing |= owner.equals("java.lang.Throwable");
                if (resolutionFrame(owner, m.getName())) {
                    throwing = false;   // as in onThrow: not the method's throwable
                }
                top = false;
            }
        } catch (RuntimeException ignored) {
            // a malformed sample is dropped; sampling never fails the host
        }
    }

    /**
     * Frames of the JDK loading a class or linking a call site for the code below them. The JVM calls
     * into them the first time a method runs a site (an invokedynamic, a method-handle constant, a class
     * not yet loaded), and they construct and catch throwables of their own: seen here, a swapped
     * variant's first call linking its call site made NoSuchMethodError twice in
     * MethodHandleNatives.resolve (InvokerBytecodeGenerator.lookupPregenerated probing for an invoker),
     * and a class loader's parent constructs ClassNotFoundException before the child finds the class.
     * Counting those as the method's throws rolled back a winner within 0.2 s of its swap ("4
     * throwables in 0 s", SwapIT, 2 of 6 runs) and made the agent forget it. So a throwable constructed
     * above such a frame is not counted. The price: one that the JDK makes there and lets escape into
     * the method (a BootstrapMethodError) is not counted either; the variant ran the same linkage in
     * verification, and the sampled-share rule still watches it.
     */
    static boolean resolutionFrame(String owner, String method) {
        return owner.equals("java.lang.invoke.MethodHandleNatives") && method.startsWith("link")
                || method.equals("loadClass") && (owner.equals("java.lang.ClassLoader") || owner.startsWith("jdk.internal.loader."));
    }

    private void onThrow(RecordedEvent e) {
        try {
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || throwsInside.isEmpty()) {
                return;
            }
            for (RecordedFrame f : st.getFrames()) {
                RecordedMethod m = f.getMethod();
                if (m == null) {
                    continue;
                }
                String owner = m.getType().getName();
                if (resolutionFrame(owner, m.getName())) {
                    return;   // the JDK's own throwable, made and caught while it linked or loaded for the code below
                }
                long loaderId = m.getType().getClassLoader() == null ? 0 : m.getType().getClassLoader().getId();
                for (Map.Entry<SampledMethod, LongAdder> w : throwsInside.entrySet()) {
                    SampledMethod ref = w.getKey();
                    if (m.getType().getId() == ref.classId() && m.getName().equals(ref.method().name())
                            || m.isHidden() && loaderId == ref.loaderId() && owner.startsWith(ref.method().owner())) {
                        w.getValue().increment();
                        return;
                    }
                }
            }
        } catch (RuntimeException ignored) {
            // dropped, as above
        }
    }

    @Override
    public synchronized void close() {
        if (stream != null) {
            try {
                stream.close();
            } catch (RuntimeException ignored) {
                // closing a stream that failed to start
            }
            stream = null;
        }
    }
}
