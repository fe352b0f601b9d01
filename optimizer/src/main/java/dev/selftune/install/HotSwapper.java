package dev.selftune.install;

import dev.selftune.api.MethodRef;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.WeakHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.objectweb.asm.tree.ClassNode;

/**
 * Swaps method bodies in a running JVM: {@link #prepare} once per method, then {@link #swap} and
 * {@link #rollback} as often as wanted, each a call site retarget, never a class redefinition.
 */
public final class HotSwapper {
    /*
     * Design (DESIGN.md "Swapping in a running JVM"): prepare retransforms the class once, turning the
     * method into an invokedynamic trampoline whose MutableCallSite starts bound to a hidden
     * nestmate copy of the original body; swap defines the variant's method (and its helpers,
     * lambdas) as another hidden nestmate and retargets the call site. Redefining the class per
     * swap would be a global VM operation each time, HotSpot would refuse any added helper or
     * lambda (JVMTI can_redefine_classes forbids adding methods), and it would undo or fight other
     * agents' retransformations. All failures surface as InstallException to the caller; on
     * application threads run only the linkage of a trampoline (a registry lookup) and of spun
     * lambdas (checked once at swap time), and the call site's exception hook.
     * Locking: `ops` serialises the public operations; the transformer, which any thread's
     * retransformation may call, takes only per-site monitors and never `ops`, so a retransformation
     * started by another agent while prepare waits cannot deadlock against us.
     */
    /** The id {@link #active} reports when the original body runs. */
    public static final String ORIGINAL = "original";

    private final Instrumentation inst;
    private final Consumer<String> log;
    private final TrampolineTransformer transformer;
    private final String keyPrefix = "selftune:" + UUID.randomUUID() + ":";
    private final AtomicInteger serial = new AtomicInteger();
    /*
     * Sites hang off their owner Class (a ClassValue), and the owners are listed weakly: two loaders
     * defining the same class name get their own sites, and a loader the application drops can be
     * collected with its classes, sites and hidden copies (CallSiteRegistry does the same).
     */
    private final ClassValue<Map<MethodRef, SwapSite>> sitesOf = new ClassValue<>() {
        @Override
        protected Map<MethodRef, SwapSite> computeValue(Class<?> owner) {
            return new ConcurrentHashMap<>();
        }
    };
    private final Map<Class<?>, Boolean> owners = Collections.synchronizedMap(new WeakHashMap<>());
    private final Object ops = new Object();
    private volatile long minSwapIntervalNanos = Duration.ofSeconds(1).toNanos();
    private volatile SwapListener listener;
    private volatile boolean ownClasses;
    private boolean registered;

    /** {@code log} receives one line per step, without a prefix (the agent adds {@code [selftune]}). */
    public HotSwapper(Instrumentation inst, Consumer<String> log) {
        this.inst = Objects.requireNonNull(inst, "inst");
        Consumer<String> sink = Objects.requireNonNull(log, "log");
        this.log = line -> {
            try {
                sink.accept(line);
            } catch (RuntimeException ignored) {
                // a broken log must not break a swap
            }
        };
        this.transformer = new TrampolineTransformer(this.log);
    }

    /**
     * Lets this swapper prepare selftune's own classes (not its install and agent packages): only for the
     * self-improvement loop swapping its own confirmed winners into its own JVM ({@code self-improve --tune-self}).
     */
    public void permitSelftuneClasses() {
        ownClasses = true;
    }

