package dev.selftune.agent;

import dev.selftune.api.MethodRef;
import dev.selftune.target.Eligibility;
import java.util.List;
import java.util.Optional;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Decides whether one of selftune's own hot methods can be self-tuned: its class is found and read,
 * and it passes the agent's rules and {@link Eligibility} (the rules {@code tune} uses); otherwise it says why.
 */
final class OwnCandidates {
    /*
     * Plumbing is never self-tuned: the agent and install packages swap and guard (a trampoline in
     * the code that builds trampolines would recurse), meta/cli/api/report run the loop and write it
     * down, measure holds the judge's rules (invariant 1: a run may make the generator faster, never
     * change who judges it). The sampling pattern leaves them out already; this is the second line.
     */
    static final List<String> PLUMBING = List.of("dev.selftune.agent.", "dev.selftune.install.", "dev.selftune.boot.",
            "dev.selftune.meta.", "dev.selftune.cli.", "dev.selftune.api.", "dev.selftune.report.",
            "dev.selftune.measure.", "dev.selftune.shaded.");

    /** dev.selftune packages that are not selftune at all: the sample code it tunes, loaded in the same JVM. */
    static final List<String> NOT_OWN = List.of("dev.selftune.samples.");

    /** A method that may be tuned: its loaded class and the class file it came from. */
    record Own(MethodRef method, Class<?> owner, byte[] classBytes) { }

    private final ClassLoader loader;

    OwnCandidates(ClassLoader loader) {
        this.loader = loader;
    }

    static boolean isPlumbing(String binaryName) {
        return PLUMBING.stream().anyMatch(binaryName::startsWith);
    }

    /** True for selftune's own classes that may be self-tuned: dev.selftune.*, neither plumbing nor sample code. */
    static boolean isOwn(String binaryName) {
        return binaryName.startsWith("dev.selftune.") && !isPlumbing(binaryName) && NOT_OWN.stream().noneMatch(binaryName::startsWith);
    }

