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
    private final Set<MethodRef> reported = new HashSet<>();
    private final java.util.function.ToLongFunction<MethodRef> selfSamples;

    CandidateSelector(Instrumentation inst, Events events, java.util.function.ToLongFunction<MethodRef> selfSamples) {
        this.inst = inst;
        this.events = events;
        this.selfSamples = selfSamples;
    }

    /** Up to {@code max} new candidates from the ranking, skipping methods in {@code done}. */
    List<Candidate> select(List<Map.Entry<MethodRef, Long>> ranking, long total, int max, Set<MethodRef> done) {
        List<Candidate> out = new ArrayList<>();
        for (Map.Entry<MethodRef, Long> e : ranking) {
            if (out.size() >= max) {
                break;
            }
            MethodRef m = e.getKey();
            long n = e.getValue();
            if (n < MIN_SAMPLES || n < MIN_SHARE * total) {
                break;
            }
            if (done.contains(m) || reported.contains(m)) {
                continue;
            }
            try {
                Candidate c = examine(m, n, total);
                if (c != null) {
                    out.add(c);
                }
            } catch (RuntimeException | LinkageError ex) {
                skip(m, n, total, "could not be examined: " + ex);
            }
        }
        return out;
    }

    private Candidate examine(MethodRef m, long n, long total) {
        Class<?> owner = ClassFiles.find(inst, m.owner());
        if (owner == null) {
            return skip(m, n, total, "its class is not modifiable by instrumentation (hidden, array or unloaded)");
        }
        if (ClassFiles.isOwn(owner)) {
            return skip(m, n, total, "it belongs to selftune itself, which the agent never touches");
        }
        byte[] bytes = ClassFiles.read(owner);
        if (bytes == null) {
            return skip(m, n, total, "no class file for " + m.owner() + " through its class loader (generated class?)");
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
            return skip(m, n, total, "the class file on disk has no such method (was the class generated or woven?)");
        }
        String rule = agentRule(mn);
        if (rule != null) {
            return skip(m, n, total, rule);
        }
        Optional<String> reason = Eligibility.check(cn, mn);
        if (reason.isPresent()) {
            return skip(m, n, total, reason.get());
        }
        reported.add(m);
        return new Candidate(m, owner, bytes, n, selfSamples.applyAsLong(m), total);
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

    private Candidate skip(MethodRef m, long n, long total, String reason) {
        reported.add(m);
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("reason", reason);
        ev.put("samples", n);
        ev.put("totalSamples", total);
        events.emit("skipped", m.toString(), ev);
        return null;
    }
}
