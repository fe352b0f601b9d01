package dev.selftune.agent;

import dev.selftune.api.MethodRef;
import dev.selftune.install.CaptureChannel;

import java.lang.instrument.Instrumentation;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Records real argument lists of one method for a bounded time: weaves a {@link CaptureHook} into
 * the method by retransformation, waits until the sink is full or the window closes, and removes the hook.
 */
final class ArgumentCapture {
    /*
     * Removal is removeTransformer + one more retransformation: the JVM then rebuilds the class from
     * its original bytes through the remaining retransforming transformers (coverage, APM), so their
     * work is kept and ours is gone. Frames of the hooked version still on a thread's stack finish
     * on that old version (JVMS/JVMTI: obsolete methods); their hook reaches a closed channel, a no-op. The
     * capture happens before HotSwapper.prepare, so the two never transform the class at once.
     */
    /*
     * Bounds: every captured row is also measured in the JMH forks, so rows are kept few and small:
     * with 80 captured 256x256 matrix pairs (32 MB) the original's JMH fork ran out of its time on a
     * loaded 2-core machine, and with 20 (8 MB) the baseline cost 55 ms/op and the pipeline left all
     * 24 variants unexplored within a 200 s budget (MatrixMultiply in the sample app). A handful of
     * large rows, or up to 100 small ones, is what a budget of minutes can afford.
     */
    static final int MAX_CALLS = 100;
    static final long MAX_BYTES = 4L << 20;

    private final Instrumentation inst;
    private final Events events;

    ArgumentCapture(Instrumentation inst, Events events) {
        this.inst = inst;
        this.events = events;
    }

    /** Captures up to {@link #MAX_CALLS} calls within {@code window}; never throws. */
    CaptureSink capture(Class<?> owner, MethodRef method, Duration window) {
        CaptureSink sink;
        CaptureChannel channel;
        try {
            boolean instance = isInstance(owner, method);
            sink = new CaptureSink(MAX_CALLS, MAX_BYTES, instance, instance && hasNoArgConstructor(owner));
        } catch (RuntimeException | LinkageError e) {
            events.error(method.toString(), "the method's class cannot be inspected for capture; tuning continues with generated inputs", e);
            sink = new CaptureSink(MAX_CALLS, MAX_BYTES);
            sink.close();
            return sink;
        }
        try {
            channel = CaptureChannel.open(inst, owner.getClassLoader(), sink).attach(owner);
        } catch (RuntimeException | LinkageError e) {
            events.error(method.toString(), "argument capture is not possible here; tuning continues with generated inputs", e);
            sink.close();
            return sink;
        }
        CaptureHook hook = new CaptureHook(owner, method, channel);
        boolean added = false;
        try {
            inst.addTransformer(hook, true);
            added = true;
            inst.retransformClasses(owner);
            if (hook.failure != null || !hook.woven) {
                events.error(method.toString(), "the capture hook could not be woven; tuning continues with generated inputs", hook.failure);
            } else {
                sink.full().await(window.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            events.error(method.toString(), "argument capture failed; tuning continues with generated inputs", e);
        } finally {
            sink.close();
            channel.close();
            if (added) {
                inst.removeTransformer(hook);
                try {
                    inst.retransformClasses(owner);
                } catch (Exception | LinkageError e) {
                    events.error(method.toString(), "could not remove the capture hook; it stays, inert", e);
                }
            }
        }
        return sink;
    }

    /** True when {@code method} is an instance method of {@code owner} (its captured rows start with the receiver). */
    static boolean isInstance(Class<?> owner, MethodRef method) {
        for (java.lang.reflect.Method m : owner.getDeclaredMethods()) {
            if (m.getName().equals(method.name()) && org.objectweb.asm.Type.getMethodDescriptor(m).equals(method.descriptor())) {
                return !java.lang.reflect.Modifier.isStatic(m.getModifiers());
            }
        }
        return false;
    }

    /** True when tune can make receivers itself: a concrete class with a no-arg constructor. */
    static boolean hasNoArgConstructor(Class<?> owner) {
        if (java.lang.reflect.Modifier.isAbstract(owner.getModifiers())) {
            return false;
        }
        try {
            owner.getDeclaredConstructor();
            return true;
        } catch (NoSuchMethodException | RuntimeException e) {
            return false;
        }
    }
}
