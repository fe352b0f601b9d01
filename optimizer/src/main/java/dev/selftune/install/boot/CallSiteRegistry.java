package dev.selftune.install.boot;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bootstrap method of every selftune trampoline. A renamed copy lives in the bootstrap class
 * loader, so a class of any loader can link to it; it refers to JDK types only.
 */
public final class CallSiteRegistry {
    /*
     * JVMS 5.4.3.6: an invokedynamic is linked once per call site by calling its bootstrap method,
     * and the CallSite it returns stays bound; HotSpot links again only for a new class version
     * (a retransformation), and then this method hands back the same MutableCallSite, so a swap
     * survives other agents' retransformations. Keys carry a random per-swapper part and are
     * registered before the trampoline exists (putIfAbsent), so nobody can bind someone else's key.
     * This class is never loaded by the agent's own loader: the agent reaches the bootstrap copy
     * (dev.selftune.boot.SelftuneIndy) through reflection only (see BootBridge).
     */
    private static final ConcurrentHashMap<String, CallSite> SITES = new ConcurrentHashMap<>();

    private CallSiteRegistry() { }

    /** Links a trampoline's invokedynamic to the call site registered under {@code key}. */
    public static CallSite bootstrap(MethodHandles.Lookup caller, String name, MethodType type, String key) {
        CallSite site = SITES.get(key);
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

    /** Registers {@code site} under {@code key}; false if the key is taken. */
    public static boolean register(String key, CallSite site) {
        return SITES.putIfAbsent(key, site) == null;
    }
}
