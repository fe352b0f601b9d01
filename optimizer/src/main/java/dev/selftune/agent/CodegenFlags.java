package dev.selftune.agent;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The host JVM's command-line flags that change the code the JIT generates: they join the wisdom key
 * and are passed to the tuning child's JMH forks, so a winner is measured, and later reused, only
 * under the code generation it won under.
 */
final class CodegenFlags {
    /*
     * The documented list (README, "Wisdom"): flags are matched on the text before '=' with the
     * +/- sign removed, from RuntimeMXBean.getInputArguments() (the command line plus
     * JDK_JAVA_OPTIONS / JAVA_TOOL_OPTIONS). Instruction sets (UseAVX, UseSSE, UseFMA, BMI, popcount,
     * vector widths), the superword and loop optimisations (UseSuperWord, UseVectorCmov,
     * LoopUnrollLimit, loop strip mining, predication), compilation tiers and modes (-Xint, -Xcomp,
     * TieredCompilation, TieredStopAtLevel, CompileThreshold, JVMCI), inlining limits, object layout
     * (compressed oops and class pointers, object alignment) and the garbage collector (its barriers
     * are compiled into every method). UnlockDiagnostic/ExperimentalVMOptions come along, since the
     * flags after them need them. Heap sizes, logging, agents and system properties are not listed.
     * A heap's size does change one thing in the code, how compressed references are encoded (under
     * 4 GB unscaled, else shifted): TuneProcess passes the forks a fixed heap laid out like the host's
     * (measure.ForkFlags), but the wisdom key leaves it out, as before.
     */
    static final List<String> NAMES = List.of(
            "-Xint", "-Xcomp", "-Xmixed",
            "-XX:UseAVX", "-XX:UseSSE", "-XX:MaxVectorSize", "-XX:UseAVX3Threshold", "-XX:UseSuperWord", "-XX:UseVectorCmov",
            "-XX:SuperWordLoopUnrollAnalysis", "-XX:AlignVector", "-XX:UseFMA", "-XX:UseBMI1Instructions",
            "-XX:UseBMI2Instructions", "-XX:UsePopCountInstruction", "-XX:UseCountLeadingZerosInstruction",
            "-XX:UseCountTrailingZerosInstruction", "-XX:UseVectorizedMismatchIntrinsic", "-XX:UseCMoveUnconditionally",
            "-XX:LoopUnrollLimit", "-XX:LoopMaxUnroll", "-XX:LoopStripMiningIter", "-XX:UseCountedLoopSafepoints",
            "-XX:UseLoopPredicate", "-XX:PartialPeelLoop", "-XX:UseOnStackReplacement",
            "-XX:TieredCompilation", "-XX:TieredStopAtLevel", "-XX:CompileThreshold", "-XX:UseJVMCICompiler",
            "-XX:EnableJVMCI", "-XX:Inline", "-XX:MaxInlineSize", "-XX:FreqInlineSize", "-XX:InlineSmallCode",
            "-XX:MaxInlineLevel", "-XX:MaxNodeLimit",
            "-XX:UseCompressedOops", "-XX:UseCompressedClassPointers", "-XX:ObjectAlignmentInBytes",
            "-XX:UseSerialGC", "-XX:UseParallelGC", "-XX:UseG1GC", "-XX:UseZGC", "-XX:ZGenerational",
            "-XX:UseShenandoahGC", "-XX:UseEpsilonGC",
            "-XX:UnlockDiagnosticVMOptions", "-XX:UnlockExperimentalVMOptions");

    private CodegenFlags() { }

    /** The flags of this JVM that change code generation, in command-line order; empty when it has none. */
    static List<String> host() {
        try {
            return of(ManagementFactory.getRuntimeMXBean().getInputArguments());
        } catch (RuntimeException | LinkageError e) {
            return List.of();   // no java.management: the key then holds no flags, as for a plain command line
        }
    }

    /** The code-generation flags among {@code inputArguments}, in their order. */
    static List<String> of(List<String> inputArguments) {
        List<String> out = new ArrayList<>();
        for (String arg : inputArguments) {
            if (NAMES.contains(name(arg))) {
                out.add(arg);
            }
        }
        return List.copyOf(out);
    }

    /** {@code -XX:+UseSuperWord} → {@code -XX:UseSuperWord}, {@code -XX:UseAVX=2} → {@code -XX:UseAVX}. */
    static String name(String arg) {
        String a = arg.trim();
        int eq = a.indexOf('=');
        if (eq > 0) {
            a = a.substring(0, eq);
        }
        if (a.startsWith("-XX:+") || a.startsWith("-XX:-")) {
            a = "-XX:" + a.substring(5);
        }
        return a;
    }

    /** The key form: the flags joined by single spaces ("" for none). */
    static String key(List<String> flags) {
        return String.join(" ", flags);
    }
}
