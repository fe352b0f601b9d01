package dev.selftune.rank;

import dev.selftune.api.MethodRef;
import dev.selftune.api.Step;
import dev.selftune.api.Variant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.objectweb.asm.Type;

/**
 * Cheap static features of a variant, computed from bytes: its code (size, loops, nesting, the
 * instruction mix), how that differs from the original's, the transforms applied with their
 * parameters, and the target's own shape (loop depth, array dimensions, element type). Named, so a
 * model keeps working when transforms or features are added: an unknown name is just zero.
 */
public final class Features {
    private Features() { }

    /*
     * Counts enter as log(1 + n) and growth as log((1 + variant) / (1 + original)): a 4x unroll of a
     * 10-instruction loop and of a 100-instruction loop should look alike, and the model compares
     * variants by distance, where raw counts would let the largest method dominate.
     */
    /** The features of {@code v}, a variant of {@code target} whose original class is {@code originalClass}. */
    public static Map<String, Double> of(Variant v, MethodRef target, byte[] originalClass) {
        Map<String, Double> f = new TreeMap<>(target(target, originalClass));
        Map<String, Double> orig = CodeStats.of(originalClass, target.name(), target.descriptor());
        Map<String, Double> code = CodeStats.of(v.classBytes(), target.name(), target.descriptor());
        for (String k : CodeStats.KEYS) {
            f.put("code." + k, Math.log1p(code.get(k)));
            f.put("growth." + k, Math.log((1 + code.get(k)) / (1 + orig.get(k))));
        }
        f.putAll(steps(v.transforms()));
        return f;
    }

    /** The features of the steps alone: {@code steps}, and per transform how often and its parameters' log(1 + |value|) summed. */
    static Map<String, Double> steps(List<Step> steps) {
        Map<String, Double> f = new TreeMap<>();
        f.put("steps", (double) steps.size());
        for (Step s : steps) {
            f.merge("transform." + s.transform(), 1.0, Double::sum);
            for (Map.Entry<String, Integer> p : s.params().entrySet()) {
                f.merge("transform." + s.transform() + "." + p.getKey(), Math.log1p(Math.abs(p.getValue())), Double::sum);
            }
        }
        return f;
    }

    /** The target's features: its loops and size, and what its parameters are (dimensions, element type, count). */
    static Map<String, Double> target(MethodRef target, byte[] originalClass) {
        Map<String, Double> f = new TreeMap<>();
        Map<String, Double> orig = CodeStats.of(originalClass, target.name(), target.descriptor());
        f.put("target.loopDepth", orig.get("loopDepth"));
        f.put("target.loops", Math.log1p(orig.get("loops")));
        f.put("target.insns", Math.log1p(orig.get("insns")));
        String desc = target.descriptor() != null ? target.descriptor() : descriptorOf(originalClass, target.name());
        if (desc != null) {
            Type[] args = Type.getArgumentTypes(desc);
            f.put("target.params", (double) args.length);
            int dims = 0;
            for (Type t : args) {
                if (t.getSort() == Type.ARRAY) {
                    dims = Math.max(dims, t.getDimensions());
                    f.merge("target.elem." + t.getElementType().getClassName().replace('.', '_'), 1.0, Double::sum);
                }
            }
            f.put("target.arrayDims", (double) dims);
            f.put("target.returnsArray", Type.getReturnType(desc).getSort() == Type.ARRAY ? 1.0 : 0.0);
        }
        return f;
    }

    /* A target named without a descriptor is not overloaded (TargetLoader refuses otherwise): the first match is it. */
    private static String descriptorOf(byte[] classBytes, String name) {
        org.objectweb.asm.tree.ClassNode cn = new org.objectweb.asm.tree.ClassNode();
        new org.objectweb.asm.ClassReader(classBytes).accept(cn, org.objectweb.asm.ClassReader.SKIP_CODE);
        return cn.methods.stream().filter(m -> m.name.equals(name)).map(m -> m.desc).findFirst().orElse(null);
    }
}
