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

    /** A method that may be tuned: its loaded class and the class file it came from. */
    record Own(MethodRef method, Class<?> owner, byte[] classBytes) { }

    private final ClassLoader loader;

    OwnCandidates(ClassLoader loader) {
        this.loader = loader;
    }

    static boolean isPlumbing(String binaryName) {
        return PLUMBING.stream().anyMatch(binaryName::startsWith);
    }

    /**
     * The method, ready to tune, or the reason it is refused (never both); {@code captureReceiver}: an
     * instance method's receiver may come from argument capture, so a class without a no-arg constructor is no refusal.
     */
    Object examine(MethodRef m, boolean captureReceiver) {
        if (!m.owner().startsWith("dev.selftune.") || isPlumbing(m.owner())) {
            return "selftune's plumbing (agent, install, meta, cli, api, report, measure) and other code are never self-tuned";
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
        return new Own(m, owner, bytes);
    }
}
