package dev.selftune.install;

import dev.selftune.api.MethodRef;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/** Decides from the loaded class whether a method can get a trampoline, naming the rule when it cannot. */
final class Eligibility {
    /*
     * Checked before anything is changed: JDK classes (bootstrap or platform loader) and selftune's
     * own jar are never touched (DESIGN invariant 4); hidden classes, arrays and classes the JVM
     * reports unmodifiable cannot be retransformed (Instrumentation.isModifiableClass); abstract and
     * native methods have no body to move; constructors and initialisers cannot be entered twice.
     * A class file before 51 is raised to 51 by the trampoline (TrampolineTransformer.rewrite).
     */
    private Eligibility() { }

    static Method check(Instrumentation inst, Class<?> owner, MethodRef ref) {
        return check(inst, owner, ref, false);
    }

    /*
     * ownAllowed: the self-improvement loop swapping its own winners into its own JVM (invariant 4's
     * one exception). The machinery that swaps and guards (install, agent) and the bundled libraries
     * stay refused even then: a trampoline in the code that builds trampolines would recurse.
     */
    static Method check(Instrumentation inst, Class<?> owner, MethodRef ref, boolean ownAllowed) {
        String element = ref.toString();
        if (!owner.getName().equals(ref.owner())) {
            throw reject(element, InstallException.Rule.NOT_FOUND, "the class passed is " + owner.getName(),
                    "pass the Class object of " + ref.owner());
        }
        if (owner.isArray() || owner.isPrimitive() || owner.isHidden()) {
            throw reject(element, InstallException.Rule.NOT_MODIFIABLE, "arrays, primitives and hidden classes have no class file to retransform",
                    "tune a method of a named class");
        }
        ClassLoader loader = owner.getClassLoader();
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            throw reject(element, InstallException.Rule.NOT_ELIGIBLE, "JDK classes are never touched",
                    "tune application code; exclude this class from the include patterns");
        }
        if (ownAllowed && isSwapMachinery(owner.getName())) {
            throw reject(element, InstallException.Rule.NOT_ELIGIBLE, "selftune's swapping and guarding code (install, agent)"
                    + " and its bundled libraries are never swapped, not even by self-tuning", "tune another selftune method");
        }
        if (!ownAllowed && fromSelftune(owner)) {
            throw reject(element, InstallException.Rule.NOT_ELIGIBLE, "selftune's own classes are never touched",
                    "exclude dev.selftune from the include patterns");
        }
        if (!inst.isRetransformClassesSupported() || !inst.isModifiableClass(owner)) {
            throw reject(element, InstallException.Rule.NOT_MODIFIABLE, "the JVM does not allow retransforming this class",
                    "start the agent with Can-Retransform-Classes: true in its manifest");
        }
        if ("<init>".equals(ref.name()) || "<clinit>".equals(ref.name())) {
            throw reject(element, InstallException.Rule.NOT_ELIGIBLE, "constructors and class initialisers are not swappable",
                    "move the hot code into a method");
        }
        List<Method> found = new ArrayList<>();
        for (Method m : owner.getDeclaredMethods()) {
            if (m.getName().equals(ref.name()) && (ref.descriptor() == null || ref.descriptor().equals(descriptor(m)))) {
                found.add(m);
            }
        }
        if (found.size() != 1) {
            List<String> names = new ArrayList<>();
            for (Method m : owner.getDeclaredMethods()) {
                if (m.getName().equals(ref.name())) {
                    names.add(m.getName() + descriptor(m));
                }
            }
            throw reject(element, InstallException.Rule.NOT_FOUND, found.isEmpty()
                            ? "no such method is declared (declared with that name: " + names + ")"
                            : "the name is overloaded: " + names,
                    "name the method with its descriptor, like " + ref.owner() + "#" + ref.name() + "(I)I");
        }
        Method m = found.get(0);
        if (Modifier.isAbstract(m.getModifiers()) || Modifier.isNative(m.getModifiers())) {
            throw reject(element, InstallException.Rule.NOT_ELIGIBLE, "abstract and native methods have no bytecode body",
                    "tune a concrete implementation");
        }
        return m;
    }

    static String descriptor(Method m) {
        return MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString();
    }

    /** The call site type: the method's type, with the receiver first for an instance method. */
    static MethodType siteType(Method m) {
        MethodType t = MethodType.methodType(m.getReturnType(), m.getParameterTypes());
        return Modifier.isStatic(m.getModifiers()) ? t : t.insertParameterTypes(0, m.getDeclaringClass());
    }

    static boolean isSwapMachinery(String binaryName) {
        return binaryName.startsWith("dev.selftune.install.") || binaryName.startsWith("dev.selftune.agent.")
                || binaryName.startsWith("dev.selftune.boot.")
                || binaryName.startsWith("dev.selftune.shaded.");
    }

    private static boolean fromSelftune(Class<?> owner) {
        CodeSource ours = Eligibility.class.getProtectionDomain().getCodeSource();
        CodeSource theirs = owner.getProtectionDomain().getCodeSource();
        return ours != null && theirs != null && ours.getLocation() != null
                && ours.getLocation().equals(theirs.getLocation());
    }

    private static InstallException reject(String element, InstallException.Rule rule, String reason, String fix) {
        return new InstallException(element, rule, reason, fix);
    }
}
