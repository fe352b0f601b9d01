package dev.selftune.install;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.UUID;
import java.util.function.Consumer;
import org.objectweb.asm.Handle;

/**
 * The path from an argument-capture hook woven into a host method to the agent's sink: an
 * {@code invokedynamic} of type {@link #TYPE} linked, through the trampolines' bootstrap method, to
 * a call site bound to the sink. Nothing of it is visible in global state such as the system properties.
 */
public final class CaptureChannel implements AutoCloseable {
    /*
     * The hook cannot name agent classes (its class's loader may not see them), which is why it once
     * looked its sink up in System.getProperties(), a JDK-only global: but a non-String value there
     * breaks hosts that store, copy or iterate their properties. An invokedynamic whose bootstrap is
     * CallSiteRegistry (or its boot copy, BootBridge) reaches the agent the way a trampoline does: the
     * hook names JDK types only, the call site is registered for the owner class before the hooked
     * code can run, and close() points it at a no-op, so a frame still running the hooked version
     * after the hook is removed drops its arguments.
     */
    /** The invokedynamic's name and descriptor in the hook. */
    public static final String NAME = "capture";
    public static final String DESCRIPTOR = "([Ljava/lang/Object;)V";
    private static final MethodType TYPE = MethodType.fromMethodDescriptorString(DESCRIPTOR, null);
    private static final MethodHandle NO_OP = MethodHandles.dropArguments(MethodHandles.constant(Object.class, null)
            .asType(MethodType.methodType(void.class)), 0, Object[].class);
    private static final MethodHandle ACCEPT;

    static {
        try {
            ACCEPT = MethodHandles.publicLookup().findVirtual(Consumer.class, "accept",
                    MethodType.methodType(void.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final BootBridge bridge;
    private final String key = "selftune-capture:" + UUID.randomUUID();
    private final MutableCallSite site;

    private CaptureChannel(BootBridge bridge, Consumer<Object[]> sink) {
        this.bridge = bridge;
        this.site = new MutableCallSite(ACCEPT.bindTo(sink).asType(TYPE));
    }

    /**
     * A channel into {@code sink} for hooks in classes of {@code loader}; throws {@link InstallException}
     * when that loader can reach neither the agent nor the bootstrap copy of its bootstrap class.
     */
    public static CaptureChannel open(Instrumentation inst, ClassLoader loader, Consumer<Object[]> sink) {
        return new CaptureChannel(BootBridge.forLoader(inst, loader), sink);
    }

    /** Lets the hooks of {@code owner} link to this channel; call before the hooked code can run. */
    public CaptureChannel attach(Class<?> owner) {
        bridge.register(owner, key, site);
        return this;
    }

    /** The bootstrap method the hook's invokedynamic names (its one static argument is {@link #key()}). */
    public Handle bootstrap() {
        return bridge.bootstrap;
    }

    public String key() {
        return key;
    }

    /** Disconnects the sink: hooks still running drop their arguments. */
    @Override
    public void close() {
        site.setTarget(NO_OP);
        MutableCallSite.syncAll(new MutableCallSite[] {site});
    }
}
