package dev.selftune.target;

import java.util.Optional;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** The rules a method must meet to be tuned safely; shared by {@code tune} and the agent. */
public final class Eligibility {
    private Eligibility() { }

    /*
     * Why these rules: a variant is proven equal to the original by running both on the same
     * inputs and comparing return value, arguments, receiver, exception and the static state the
     * call can reach (the static fields of the target class and of the class-path classes its code
     * names, transitively, contents included; see verify/StaticState). Since static state is
     * compared after every call, methods that write statics (directly, through private helpers,
     * into static arrays or objects a static field holds) are tuned like any other. Refused are
     * bodies the JVM does not let us see or replace (abstract, native) and the special methods
     * whose rewriting would change object construction or class initialisation.
     */

    /** Empty when {@code method} of {@code owner} may be tuned, else the reason it may not, with the rule. */
    public static Optional<String> check(ClassNode owner, MethodNode method) {
        String what = owner.name.replace('/', '.') + "#" + method.name + method.desc;
        if ((owner.access & Opcodes.ACC_INTERFACE) != 0) {
            return Optional.of(what + " belongs to an interface; selftune tunes methods of classes only");
        }
        if ((method.access & Opcodes.ACC_ABSTRACT) != 0) {
            return Optional.of(what + " is abstract and has no body to tune; name a concrete implementation instead");
        }
        if ((method.access & Opcodes.ACC_NATIVE) != 0) {
            return Optional.of(what + " is native and has no bytecode to tune; name a Java method instead");
        }
        if ("<init>".equals(method.name)) {
            return Optional.of(what + " is a constructor; constructors are not tuned, name a method that does the work");
        }
        if ("<clinit>".equals(method.name)) {
            return Optional.of(what + " is a class initialiser; it runs once and is not tuned");
        }
        if ((method.access & Opcodes.ACC_BRIDGE) != 0) {
            return Optional.of(what + " is a compiler-generated bridge; name the method it forwards to");
        }
        return Optional.empty();
    }
}
