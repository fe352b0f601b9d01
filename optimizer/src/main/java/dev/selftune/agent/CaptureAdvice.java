package dev.selftune.agent;

import java.util.function.Consumer;

import net.bytebuddy.asm.Advice;

/**
 * The entry hook woven into a candidate while its arguments are captured: hands the argument array
 * to the sink found under {@link #SINK_KEY} in the system properties, and does nothing once it is gone.
 */
public final class CaptureAdvice {
    /** System-properties key of the current {@code Consumer<Object[]>} sink. */
    public static final String SINK_KEY = "dev.selftune.agent.capture-sink";

    /*
     * This code is inlined into the host's class, which may live in any class loader; it must name
     * only JDK types, or a loader that does not delegate to the system loader (OSGi, app servers)
     * would get a NoClassDefFoundError inside the application's method. Hence the sink travels through
     * System.getProperties() (a Hashtable, which may hold non-String values) as a plain Consumer.
     * suppress = Throwable.class wraps the advice in a handler, so nothing escapes into the host.
     */
    private CaptureAdvice() { }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    @SuppressWarnings("unchecked")
    public static void enter(@Advice.AllArguments Object[] args) {
        Object sink = System.getProperties().get(SINK_KEY);
        if (sink instanceof Consumer) {
            ((Consumer<Object[]>) sink).accept(args);
        }
    }
}
