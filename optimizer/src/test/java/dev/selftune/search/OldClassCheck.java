package dev.selftune.search;

import dev.selftune.api.Variant;
import dev.selftune.target.ClassVersion;
import dev.selftune.target.OldClasses;
import dev.selftune.target.TargetClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.objectweb.asm.Opcodes;

/**
 * The old-class-file pipeline as a program, for a child JVM of another release: variants of Java
 * 1.1 to 6 classes with subroutines, a class raised to 51, and SciMark's SOR must verify, load under
 * that JVM's verifier and behave like the original. Prints {@code OLD CLASSES OK <release> <variants>}.
 */
public final class OldClassCheck {
    private OldClassCheck() { }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int variants = 0;
        for (int version : new int[] {Opcodes.V1_1, Opcodes.V1_4, Opcodes.V1_5, Opcodes.V1_6}) {
            byte[] original = OldClasses.kernels(version);
            List<Path> cp = List.of(OldClasses.write(dir.resolve("v" + (version & 0xFFFF)), original));
            for (String method : List.of("sumFinally", "sum")) {
                for (Variant v : OldClassPipelineTest.verifiedVariants(cp, OldClasses.NAME + "#" + method, 16, 1024)) {
                    same(OldClasses.outcomes(cp, original), OldClasses.outcomes(cp, v.classBytes()), v.toString());
                    variants++;
                }
            }
        }
        byte[] original = OldClasses.kernels(Opcodes.V1_1);
        byte[] raised = OldClasses.withSumPrefix(original, OldClasses.invokedynamic());
        if (ClassVersion.major(raised) != Opcodes.V1_7) {
            throw new AssertionError("not raised to 51: " + ClassVersion.major(raised));
        }
        same(OldClasses.outcomes(List.of(), original), OldClasses.outcomes(List.of(), raised), "raised to 51");
        Path jar = Path.of(jnt.scimark2.SOR.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (Variant v : OldClassPipelineTest.verifiedVariants(List.of(jar), "jnt.scimark2.SOR#execute(D[[DI)V", 16, 256)) {
            try (TargetClassLoader l = new TargetClassLoader(List.of(jar), "jnt.scimark2.SOR", v.classBytes())) {
                l.targetClass().getMethod("execute", double.class, double[][].class, int.class).invoke(null, 1.25, new double[8][8], 2);
            }
            variants++;
        }
        System.out.println("OLD CLASSES OK " + Runtime.version().feature() + " " + variants);
    }

    private static void same(List<String> original, List<String> variant, String what) {
        if (!original.equals(variant)) {
            throw new AssertionError(what + " behaves differently: " + original + " vs " + variant);
        }
    }
}
