package dev.selftune.agent;

import dev.selftune.api.MethodRef;
import dev.selftune.target.Eligibility;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Turns the detector's ranking into candidates: the hottest methods that pass the agent's own rules
 * and {@link Eligibility} (the rules {@code tune} uses); each method skipped is reported once with its reason.
 */
final class CandidateSelector {
    /*
     * A method must earn a place: at least MIN_SAMPLES samples and MIN_SHARE of all samples, so the
     * agent never spends a tuning budget (minutes of a core) on noise. Agent rules come before
     * Eligibility because they are about the running JVM, not the bytecode: constructors and static
     * initialisers cannot be routed through a call site, synthetic and bridge methods (lambdas) have
     * no stable name across compilations, and a class the JVM reports unmodifiable cannot be
     * retransformed at all (JVMTI IsModifiableClass). Instance methods are candidates whatever
     * their class's constructors: the capture copies the receiver with the arguments, and
     * MethodTuner skips the method, with the capture's reason, when no receiver could be had.
     */
    static final long MIN_SAMPLES = 10;
    static final double MIN_SHARE = 0.02;

    private final Instrumentation inst;
    private final Events events;
    private final Set<LoadedMethod> reported = new HashSet<>();
    private final Set<SampledMethod> unloaded = new HashSet<>();
    private final java.util.function.ToLongFunction<SampledMethod> selfSamples;
    private final java.util.function.Function<SampledMethod, Class<?>> resolver;

    /**
     * {@code resolver} finds the loaded class a sampled method belongs to (null while unknown:
     * {@link HotMethodDetector#resolve}); {@code selfSamples} counts its samples as the topmost frame.
     */
    CandidateSelector(Instrumentation inst, Events events, java.util.function.ToLongFunction<SampledMethod> selfSamples,
                      java.util.function.Function<SampledMethod, Class<?>> resolver) {
        this.inst = inst;
        this.events = events;
        this.selfSamples = selfSamples;
        this.resolver = resolver;
    }

    /**
     * Up to {@code max} new candidates from the ranking, skipping methods in {@code done}. Two loaders'
     * copies of a method are two entries of the ranking and two candidates; one in {@code done} leaves the other.
     */
    List<Candidate> select(List<Map.Entry<SampledMethod, Long>> ranking, long total, int max, Set<LoadedMethod> done) {
        reported.removeIf(r -> !r.alive());
        List<Candidate> out = new ArrayList<>();
        for (Map.Entry<SampledMethod, Long> e : ranking) {
            if (out.size() >= max) {
                break;
            }
            SampledMethod s = e.getKey();
            long n = e.getValue();
            if (n < MIN_SAMPLES || n < MIN_SHARE * total) {
                break;
            }
            if (unloaded.contains(s)) {
                continue;
            }
            try {
                Class<?> owner = resolver.apply(s);
                if (owner == null) {
                    if (ClassFiles.find(inst, s.method().owner()) == null) {
                        unloaded.add(s);
                        skip(s.method().toString(), n, total, "its class is not modifiable by instrumentation (hidden, array or unloaded)");
                    }
                    continue;   // several loaders hold it and JFR has not yet said which one this is: next round
                }
                LoadedMethod m = LoadedMethod.of(inst, owner, s.method(), s);
                if (done.contains(m) || reported.contains(m)) {
                    continue;
                }
                Candidate c = examine(m, owner, n, total);
                if (c != null) {
                    out.add(c);
                }
            } catch (RuntimeException | LinkageError ex) {
                unloaded.add(s);
                skip(s.method().toString(), n, total, "could not be examined: " + ex);
            }
        }
        return out;
    }

    private Candidate examine(LoadedMethod lm, Class<?> owner, long n, long total) {
        MethodRef m = lm.method();
        reported.add(lm);
        String name = lm.toString();
        if (owner == null) {
            return skip(name, n, total, "its class is not modifiable by instrumentation (hidden, array or unloaded)");
        }
        if (ClassFiles.isOwn(owner)) {
            return skip(name, n, total, "it belongs to selftune itself, which the agent never touches");
        }
        byte[] bytes = ClassFiles.read(owner);
        if (bytes == null) {
            return skip(name, n, total, "no class file for " + m.owner() + " through its class loader (generated class?)");
        }
        ClassNode cn = new ClassNode();
        new ClassReader(bytes).accept(cn, ClassReader.SKIP_FRAMES);
        MethodNode mn = null;
        for (MethodNode x : cn.methods) {
            if (x.name.equals(m.name()) && x.desc.equals(m.descriptor())) {
                mn = x;
            }
        }
        if (mn == null) {
            return skip(name, n, total, "the class file on disk has no such method (was the class generated or woven?)");
        }
        String rule = agentRule(mn);
        if (rule != null) {
            return skip(name, n, total, rule);
        }
        Optional<String> reason = Eligibility.check(cn, mn);
        if (reason.isPresent()) {
            return skip(name, n, total, reason.get());
        }
        return new Candidate(lm, owner, bytes, n, selfSamples.applyAsLong(lm.sampled()), total);
    }

    static String agentRule(MethodNode mn) {
        if (mn.name.equals("<init>") || mn.name.equals("<clinit>")) {
            return "constructors and static initialisers are never swapped";
        }
        if ((mn.access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0) {
            return "synthetic or bridge method (a lambda body?): its name is not stable across compilations";
        }
        if ((mn.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return "abstract or native method has no bytecode to tune";
        }
        return null;
    }

    private Candidate skip(String method, long n, long total, String reason) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("reason", reason);
        ev.put("samples", n);
        ev.put("totalSamples", total);
        events.emit("skipped", method, ev);
        return null;
    }
}
