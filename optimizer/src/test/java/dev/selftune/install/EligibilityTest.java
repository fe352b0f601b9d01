package dev.selftune.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import org.junit.jupiter.api.Test;

class EligibilityTest {
    private final HotSwapper swapper = new Agents.LoggedSwapper().swapper;

    private InstallException prepareFails(Class<?> owner, String name, String desc) {
        return assertThrows(InstallException.class, () -> swapper.prepare(owner, new MethodRef(owner.getName(), name, desc)));
    }

    @Test
    void prepare_superCall_isRejectedNamingTheRule() {
        InstallException e = prepareFails(SuperCaller.class, "value", null);
        assertEquals(InstallException.Rule.SUPER_CALL, e.rule());
        assertTrue(e.getMessage().contains("SuperCaller#value()I") && e.getMessage().contains("fix:"), e.getMessage());
        assertEquals(1, new SuperCaller().value() - 1);   // the class still runs its own body
        assertNull(swapper.active(new MethodRef(SuperCaller.class.getName(), "value", null)));
    }

    @Test
    void prepare_protectedFieldOfSuperclassInAnotherPackage_isRejected() {
        assertEquals(InstallException.Rule.PROTECTED_ACCESS, prepareFails(ProtectedUser.class, "read", null).rule());
        assertEquals(42, new ProtectedUser().read());
    }

    @Test
    void prepare_abstractNativeJdkAndSelftuneMethods_areNotEligible() {
        assertEquals(InstallException.Rule.NOT_ELIGIBLE, prepareFails(AbstractTarget.class, "run", null).rule());
        assertEquals(InstallException.Rule.NOT_ELIGIBLE, prepareFails(AbstractTarget.class, "nat", null).rule());
        assertEquals(InstallException.Rule.NOT_ELIGIBLE, prepareFails(String.class, "length", null).rule());
        assertEquals(InstallException.Rule.NOT_ELIGIBLE, prepareFails(Guard.class, "stats", null).rule());
        assertEquals(InstallException.Rule.NOT_ELIGIBLE, prepareFails(StaticTarget.class, "<init>", null).rule());
    }

    @Test
    void prepare_missingOrOverloadedMethod_isNotFoundAndSaysHowToName() {
        assertEquals(InstallException.Rule.NOT_FOUND, prepareFails(StaticTarget.class, "nope", null).rule());
        assertEquals(InstallException.Rule.NOT_FOUND, prepareFails(StaticTarget.class, "scale", "(J)J").rule());
        InstallException e = prepareFails(Overloaded.class, "f", null);
        assertTrue(e.getMessage().contains("overloaded") && e.getMessage().contains("f(J)J"), e.getMessage());
        swapper.prepare(Overloaded.class, new MethodRef(Overloaded.class.getName(), "f", "(J)J"));
        assertEquals(7L, Overloaded.f(7L));
    }

    @Test
    void swap_unpreparedMethod_saysPrepareFirst() {
        InstallException e = assertThrows(InstallException.class, () -> swapper.swap(
                new MethodRef(StaticTarget.class.getName(), "untouched", null), "v", Variants.bytesOf(StaticTarget.class)));
        assertEquals(InstallException.Rule.NOT_PREPARED, e.rule());
    }

    @Test
    void swap_badVariants_areRejectedAndTheActiveBodyStays() {
        swapper.setMinSwapInterval(java.time.Duration.ZERO);
        MethodRef f = new MethodRef(NewFieldTarget.class.getName(), "f", null);
        swapper.prepare(NewFieldTarget.class, f);
        assertEquals(InstallException.Rule.NEW_FIELD, assertThrows(InstallException.class, () -> swapper.swap(f, "field",
                Variants.renamed(NewFieldTargetVariant.class, NewFieldTarget.class))).rule());
        assertEquals(InstallException.Rule.BAD_VARIANT, assertThrows(InstallException.class,
                () -> swapper.swap(f, "other", Variants.bytesOf(StaticTarget.class))).rule());
        assertEquals(InstallException.Rule.BAD_VARIANT, assertThrows(InstallException.class,
                () -> swapper.swap(f, "junk", new byte[] {1, 2, 3})).rule());
        assertEquals(InstallException.Rule.BAD_VARIANT, assertThrows(InstallException.class,
                () -> swapper.swap(f, HotSwapper.ORIGINAL, Variants.bytesOf(NewFieldTarget.class))).rule());
        assertEquals(HotSwapper.ORIGINAL, swapper.active(f));
        assertEquals(3, NewFieldTarget.f(2));
    }
}
