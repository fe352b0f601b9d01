package dev.selftune.install;

import dev.selftune.api.MethodRef;
import dev.selftune.generate.ClassBytes;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** One prepared method: its call site, the hidden copy of its original body, and the active target. */
final class SwapSite {
    /*
     * The original body is captured from the bytes a retransformation hands to our transformer,
     * i.e. the class as loaded plus whatever retransforming agents registered before us add (a
     * coverage agent's probes stay in the fallback). If a later retransformation brings a different
     * body (another agent came or went), the fallback is rebuilt and, if the original is active,
     * rebound. The call site is registered before the trampoline that links to it exists, so no
     * application thread can reach the bootstrap method without finding it.
     */
    final MethodRef method;
    final Class<?> owner;
    final String key;
    final MethodType type;
    final int access;
    final String element;
    private final MethodHandles.Lookup lookup;
    final BootBridge bridge;
    private final Consumer<String> log;
    private final Supplier<SwapListener> listener;

    private MutableCallSite site;
    private MethodHandle original;
    private ClassNode originalClass;
    private String originalText;
    private Guard guard;
    private MethodHandle activeTarget;
    private long lastSwap = Long.MIN_VALUE;
    private InstallException failure;

    SwapSite(MethodRef method, Class<?> owner, int access, String key, MethodType type, MethodHandles.Lookup lookup,
             BootBridge bridge, Consumer<String> log, Supplier<SwapListener> listener) {
        this.method = method;
        this.owner = owner;
        this.access = access;
        this.key = key;
        this.type = type;
        this.lookup = lookup;
        this.bridge = bridge;
        this.log = log;
        this.listener = listener;
        this.element = method.toString();
    }

    /**
     * Called by the transformer with the bytes of each retransformation of the owner, in that thread;
     * {@code redefined} when they are someone's redefinition (HotSwap, JDWP): a changed body then
     * rolls an active variant back, since the variant was made from, and verified against, the old one.
     */
    void offerOriginal(byte[] classBytes, boolean redefined) {
        try {
            ClassNode node = MethodBodies.parse(classBytes);
            MethodNode body = MethodBodies.find(node, method.name(), method.descriptor());
            if (body == null || body.instructions.size() == 0) {
                throw new InstallException(element, InstallException.Rule.NOT_FOUND,
                        "the class bytes being retransformed hold no body for the method", "check the descriptor");
            }
            String text = dev.selftune.generate.MethodText.text(body);
            String dropped = null;
            synchronized (this) {
                if (text.equals(originalText)) {
                    return;
                }
            }
            NestmateCopy.Built copy = NestmateCopy.build(MethodBodies.parse(classBytes), node, method.name(), method.descriptor(),
                    false, bridge, ClassBytes.resourcesOf(owner.getClassLoader()), element);
            MethodHandle handle = define(copy);
            synchronized (this) {
                originalClass = node;
                originalText = text;
                original = handle;
                if (site == null) {
                    guard = newGuard(HotSwapper.ORIGINAL, false);
                    activeTarget = handle;
                    site = new MutableCallSite(guard.wrap(handle));
                    bridge.register(owner, key, site);
                } else if (HotSwapper.ORIGINAL.equals(guard.variantId)) {
                    bind(guard, handle);
                    log.accept("refreshed the original body of " + element + " after another agent's "
                            + (redefined ? "redefinition" : "retransformation"));
                } else if (redefined) {
                    dropped = guard.variantId;
                    bind(newGuard(HotSwapper.ORIGINAL, false), handle);
                    log.accept("rolled back " + element + " from variant " + dropped
                            + ": its class was redefined with a different body, which now runs");
                }
            }
            if (dropped != null) {
                try {
                    SwapListener l = listener.get();
                    if (l != null) {
                        l.variantDropped(method, dropped, "the class was redefined (HotSwap, JDWP or another agent) with a different body");
                    }
                } catch (RuntimeException ignored) {
                    // the rollback happened; a failing listener must not undo the redefinition
                }
            }
        } catch (InstallException e) {
            fail(e);
        } catch (RuntimeException | LinkageError | ReflectiveOperationException e) {
            fail(new InstallException(element, InstallException.Rule.OTHER,
                    "could not copy the original body into a hidden nestmate: " + e, "report this with the class file", e));
        }
    }

    private synchronized void fail(InstallException e) {
        if (site == null) {
            failure = e;
        } else {
            log.accept("kept the previous original body of " + element + ": " + e.getMessage());
        }
    }

    synchronized InstallException failure() {
        return failure;
    }

    synchronized boolean linked() {
        return site != null;
    }

    synchronized ClassNode originalClass() {
        return originalClass;
    }

    /**
     * Defines a hidden nestmate from {@link NestmateCopy} bytes and finds the method in it; its
     * spun lambdas are linked once here, so a lambda that cannot link fails the swap, not a call.
     */
    MethodHandle define(NestmateCopy.Built copy) throws ReflectiveOperationException {
        MethodHandles.Lookup hidden = lookup.defineHiddenClass(copy.bytes(), true, MethodHandles.Lookup.ClassOption.NESTMATE);
        for (org.objectweb.asm.tree.InvokeDynamicInsnNode indy : copy.lambdas()) {
            LambdaSpinner.prelink(hidden, indy);
        }
        return hidden.findStatic(hidden.lookupClass(), method.name(), type).asFixedArity();
    }

    synchronized void checkRate(long minIntervalNanos) {
        long now = System.nanoTime();
        if (lastSwap != Long.MIN_VALUE && now - lastSwap < minIntervalNanos) {
            throw new InstallException(element, InstallException.Rule.RATE_LIMITED, "swapped "
                    + (now - lastSwap) / 1_000_000 + " ms ago; swaps of one method are at least "
                    + minIntervalNanos / 1_000_000 + " ms apart", "retry later; each swap deoptimises the callers");
        }
    }

    /** Points the call site at {@code target} ({@code variantId} active), a variant on call-counting probation. */
    synchronized void activate(String variantId, MethodHandle target) {
        boolean variant = !HotSwapper.ORIGINAL.equals(variantId);
        bind(newGuard(variantId, variant), variant ? target : original);
        lastSwap = System.nanoTime();
    }

    synchronized void settle() {
        bind(guard.settled(), activeTarget);
    }

    synchronized String active() {
        return guard.variantId;
    }

    synchronized GuardStats stats() {
        return guard.stats();
    }

    /*
     * setTarget invalidates the compiled code that inlined the old target (HotSpot records a
     * call-site-target dependency, MethodHandleNatives.setCallSiteTargetNormal deoptimises the
     * dependents); syncAll makes the new target visible to threads running interpreted code.
     */
    private void bind(Guard g, MethodHandle target) {
        site.setTarget(g.wrap(target));
        MutableCallSite.syncAll(new MutableCallSite[] {site});
        guard = g;
        activeTarget = target;
    }

    private Guard newGuard(String variantId, boolean countCalls) {
        return new Guard(method, variantId, countCalls, log, listener);
    }
}
