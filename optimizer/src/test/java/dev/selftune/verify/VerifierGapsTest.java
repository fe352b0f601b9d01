package dev.selftune.verify;

import static dev.selftune.verify.VerifierTest.SRC;
import static dev.selftune.verify.VerifierTest.bytes;
import static dev.selftune.verify.VerifierTest.classpath;
import static dev.selftune.verify.VerifierTest.method;
import static dev.selftune.verify.VerifierTest.rejected;
import static dev.selftune.verify.VerifierTest.target;
import static dev.selftune.verify.VerifierTest.variant;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.api.TuneException;
import dev.selftune.api.Verdict;
import dev.selftune.generate.ClassBytes;
import dev.selftune.inputs.InputSource;
import dev.selftune.target.Target;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** The gaps of issue 8 §1: each test's variant passed the verifier before it compared that state. */
class VerifierGapsTest {
    static final String GAPS = "dev.selftune.verify.specimens.Gaps";

    /** The owner's bytes with {@code target}'s body replaced by {@code donor}'s (the donor is removed). */
    static byte[] swapBody(String owner, String target, String donor) {
        ClassNode cn = ClassBytes.read(bytes(owner));
        MethodNode t = method(cn, target);
        MethodNode d = method(cn, donor);
        cn.methods.remove(d);
        t.instructions = d.instructions;
        t.tryCatchBlocks = d.tryCatchBlocks;
        t.maxLocals = d.maxLocals;
        t.maxStack = d.maxStack;
        t.localVariables = null;
        return ClassBytes.write(cn, ClassBytes.resourcesOf(VerifierGapsTest.class.getClassLoader()));
    }

    static Verdict check(String name, String desc, String donor) {
        Target t = target(GAPS, name, desc, true);
        return new Verifier(t, SRC, null).verify(variant(swapBody(GAPS, name, donor)));
    }

    @Test
    void verify_staticWriterIdentical_passes() {
        Target t = target(GAPS, "record", "(I)I", true);
        Verdict v = new Verifier(t, SRC, null).verify(variant(t.classBytes()));
        assertInstanceOf(Verdict.Passed.class, v, v::toString);
    }

    static final String SEEDED = "dev.selftune.verify.specimens.Seeded";

    /* Statics seeded per class loader (a clock, an identity hash) start out different in the original's and the
     * variant's sandbox: Lucene's StringHelper made every variant of murmurhash3_x86_32 "leave static state different". */
    @Test
    void verify_staticsSeededDifferentlyPerLoader_untouchedByTheCall_passes() {
        Target t = target(SEEDED, "hash", "(I)I", true);
        Verdict v = new Verifier(t, SRC, null).verify(variant(t.classBytes()));
        assertInstanceOf(Verdict.Passed.class, v, v::toString);
        rejected(new Verifier(t, SRC, null).verify(variant(swapBody(SEEDED, "hash", "hashShort"))), "returns a different value");
    }

    /* A call that moves such a static cannot be compared by value (each loader started elsewhere): rejected, and the
     * reason says why, rather than passed on a comparison that means nothing. */
    @Test
    void verify_callMovesAStaticSeededPerLoader_rejectedWithTheReason() {
        Target t = target(SEEDED, "stamp", "(I)I", true);
        Verdict.Rejected r = rejected(new Verifier(t, SRC, null).verify(variant(t.classBytes())), "static state");
        assertTrue(r.reason().contains("starts out different in each class loader"), r.reason());
    }

    @Test
    void verify_differentStaticFieldWrite_rejected() {
        Verdict.Rejected r = rejected(check("record", "(I)I", "recordTwice"), "static state");
        assertTrue(r.reason().contains("Gaps.total"), r.reason());
    }

    @Test
    void verify_writeIntoOtherStaticArrayElement_rejected() {
        Verdict.Rejected r = rejected(check("histogram", "(I)I", "histogramShifted"), "static state");
        assertTrue(r.reason().contains("Gaps.HIST"), r.reason());
    }

    @Test
    void verify_skippedStaticWriteInPrivateHelper_rejected() {
        Verdict.Rejected r = rejected(check("counted", "(I)I", "uncounted"), "static state");
        assertTrue(r.reason().contains("Gaps.calls"), r.reason());
    }

    @Test
    void verify_differentWriteToAnotherClassesStatic_rejected() {
        Verdict.Rejected r = rejected(check("tallied", "(I)I", "talliedTwice"), "static state");
        assertTrue(r.reason().contains("Tally.sum"), r.reason());
    }

    @Test
    void verify_readBeforeWriteThroughAliasedArguments_rejected() {
        Verdict.Rejected r = rejected(check("writeThenRead", "([I[I)I", "readThenWrite"), "returns a different value");
        assertTrue(r.counterexample().contains("the same object as argument 1"), r.counterexample());
    }

    @Test
    void verify_readBeforeWriteThroughSharedMatrixRows_rejected() {
        Verdict.Rejected r = rejected(check("rowsInOrder", "([[I)J", "rowsCached"), "returns a different value");
        assertTrue(r.counterexample().contains("the same object as argument 1["), r.counterexample());
    }

    @Test
    void verify_copyWhereOriginalReturnedItsArgument_rejected() {
        Verdict.Rejected r = rejected(check("itself", "([I)[I", "copyOf"), "returns a different value");
        assertTrue(r.reason().contains("the same object as argument 1"), r.reason());
    }

    @Test
    void profile_threeProviderRows_tuneExceptionNamesTheMinimum() {
        Target t = target(GAPS, "size", "(Ljava/util/List;)I", true);
        InputSource src = new InputSource(7, new int[] {16}, GAPS + "#threeLists", null);
        TuneException e = assertThrows(TuneException.class, () -> new Verifier(t, src, null).profile());
        assertTrue(e.getMessage().contains("only 3 inputs") && e.getMessage().contains(Verifier.MIN_CHECKED_ROWS + " checked inputs")
                && e.getMessage().contains("--inputs"), e.getMessage());
    }

    /*
     * A method of 65,5xx bytes: the variant's loop leaves no room for the fuel ticks, so it runs
     * without fuel; before the watchdog this test hung forever.
     */
    @Test
    void verify_infiniteLoopInMethodTooBigForFuel_rejectedByWatchdog() {
        Target t = new Target(new MethodRef(HUGE.replace('/', '.'), "big", "(I)I"), huge(false), true, classpath());
        Verifier verifier = new Verifier(t, SRC, null);
        Verdict v = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> verifier.verify(variant(huge(true))));
        rejected(v, "timeout");
        assertInstanceOf(Verdict.Passed.class, verifier.verify(variant(huge(false))));
    }

    static final String HUGE = "dev/selftune/verify/specimens/Huge";

    /* 21,842 iinc (65,526 bytes), then return x (2 bytes) or loop forever (6 bytes): both fit 64 KB,
     * the looping one does not once a tick (3 bytes) is added at its entry and its back edge. */
    static byte[] huge(boolean loops) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, HUGE, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "big", "(I)I", null, null);
        mv.visitCode();
        for (int i = 0; i < 21_842; i++) {
            mv.visitIincInsn(0, 1);
        }
        if (loops) {
            Label top = new Label();
            mv.visitLabel(top);
            mv.visitIincInsn(0, 1);
            mv.visitJumpInsn(Opcodes.GOTO, top);
        } else {
            mv.visitVarInsn(Opcodes.ILOAD, 0);
            mv.visitInsn(Opcodes.IRETURN);
        }
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
