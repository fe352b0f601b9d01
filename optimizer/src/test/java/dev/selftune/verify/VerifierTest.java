package dev.selftune.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.api.Step;
import dev.selftune.api.TuneException;
import dev.selftune.api.Variant;
import dev.selftune.api.Verdict;
import dev.selftune.generate.ClassBytes;
import dev.selftune.inputs.InputSource;
import dev.selftune.target.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;

class VerifierTest {
    static final String LOOPS = "dev.selftune.verify.specimens.Loops";
    static final String COUNTER = "dev.selftune.verify.specimens.Counter";
    static final InputSource SRC = new InputSource(7, new int[] {16, 1024}, null, null);

    static List<Path> classpath() {
        try {
            return List.of(Path.of(VerifierTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String owner) {
        try (InputStream in = VerifierTest.class.getClassLoader().getResourceAsStream(owner.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Target target(String owner, String name, String desc, boolean isStatic) {
        return new Target(new MethodRef(owner, name, desc), bytes(owner), isStatic, classpath());
    }

    /** The owner's bytes with {@code method} edited; frames recomputed from class files. */
    static byte[] edit(String owner, String method, Consumer<MethodNode> change) {
        ClassNode cn = ClassBytes.read(bytes(owner));
        change.accept(method(cn, method));
        return ClassBytes.write(cn, ClassBytes.resourcesOf(VerifierTest.class.getClassLoader()));
    }

    static MethodNode method(ClassNode cn, String name) {
        return cn.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    static AbstractInsnNode first(MethodNode m, int opcode) {
        for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n.getOpcode() == opcode) {
                return n;
            }
        }
        throw new AssertionError("no opcode " + opcode + " in " + m.name);
    }

    static void replace(MethodNode m, int opcode, AbstractInsnNode with) {
        m.instructions.set(first(m, opcode), with);
    }

    static Variant variant(byte[] bytes) {
        return new Variant("v1", Variant.ORIGINAL_ID, List.of(new Step("test-edit", Map.of())), bytes);
    }

    static Verdict.Rejected rejected(Verdict v, String reasonPart) {
        Verdict.Rejected r = assertInstanceOf(Verdict.Rejected.class, v, () -> "expected a rejection, got " + v);
        assertTrue(r.reason().contains(reasonPart), "reason '" + r.reason() + "' should contain '" + reasonPart + "'");
        return r;
    }

    @Test
    void verify_identicalBytes_passesWithAtLeast1000Inputs() {
        Target t = target(LOOPS, "sum", "([I)I", true);
        Verdict v = new Verifier(t, SRC, null).verify(variant(t.classBytes()));
        assertInstanceOf(Verdict.Passed.class, v, () -> v.toString());
        assertTrue(v.inputsChecked() >= 1000, "checked " + v.inputsChecked());
    }

    @Test
    void verify_variantReturnsDifferentValue_rejectedWithCounterexample() {
        Target t = target(LOOPS, "sum", "([I)I", true);
        byte[] b = edit(LOOPS, "sum", m -> replace(m, Opcodes.ICONST_0, new InsnNode(Opcodes.ICONST_1)));
        Verdict.Rejected r = rejected(new Verifier(t, SRC, null).verify(variant(b)), "returns a different value");
        assertNotNull(r.counterexample());
        assertTrue(r.counterexample().contains("input (int[0]{})") && r.counterexample().contains("original returned 0")
                && r.counterexample().contains("variant returned 1"), r.counterexample());
    }

    @Test
    void verify_infiniteLoop_rejectedAsTimeoutWithoutLeavingAThread() {
        Target t = target(LOOPS, "sum", "([I)I", true);
        byte[] b = edit(LOOPS, "sum", m -> {
            IincInsnNode inc = (IincInsnNode) first(m, Opcodes.IINC);
            inc.incr = 0;
        });
        int threads = Thread.activeCount();
        Verdict.Rejected r = rejected(new Verifier(t, SRC, null).verify(variant(b)), "timeout");
        assertTrue(r.counterexample().contains("timed out"), r.counterexample());
        assertTrue(Thread.activeCount() <= threads, "a thread was left behind");
    }

    @Test
    void verify_infiniteLoopInInterfaceStaticMethod_rejectedAsTimeout() {
        String shape = "dev.selftune.verify.specimens.Shape";
        Target t = target(shape, "area", "([I)I", true);
        assertTrue(new Verifier(t, SRC, null).verify(variant(t.classBytes())).passed());
        byte[] b = edit(shape, "area", m -> ((IincInsnNode) first(m, Opcodes.IINC)).incr = 0);
        rejected(new Verifier(t, SRC, null).verify(variant(b)), "timeout");
    }

    @Test
    void verify_variantThrows_rejected() {
        Target t = target(LOOPS, "sum", "([I)I", true);
        byte[] b = edit(LOOPS, "sum", m -> {
            m.instructions.insert(new InsnNode(Opcodes.ATHROW));
            m.instructions.insert(new InsnNode(Opcodes.ACONST_NULL));
        });
        rejected(new Verifier(t, SRC, null).verify(variant(b)), "throws java.lang.NullPointerException where the original returned normally");
    }

    @Test
    void verify_argumentMutatedDifferently_rejected() {
        Target t = target(LOOPS, "scale", "([DD)V", true);
        byte[] b = edit(LOOPS, "scale", m -> replace(m, Opcodes.DMUL, new InsnNode(Opcodes.DADD)));
        rejected(new Verifier(t, SRC, null).verify(variant(b)), "leaves argument 1 different");
    }

    @Test
    void verify_variantProducesNaN_rejected() {
        Target t = target(LOOPS, "mean", "([D)D", true);
        byte[] b = edit(LOOPS, "mean", m -> replace(m, Opcodes.DCONST_0, new LdcInsnNode(Double.NaN)));
        rejected(new Verifier(t, SRC, null).verify(variant(b)), "returns NaN where the original returned the finite 0.0");
    }

    @Test
    void verify_receiverFieldDiffers_rejected() {
        Target t = target(COUNTER, "add", "([I)J", false);
        byte[] b = edit(COUNTER, "add", m -> replace(m, Opcodes.ICONST_1, new InsnNode(Opcodes.ICONST_2)));
        Verdict.Rejected r = rejected(new Verifier(t, SRC, null).verify(variant(b)), "receiver");
        assertTrue(r.reason().contains("calls"), r.reason());
    }

    @Test
    void verify_identicalInstanceMethod_passes() {
        Target t = target(COUNTER, "add", "([I)J", false);
        assertTrue(new Verifier(t, SRC, null).verify(variant(t.classBytes())).passed());
    }

    /** The owner's bytes with the body of {@code method} replaced by the body of {@code sibling}. */
    static byte[] swapBody(String owner, String method, String sibling) {
        return edit(owner, method, m -> {
            MethodNode other = method(ClassBytes.read(bytes(owner)), sibling);
            m.instructions = other.instructions;
            m.tryCatchBlocks = other.tryCatchBlocks;
            m.localVariables = other.localVariables;
            m.maxLocals = other.maxLocals;
            m.maxStack = other.maxStack;
        });
    }

    @Test
    void verify_sameExceptionDifferentArgumentState_rejected() {
        Target t = target(LOOPS, "fill", "([II)V", true);
        Verdict.Rejected r = rejected(new Verifier(t, SRC, null).verify(variant(swapBody(LOOPS, "fill", "fillChecked"))),
                "(both threw java.lang.ArrayIndexOutOfBoundsException)");
        assertTrue(r.reason().contains("leaves argument 1 different"), r.reason());
    }

    @Test
    void verify_reassociatedSum_rejectedBitExactAcceptedWithTolerance() {
        Target t = target(LOOPS, "sumSeq", "([D)D", true);
        byte[] b = swapBody(LOOPS, "sumSeq", "sumTwo");
        rejected(new Verifier(t, SRC, null).verify(variant(b)), "returns a different value");
        Verdict tolerant = new Verifier(t, SRC, 1e-9).verify(variant(b));
        assertTrue(tolerant.passed(), tolerant.toString());
        assertTrue(tolerant.inputsChecked() >= 1000);
    }

    @Test
    void verify_typeErrorInBytecode_rejectedByBytecodeCheck() {
        Target t = target(LOOPS, "sum", "([I)I", true);
        ClassNode cn = ClassBytes.read(bytes(LOOPS));
        MethodNode m = method(cn, "sum");
        m.instructions.set(first(m, Opcodes.IADD), new InsnNode(Opcodes.FADD));
        ClassWriter cw = new ClassWriter(0);
        cn.accept(cw);
        rejected(new Verifier(t, SRC, null).verify(variant(cw.toByteArray())), "bytecode check failed");
    }

    @Test
    void verify_matrixMultiplyIdentical_passesIncludingBigRows() {
        Target t = target(LOOPS, "matmul", "([[D[[D[[DI)V", true);
        Verdict v = new Verifier(t, SRC, null).verify(variant(t.classBytes()));
        assertTrue(v.passed(), v.toString());
    }

    @Test
    void profile_targetThrowsOnEveryInput_tuneExceptionAdvisesInputs() {
        Target t = target(LOOPS, "alwaysThrows", "([I)I", true);
        TuneException e = assertThrows(TuneException.class, () -> new Verifier(t, SRC, null).profile());
        assertTrue(e.getMessage().contains("throws on every generated input") && e.getMessage().contains("--inputs"), e.getMessage());
    }

    @Test
    void profile_targetNeverFinishes_tuneExceptionAdvisesSmallerInputs() {
        Target t = target(LOOPS, "forever", "([I)I", true);
        TuneException e = assertThrows(TuneException.class, () -> new Verifier(t, SRC, null).profile());
        assertTrue(e.getMessage().contains("did not finish") && e.getMessage().contains("--inputs"), e.getMessage());
    }

    @Test
    void profile_mutatingMethod_reportsMutation() {
        OriginalProfile scale = new Verifier(target(LOOPS, "scale", "([DD)V", true), SRC, null).profile();
        assertTrue(scale.mutatesArguments());
        assertTrue(scale.rows() >= 1000);
        OriginalProfile sum = new Verifier(target(LOOPS, "sum", "([I)I", true), SRC, null).profile();
        assertFalse(sum.mutatesArguments());
        /* only the reshaped rows with a null array throw (about one in eight of ShapeRows.ROWS) */
        assertTrue(sum.normalReturns() >= sum.rows() - 200 && sum.normalReturns() < sum.rows(), sum.toString());
    }

    @Test
    void profile_divide_countsThrowingRows() {
        OriginalProfile p = new Verifier(target(LOOPS, "divide", "(II)I", true), SRC, null).profile();
        assertTrue(p.normalReturns() < p.rows(), "some rows divide by zero: " + p);
        assertTrue(p.normalReturns() > 0);
    }

    @Test
    void verify_instanceMethodWithProviderRows_checksProviderAndGeneratedRows() {
        Target t = target(COUNTER, "add", "([I)J", false);
        InputSource src = new InputSource(7, new int[] {16}, "dev.selftune.verify.specimens.Shapes#counters", null);
        Verifier verifier = new Verifier(t, src, null);
        assertTrue(verifier.verify(variant(t.classBytes())).inputsChecked() >= 1002);
        byte[] b = edit(COUNTER, "add", m -> replace(m, Opcodes.ICONST_1, new InsnNode(Opcodes.ICONST_2)));
        Verdict.Rejected r = rejected(verifier.verify(variant(b)), "receiver");
        assertTrue(r.counterexample().contains("Counter{total=0L, calls=0, weight=Counter$$Lambda}"), r.counterexample());
    }

    @Test
    void profile_nondeterministicProvider_tuneExceptionSaysSeedIt() {
        Target t = target(LOOPS, "sum", "([I)I", true);
        InputSource src = new InputSource(7, new int[] {16}, "dev.selftune.verify.specimens.Shapes#nondeterministic", null);
        Target pick = new Target(new MethodRef("dev.selftune.verify.specimens.Shapes", "pick", "([II)I"),
                bytes("dev.selftune.verify.specimens.Shapes"), true, t.classpath());
        TuneException e = assertThrows(TuneException.class, () -> new Verifier(pick, src, null).profile());
        assertTrue(e.getMessage().contains("different rows on each call"), e.getMessage());
    }

    /* Third-party bytecode from a jar: a receiver that grows its own array, sizes as ints. */
    @Test
    void verify_thirdPartyMethodFromJar_identicalPassesWithBoundedWork() throws Exception {
        Class<?> c = org.objectweb.asm.ByteVector.class;
        Path jar = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        byte[] bytes = bytes(c.getName());
        Target t = new Target(new MethodRef(c.getName(), "putByteArray", "([BII)Lorg/objectweb/asm/ByteVector;"), bytes, false, List.of(jar));
        Verifier verifier = new Verifier(t, SRC, null);
        assertTrue(verifier.profile().normalReturns() > 0);
        assertTrue(verifier.verify(variant(bytes)).inputsChecked() >= 1000);
    }

    @Test
    void verify_providerRowsThenGeneratedLoopsToFullRangeInts_generatedRowsKeepTheSmallBound() {
        /* The five caller rows may be as heavy as they like; the generated rows after them are bounded as
         * without --inputs. Given the big bound, two rows looping to a full-range int spent the total and
         * the method was refused for too few checked inputs. */
        Target t = target(LOOPS, "sumTo", "(I)J", true);
        InputSource src = new InputSource(7, new int[] {16}, "dev.selftune.verify.specimens.Shapes#sumToRows", null);
        Verdict v = new Verifier(t, src, null).verify(variant(t.classBytes()));
        assertTrue(v.passed() && v.inputsChecked() >= 1000, v.toString());
    }

    @Test
    void verify_loopToFullRangeInt_stillChecksAtLeast1000Rows() {
        Target t = target(LOOPS, "sumTo", "(I)J", true);
        Verdict v = new Verifier(t, SRC, null).verify(variant(t.classBytes()));
        assertTrue(v.passed() && v.inputsChecked() >= 1000, v.toString());
    }

    @Test
    void verify_privateHelper_isCallableAndChecked() {
        Target t = target(LOOPS, "maxOf", "([I)I", true);
        assertTrue(new Verifier(t, SRC, null).verify(variant(t.classBytes())).passed());
        byte[] b = edit(LOOPS, "maxOf", m -> replace(m, Opcodes.LDC, new LdcInsnNode(0)));
        rejected(new Verifier(t, SRC, null).verify(variant(b)), "returns a different value");
    }

    @Test
    void bytecodeCheck_originalClass_passes() {
        assertEquals(null, BytecodeCheck.check(bytes(LOOPS), VerifierTest.class.getClassLoader()));
        assertEquals(null, BytecodeCheck.check(bytes(COUNTER), VerifierTest.class.getClassLoader()));
    }
}
