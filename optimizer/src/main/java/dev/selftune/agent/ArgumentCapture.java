package dev.selftune.agent;

import dev.selftune.api.MethodRef;

import java.lang.instrument.Instrumentation;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.utility.JavaModule;

/**
 * Records real argument lists of one method for a bounded time: weaves {@link CaptureAdvice} into
 * the method by retransformation, waits until the sink is full or the window closes, and removes the hook.
 */
final class ArgumentCapture {
    /*
     * disableClassFormatChanges() plus RETRANSFORMATION keeps the retransformation legal under JVMTI
     * RetransformClasses: the advice is inlined into the existing method, no member is added, so it
     * composes with other retransforming agents (coverage, APM) which run in registration order on
     * the same class. reset() retransforms the class once more without our transformer, restoring
     * what the other agents produce. The capture happens before HotSwapper.prepare, so the two hooks
     * never meet on the same class.
     */
    static final int MAX_CALLS = 200;
    static final long MAX_BYTES = 32L << 20;

    private final Instrumentation inst;
    private final Events events;

    ArgumentCapture(Instrumentation inst, Events events) {
        this.inst = inst;
        this.events = events;
    }

    /** Captures up to {@link #MAX_CALLS} calls within {@code window}; never throws. */
    CaptureSink capture(Class<?> owner, MethodRef method, Duration window) {
        CaptureSink sink = new CaptureSink(MAX_CALLS, MAX_BYTES);
        ResettableClassFileTransformer hook = null;
        System.getProperties().put(CaptureAdvice.SINK_KEY, sink);
        try {
            hook = new AgentBuilder.Default()
                    .disableClassFormatChanges()
                    .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                    .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                    .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                    .with(new Failures(events, method))
                    .ignore(ElementMatchers.none())
                    .type(ElementMatchers.is(owner))
                    .transform((DynamicType.Builder<?> b, TypeDescription t, ClassLoader l, JavaModule m, java.security.ProtectionDomain pd) ->
                            b.visit(Advice.to(CaptureAdvice.class).on(ElementMatchers.named(method.name())
                                    .and(ElementMatchers.hasDescriptor(method.descriptor())))))
                    .installOn(inst);
            sink.full().await(window.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            events.error(method.toString(), "argument capture failed; tuning continues with generated inputs", e);
        } finally {
            sink.close();
            System.getProperties().remove(CaptureAdvice.SINK_KEY);
            if (hook != null) {
                try {
                    hook.reset(inst, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
                } catch (RuntimeException e) {
                    events.error(method.toString(), "could not remove the capture hook; it stays inert", e);
                }
            }
        }
        return sink;
    }

    /** Reports ByteBuddy transformation errors as agent errors instead of dropping them. */
    private static final class Failures extends AgentBuilder.Listener.Adapter {
        private final Events events;
        private final MethodRef method;

        Failures(Events events, MethodRef method) {
            this.events = events;
            this.method = method;
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable throwable) {
            events.error(method.toString(), "capture hook could not be woven into " + typeName, throwable);
        }
    }
}