    /** Puts a trampoline into {@code method} of the loaded class {@code owner}; idempotent. */
    public void prepare(Class<?> owner, MethodRef method) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(method, "method");
        synchronized (ops) {
            try {
                prepareLocked(owner, method);
            } catch (InstallException e) {
                throw e;
            } catch (RuntimeException | LinkageError e) {
                throw new InstallException(method.toString(), InstallException.Rule.OTHER, "prepare failed: " + e,
                        "report this with the class; the method keeps its original body", e);
            }
        }
    }

    private void prepareLocked(Class<?> owner, MethodRef method) {
        Method m = Eligibility.check(inst, owner, method, ownClasses);
        MethodRef full = method.withDescriptor(Eligibility.descriptor(m));
        if (sitesOf.get(owner).containsKey(full)) {
            return;
        }
        BootBridge bridge = BootBridge.forLoader(inst, owner.getClassLoader());
        SwapSite site = new SwapSite(full, owner, m.getModifiers(), keyPrefix + serial.incrementAndGet() + ":" + full,
                Eligibility.siteType(m), OwnerLookup.of(owner, inst, bridge.module(), full.toString()),
                bridge, log, () -> listener);
        if (!registered) {
            inst.addTransformer(transformer, true);
            inst.addTransformer(transformer.watch, false);
            registered = true;
        }
        transformer.add(site);
        try {
            inst.retransformClasses(owner);
        } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
            transformer.remove(site);
            throw new InstallException(full.toString(), InstallException.Rule.RETRANSFORM_FAILED,
                    "the JVM refused the retransformation: " + e, "check the JVM's log; another agent may hold the class", e);
        }
        if (site.failure() != null || !site.linked()) {
            transformer.remove(site);
            throw site.failure() != null ? site.failure() : new InstallException(full.toString(),
                    InstallException.Rule.RETRANSFORM_FAILED, "the retransformation never reached the selftune transformer",
                    "check that the agent was started with Can-Retransform-Classes: true");
        }
        sitesOf.get(owner).put(full, site);
        owners.put(owner, Boolean.TRUE);
        log.accept("prepared " + full + " (call site " + site.key + ")");
    }

    /** Makes {@code variantId}, the method as found in the whole-class {@code variantClassBytes}, the active body. */
    public void swap(MethodRef method, String variantId, byte[] variantClassBytes) {
        swap(null, method, variantId, variantClassBytes);
    }

    /** As {@link #swap(MethodRef, String, byte[])} for the method of this very class ({@code owner} null: the only one of that name). */
    public void swap(Class<?> owner, MethodRef method, String variantId, byte[] variantClassBytes) {
        Objects.requireNonNull(variantClassBytes, "variantClassBytes");
        if (variantId == null || variantId.isBlank() || ORIGINAL.equals(variantId)) {
            throw new InstallException(String.valueOf(method), InstallException.Rule.BAD_VARIANT,
                    "variant id '" + variantId + "' is empty or reserved", "name variants with their own ids; use rollback for the original");
        }
        synchronized (ops) {
            SwapSite site = require(owner, method);
            site.checkRate(minSwapIntervalNanos);
            MethodHandle target;
            try {
                ClassNode variant = MethodBodies.parse(variantClassBytes);
                if (!variant.name.equals(method.internalOwner())) {
                    throw new InstallException(site.element, InstallException.Rule.BAD_VARIANT, "variant " + variantId
                            + " holds class " + variant.name.replace('/', '.'), "pass the whole class " + method.owner());
                }
                NestmateCopy.Built copy = NestmateCopy.build(variant, site.originalClass(), site.method.name(), site.method.descriptor(),
                        true, site.bridge, dev.selftune.generate.ClassBytes.resourcesOf(site.owner.getClassLoader()), site.element);
                target = site.define(copy);
            } catch (InstallException e) {
                throw e;
            } catch (RuntimeException | LinkageError | ReflectiveOperationException e) {
                throw new InstallException(site.element, InstallException.Rule.BAD_VARIANT, "variant " + variantId
                        + " cannot be defined as a hidden nestmate: " + e, "verify the variant bytes before swapping", e);
            }
            site.activate(variantId, target);
            log.accept("swapped " + site.method + " to variant " + variantId);
        }
    }

    /** Makes the original body active again; no-op if it already is. Never rate-limited. */
    public void rollback(MethodRef method) {
        rollback(null, method);
    }

    /** As {@link #rollback(MethodRef)} for the method of this very class ({@code owner} null: the only one of that name). */
    public void rollback(Class<?> owner, MethodRef method) {
        synchronized (ops) {
            rollback(require(owner, method));
        }
    }

    private void rollback(SwapSite site) {
        synchronized (ops) {
            if (!ORIGINAL.equals(site.active())) {
                String was = site.active();
                try {
                    site.activate(ORIGINAL, null);
                } catch (RuntimeException | LinkageError e) {
                    throw new InstallException(site.element, InstallException.Rule.OTHER, "rollback from " + was
                            + " failed: " + e, "report this; the variant stays active", e);
                }
                log.accept("rolled back " + site.method + " from variant " + was);
            }
        }
    }

    /** Rolls every prepared method back; failures are collected and thrown together at the end. */
    public void rollbackAll() {
        List<RuntimeException> failures = new ArrayList<>();
        for (SwapSite site : sites()) {
            try {
                rollback(site);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            InstallException e = new InstallException("rollback of " + failures.size() + " method(s) failed", failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }

    /** The active variant id, {@link #ORIGINAL} after prepare or rollback, null if the method is not prepared. */
    public String active(MethodRef method) {
        return active(null, method);
    }

    /** As {@link #active(MethodRef)} for the method of this very class ({@code owner} null: the only one of that name). */
    public String active(Class<?> owner, MethodRef method) {
        SwapSite site = find(owner, method);
        return site == null ? null : site.active();
    }

    /** Calls (while on probation) and exceptions since the last swap or rollback, or null if not prepared. */
    public GuardStats guard(MethodRef method) {
        return guard(null, method);
    }

    /** As {@link #guard(MethodRef)} for the method of this very class ({@code owner} null: the only one of that name). */
    public GuardStats guard(Class<?> owner, MethodRef method) {
        SwapSite site = find(owner, method);
        return site == null ? null : site.stats();
    }

    /** Ends the call-counting probation of the active variant, leaving a zero-cost call site. */
    public void settle(MethodRef method) {
        settle(null, method);
    }

    /** As {@link #settle(MethodRef)} for the method of this very class ({@code owner} null: the only one of that name). */
    public void settle(Class<?> owner, MethodRef method) {
        synchronized (ops) {
            require(owner, method).settle();
        }
    }

    /** Hears exceptions that leave prepared methods; null to stop. */
    public void setListener(SwapListener listener) {
        this.listener = listener;
    }

    /** The least time between two swaps of one method (default 1 s); rollbacks are never delayed. */
    public void setMinSwapInterval(Duration interval) {
        this.minSwapIntervalNanos = interval.toNanos();
    }

    /** The prepared methods, with their descriptors. */
    public Set<MethodRef> prepared() {
        Set<MethodRef> out = new LinkedHashSet<>();
        for (SwapSite s : sites()) {
            out.add(s.method);
        }
        return Set.copyOf(out);
    }

    private List<Class<?>> liveOwners() {
        synchronized (owners) {
            return new ArrayList<>(owners.keySet());
        }
    }

    private List<SwapSite> sites() {
        List<SwapSite> out = new ArrayList<>();
        for (Class<?> c : liveOwners()) {
            out.addAll(sitesOf.get(c).values());
        }
        return out;
    }

    private SwapSite require(Class<?> owner, MethodRef method) {
        SwapSite site = find(owner, method);
        if (site == null) {
            throw new InstallException(String.valueOf(method), InstallException.Rule.NOT_PREPARED,
                    "the method was not prepared (or the name is ambiguous: several prepared methods or class loaders match)",
                    "call prepare(owner, method) first, or pass the owner class and the descriptor");
        }
        return site;
    }

    /** The site of {@code method} in {@code owner}, or, with {@code owner} null, in the only live prepared class of that name. */
    private SwapSite find(Class<?> owner, MethodRef method) {
        Objects.requireNonNull(method, "method");
        SwapSite only = null;
        for (Class<?> c : owner != null ? List.<Class<?>>of(owner) : liveOwners()) {
            if (!c.getName().equals(method.owner()) || (owner != null && !owners.containsKey(c))) {
                continue;
            }
            for (SwapSite s : sitesOf.get(c).values()) {
                if (s.method.name().equals(method.name())
                        && (method.descriptor() == null || method.descriptor().equals(s.method.descriptor()))) {
                    if (only != null) {
                        return null;
                    }
                    only = s;
                }
            }
        }
        return only;
    }
}