    /**
     * The method, ready to tune, or the reason it is refused (never both); {@code captureReceiver}: an
     * instance method's receiver may come from argument capture, so a class without a no-arg constructor is no refusal.
     */
    Object examine(MethodRef m, boolean captureReceiver) {
        if (!isOwn(m.owner())) {
            return "selftune's plumbing (agent, install, meta, cli, api, report, measure), the sample code and other code"
                    + " are never self-tuned";
        }
        Class<?> owner;
        try {
            owner = Class.forName(m.owner(), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return "its class cannot be found from self-improve's class loader (" + e + ")";
        }
        byte[] bytes = ClassFiles.read(owner);
        if (bytes == null) {
            return "no class file for " + m.owner() + " through its class loader";
        }
        ClassNode cn = new ClassNode();
        new ClassReader(bytes).accept(cn, ClassReader.SKIP_FRAMES);
        MethodNode mn = cn.methods.stream().filter(x -> x.name.equals(m.name()) && x.desc.equals(m.descriptor()))
                .findFirst().orElse(null);
        if (mn == null) {
            return "the class file has no method " + m.name() + m.descriptor();
        }
        String rule = CandidateSelector.agentRule(mn);
        if (rule != null) {
            return rule;
        }
        Optional<String> reason = Eligibility.check(cn, mn);
        if (reason.isPresent()) {
            return reason.get();
        }
        if (!captureReceiver && ArgumentCapture.isInstance(owner, m) && !ArgumentCapture.hasNoArgConstructor(owner)) {
            return "instance method of a class without a no-arg constructor: tune needs a captured receiver, and no"
                    + " capture is possible here (no Instrumentation, or no later generation to capture in before the last)";
        }
        String inputs = inputsUnavailable(m, owner, captureReceiver);
        if (inputs != null) {
            return inputs;
        }
        String none = noVariant(m, owner.getClassLoader(), bytes);
        return none != null ? none : new Own(m, owner, bytes);
    }

    /*
     * The generator with tune's default policy, run here on the class file (bytecode only: microseconds to a few
     * milliseconds, no inputs, nothing verified or measured). A method it makes no variant of would cost a tuning
     * child, a capture window and a generation's wait for "no transform produced a variant": the first run with
     * --tune-self spent both of its slots so on ValueGenerator#real and RowCopier#copyValue (no loop in either)
     * while methods with loops were hot below them. Refused here, so the next hottest is examined instead. A method
     * with an integral parameter is not refused: `specialise` folds a value the captured calls nearly always pass,
     * and those calls are not known yet. A generator failure decides nothing: tune then says what it says.
     */
    static String noVariant(MethodRef m, ClassLoader loader, byte[] bytes) {
        for (org.objectweb.asm.Type t : org.objectweb.asm.Type.getArgumentTypes(m.descriptor())) {
            if (t.getDescriptor().length() == 1 && dev.selftune.inputs.UsualValues.isIntegral(t.getDescriptor().charAt(0))) {
                return null;
            }
        }
        try {
            dev.selftune.generate.Policy policy = dev.selftune.generate.Policy.defaults();
            dev.selftune.generate.Generator g = new dev.selftune.generate.Generator(policy,
                    new dev.selftune.generate.TransformContext(false, null, policy), dev.selftune.generate.ClassBytes.resourcesOf(loader));
            if (!g.generate(m.name(), m.descriptor(), bytes).isEmpty()) {
                return null;
            }
            /* unroll's reason first: every loop transform starts from a loop, and unroll asks for the least of one */
            java.util.Map<String, String> not = g.notApplied();
            String why = not.containsKey("unroll") ? "unroll: " + not.get("unroll")
                    : not.entrySet().stream().findFirst().map(e -> e.getKey() + ": " + e.getValue()).orElse("");
            return "no transform makes a variant of it under tune's default policy, so a tuning could only keep it"
                    + (why.isEmpty() ? "" : " (" + why + (not.size() > 1 ? "; and " + (not.size() - 1) + " more in tune's notApplied" : "")
                    + ")");
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /*
     * A method whose arguments can be neither generated nor captured would only fail later, in the
     * tuning child, after a generation of waiting: ValueGenerator#real(Mode, Random) was picked,
     * captured nothing (no copy stands for a Random) and its generated-inputs fallback failed. It is
     * refused here instead, so the selection moves on to the next hottest method.
     */
    private static String inputsUnavailable(MethodRef m, Class<?> owner, boolean capture) {
        String why;
        try {
            why = dev.selftune.inputs.Inputs.ungeneratable(m, owner.getClassLoader());
        } catch (RuntimeException | LinkageError e) {
            return "its parameter types cannot be read (" + e + ")";
        }
        if (why == null) {
            return null;
        }
        if (!capture) {
            return why + ", and no capture of its calls is possible here (no Instrumentation, or no later generation"
                    + " to capture in before the last)";
        }
        org.objectweb.asm.Type[] params = org.objectweb.asm.Type.getArgumentTypes(m.descriptor());
        for (int i = 0; i < params.length; i++) {
            String name = params[i].getSort() == org.objectweb.asm.Type.ARRAY ? params[i].getDescriptor().replace('/', '.')
                    : params[i].getClassName();
            try {
                Class<?> c = params[i].getSort() <= org.objectweb.asm.Type.DOUBLE ? null : Class.forName(name, false, owner.getClassLoader());
                String never = c == null ? null : StateCopy.neverCopied(c);
                if (never != null) {
                    return "parameter " + (i + 1) + " has type " + params[i].getClassName() + ", which selftune can neither"
                            + " generate nor capture: " + never;
                }
            } catch (ClassNotFoundException | LinkageError e) {
                return "parameter " + (i + 1) + " has type " + params[i].getClassName() + ", which its class loader cannot load";
            }
        }
        return null;
    }
}
