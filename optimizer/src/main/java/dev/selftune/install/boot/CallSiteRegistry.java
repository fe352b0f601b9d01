package dev.selftune.install.boot;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The bootstrap methods of every selftune trampoline and of lambdas moved into hidden classes, with
 * the registry of call sites they link to. Refers to JDK types only, so a renamed copy can live in
 * the bootstrap class loader for classes that cannot see the agent.
 */
public final class CallSiteRegistry extends ClassValue<ConcurrentHashMap<String, CallSite>> {
    /*
     * JVMS 5.4.3.6: an invokedynamic is linked once per call site by calling its bootstrap method,
     * and the CallSite it returns stays bound; HotSpot links again only for a new class version
     * (a retransformation), and then this method hands back the same MutableCallSite, so a swap
     * survives other agents' retransformations. Keys carry a random per-swapper part and are
     * registered before the trampoline exists (putIfAbsent), so nobody can bind someone else's key.
     * The agent uses this class directly where the target's loader sees it, and otherwise the
     * bootstrap copy dev.selftune.boot.SelftuneIndy through method handles (BootBridge).
     * Call sites are kept per owner class in a ClassValue (this class is its own ClassValue so the
     * boot copy stays one class file): the map hangs off the Class object, so two loaders defining
     * the same class name never share an entry, and a call site, whose target holds a hidden class
     * of the owner's loader, never keeps that loader alive once the application drops it. The map is
     * the nest host's: hidden nestmate copies (which may link the trampoline too) share it.
     */
    private static final CallSiteRegistry SITES = new CallSiteRegistry();
    private static volatile Function<Object[], CallSite> lambdaLinker;

    private CallSiteRegistry() { }

    @Override
    protected ConcurrentHashMap<String, CallSite> computeValue(Class<?> owner) {
        return new ConcurrentHashMap<>();
    }

    /** Links a trampoline's invokedynamic to the call site registered under {@code key}. */
    public static CallSite bootstrap(MethodHandles.Lookup caller, String name, MethodType type, String key) {
        CallSite site = SITES.get(caller.lookupClass().getNestHost()).get(key);
        if (site == null) {
            throw new IllegalStateException("[selftune] no call site registered for " + key
                    + " in " + caller.lookupClass().getName() + "." + name);
        }
        if (!site.type().equals(type)) {
            throw new IllegalStateException("[selftune] call site " + key + " has type " + site.type()
                    + " but " + caller.lookupClass().getName() + "." + name + " links it as " + type);
        }
        return site;
    }

    /** Registers {@code site} under {@code key} for the trampolines of {@code owner}; false if the key is taken. */
    public static boolean register(Class<?> owner, String key, CallSite site) {
        return SITES.get(owner.getNestHost()).putIfAbsent(key, site) == null;
    }

    /**
     * Links a lambda whose body lives in a hidden class, with LambdaMetafactory's static arguments;
     * the agent's linker (registered once) spins the lambda class.
     */
    public static CallSite lambda(MethodHandles.Lookup caller, String name, MethodType type, Object... args) {
        Function<Object[], CallSite> linker = lambdaLinker;
        if (linker == null) {
            throw new IllegalStateException("[selftune] no lambda linker registered for " + caller.lookupClass().getName());
        }
        return linker.apply(new Object[] {caller, name, type, args});
    }

    /** Registers the agent's lambda linker unless one is registered already. */
    public static synchronized void lambdaLinker(Function<Object[], CallSite> linker) {
        if (lambdaLinker == null) {
            lambdaLinker = linker;
        }
    }
}
