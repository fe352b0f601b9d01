package dev.selftune.install;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;

/** Obtains a full-privilege lookup on a target class, which defining hidden nestmates requires. */
final class OwnerLookup {
    /*
     * Lookup.defineHiddenClass(…, NESTMATE) needs full privilege access (PRIVATE and MODULE) on the
     * nest host. privateLookupIn gives that only when the agent and the target share a module:
     * true for classes on the application class path (both in the app loader's unnamed module),
     * false for classes of another loader (another unnamed module), where it drops MODULE
     * (Lookup.privateLookupIn javadoc, JDK 14+). For those, the JDK's own trusted lookup narrowed
     * to the target (IMPL_LOOKUP.in(target) yields full-power modes) is reached by opening
     * java.lang.invoke to the agent through Instrumentation.redefineModule, which an agent may do.
     * A named target module is first opened to the agent and made to read the bootstrap class's
     * module, which the trampoline's invokedynamic resolves (JVMS 5.4.4 checks readability).
     */
    private OwnerLookup() { }

    static MethodHandles.Lookup of(Class<?> owner, Instrumentation inst, Module bootModule, String element) {
        Module ours = OwnerLookup.class.getModule();
        Module theirs = owner.getModule();
        try {
            if (theirs.isNamed()) {
                String pkg = owner.getPackageName();
                Set<Module> reads = theirs.canRead(bootModule) ? Set.of() : Set.of(bootModule);
                Map<String, Set<Module>> opens = theirs.isOpen(pkg, ours) ? Map.of() : Map.of(pkg, Set.of(ours));
                if (!reads.isEmpty() || !opens.isEmpty()) {
                    inst.redefineModule(theirs, reads, Map.of(), opens, Set.of(), Map.of());
                }
            }
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
            if (lookup.hasFullPrivilegeAccess()) {
                return lookup;
            }
            return trusted(inst).in(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InstallException(element, InstallException.Rule.NO_PRIVATE_ACCESS,
                    "cannot obtain a full-privilege lookup on " + owner.getName() + " (module " + theirs
                            + ", loader " + owner.getClassLoader() + "): " + e,
                    "run the application on a JDK that allows Instrumentation.redefineModule, or put the class on the class path", e);
        }
    }

    private static MethodHandles.Lookup trusted(Instrumentation inst) throws ReflectiveOperationException {
        Module base = Object.class.getModule();
        Module ours = OwnerLookup.class.getModule();
        if (!base.isOpen("java.lang.invoke", ours)) {
            inst.redefineModule(base, Set.of(), Map.of(), Map.of("java.lang.invoke", Set.of(ours)), Set.of(), Map.of());
        }
        Field field = MethodHandles.Lookup.class.getDeclaredField("IMPL_LOOKUP");
        field.setAccessible(true);
        return (MethodHandles.Lookup) field.get(null);
    }
}
