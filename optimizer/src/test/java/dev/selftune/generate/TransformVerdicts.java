package dev.selftune.generate;

import dev.selftune.api.MethodRef;
import dev.selftune.api.Step;
import dev.selftune.api.Variant;
import dev.selftune.api.Verdict;
import dev.selftune.inputs.InputSource;
import dev.selftune.target.Target;
import dev.selftune.verify.Verifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Test support: one transform applied to a specimen method as the generator does it, and the project verifier's verdict on it. */
final class TransformVerdicts {
    private TransformVerdicts() { }

    /** The class bytes after {@code t} rewrote {@code name} with {@code params}; fails when it declined. */
    static byte[] apply(Class<?> c, String name, Transform t, Map<String, Integer> params) {
        byte[] original = Specimen.bytes(c);
        ClassNode cn = ClassBytes.read(original);
        MethodNode m = TunedMethods.find(cn, name, null);
        if (!t.apply(cn, m, params, TransformContext.exact(Policy.defaults()))) {
            throw new AssertionError(t.name() + " declined " + params + " on " + name);
        }
        return ClassBytes.writeChanged(original, cn, Set.of(m.name + m.desc),
                ClassBytes.resourcesOf(TransformVerdicts.class.getClassLoader()));
    }

    /** The verdict of the project's {@link Verifier} on {@code variant} of {@code c#name}, on generated inputs of {@code sizes}. */
    static Verdict verify(Class<?> c, String name, String transform, Map<String, Integer> params, byte[] variant, int... sizes) {
        byte[] original = Specimen.bytes(c);
        MethodNode m = TunedMethods.find(ClassBytes.read(original), name, null);
        Target target = new Target(new MethodRef(c.getName(), name, m.desc), original, true, classpath());
        Verifier verifier = new Verifier(target, new InputSource(7, sizes, null, null), null);
        return verifier.verify(new Variant("v1", Variant.ORIGINAL_ID, List.of(new Step(transform, params)), variant));
    }

    static List<Path> classpath() {
        try {
            return List.of(Path.of(TransformVerdicts.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
