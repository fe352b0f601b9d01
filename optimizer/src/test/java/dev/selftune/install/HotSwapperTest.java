package dev.selftune.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HotSwapperTest {
    private final Agents.LoggedSwapper logged = new Agents.LoggedSwapper();
    private final HotSwapper swapper = logged.swapper;

    private static MethodRef ref(Class<?> owner, String name) {
        return new MethodRef(owner.getName(), name, null);
    }

    @Test
    void prepare_staticMethod_keepsResultsAndReportsOriginal() {
        MethodRef scale = ref(StaticTarget.class, "scale");
        swapper.prepare(StaticTarget.class, scale);
        swapper.prepare(StaticTarget.class, scale);   // idempotent
        assertEquals(16, StaticTarget.scale(5));
        assertEquals(4, StaticTarget.untouched(5));
        assertEquals(HotSwapper.ORIGINAL, swapper.active(scale));
        assertEquals(List.of(scale.withDescriptor("(I)I")), List.copyOf(swapper.prepared()));
    }

    @Test
    void swap_staticVariant_changesResultsAndRollbackRestoresThem() {
        MethodRef scale = ref(StaticTarget.class, "scale");
        swapper.prepare(StaticTarget.class, scale);
        swapper.swap(scale, "times5", Variants.withConstant(StaticTarget.class, "scale", 3, 5));
        assertEquals(26, StaticTarget.scale(5));
        assertEquals("times5", swapper.active(scale));
        assertEquals(4, StaticTarget.untouched(5));
        swapper.rollback(scale);
        assertEquals(16, StaticTarget.scale(5));
        assertEquals(HotSwapper.ORIGINAL, swapper.active(scale));
    }

    @Test
    void swap_instanceVariantWithLambdaAndHelper_readsPrivateStateAndRollsBack() {
        MethodRef add = ref(InstanceTarget.class, "add");
        swapper.prepare(InstanceTarget.class, add);
        InstanceTarget t = new InstanceTarget(10);
        assertEquals(16, t.add(3));
        swapper.swap(add, "lambda", Variants.renamed(InstanceTargetVariant.class, InstanceTarget.class));
        assertEquals(1016, t.add(3));
        assertEquals(1007, new InstanceTarget(1).add(3));
        swapper.rollback(add);
        assertEquals(16, t.add(3));
    }

    @Test
    void prepare_methodCallingPrivateHelper_keepsResultsAndSwapsThem() {
        MethodRef via = ref(InstanceTarget.class, "viaSecret");
        swapper.prepare(InstanceTarget.class, via);
        assertEquals(201, new InstanceTarget(2).viaSecret());
        swapper.swap(via, "plus2", Variants.withConstant(InstanceTarget.class, "viaSecret", 1, 2));
        assertEquals(202, new InstanceTarget(2).viaSecret());
    }

    @Test
    void swap_staticVariantWithLambdaAndNewHelper_runsIt() {
        MethodRef apply = ref(LambdaTarget.class, "apply");
        swapper.prepare(LambdaTarget.class, apply);
        assertEquals(3, LambdaTarget.apply(2));
        swapper.swap(apply, "lambda", Variants.renamed(LambdaTargetVariant.class, LambdaTarget.class));
        assertEquals(15, LambdaTarget.apply(2));
        swapper.rollback(apply);
        assertEquals(3, LambdaTarget.apply(2));
    }

    @Test
    void swap_repeatedWithRollbacks_alwaysRunsTheActiveBody() {
        MethodRef mix = ref(RepeatTarget.class, "mix");
        swapper.setMinSwapInterval(Duration.ZERO);
        swapper.prepare(RepeatTarget.class, mix);
        int[] three = {1, 2, 3};
        for (int k = 3; k < 40; k++) {
            swapper.swap(mix, "k" + k, Variants.withConstant(RepeatTarget.class, "mix", 2, k));
            for (int i = 0; i < 2_000; i++) {   // let the interpreter profile and compile in between
                assertEquals(7L + 2 + 3L * k, RepeatTarget.mix(7L, 2.9, three));
            }
            if (k % 2 == 0) {
                swapper.rollback(mix);
                assertEquals(7L + 2 + 6, RepeatTarget.mix(7L, 2.9, three));
            }
        }
    }

    @Test
    void swap_twiceWithinTheInterval_isRateLimitedButRollbackIsNot() {
        MethodRef twice = ref(SwapLimitTarget.class, "twice");
        swapper.prepare(SwapLimitTarget.class, twice);
        swapper.swap(twice, "a", Variants.withConstant(SwapLimitTarget.class, "twice", 2, 4));
        InstallException e = assertThrows(InstallException.class,
                () -> swapper.swap(twice, "b", Variants.withConstant(SwapLimitTarget.class, "twice", 2, 6)));
        assertEquals(InstallException.Rule.RATE_LIMITED, e.rule());
        assertEquals("a", swapper.active(twice));
        swapper.rollback(twice);
        assertEquals(6, SwapLimitTarget.twice(3));
    }

    @Test
    void guard_variantThrows_countsLogsOnceAndKeepsTheTrampolineFrame() {
        MethodRef divide = ref(GuardTarget.class, "divide");
        List<String> heard = new ArrayList<>();
        swapper.setListener((m, id, t) -> heard.add(m.name() + "/" + id + "/" + t.getClass().getSimpleName()));
        swapper.prepare(GuardTarget.class, divide);
        assertEquals(-1, GuardTarget.divide(1, 0));
        swapper.swap(divide, "unguarded", Variants.renamed(GuardTargetVariant.class, GuardTarget.class));
        assertEquals(3, GuardTarget.divide(9, 3));
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> GuardTarget.divide(1, 0));
        assertThrows(ArithmeticException.class, () -> GuardTarget.divide(2, 0));
        assertTrue(List.of(e.getStackTrace()).stream().anyMatch(f -> f.getClassName().equals(GuardTarget.class.getName())
                && f.getMethodName().equals("divide")), "trampoline frame in " + List.of(e.getStackTrace()));
        GuardStats stats = swapper.guard(divide);
        assertEquals("unguarded", stats.variantId());
        assertEquals(3, stats.calls());
        assertEquals(2, stats.exceptions());
        assertEquals(1, logged.count("while variant unguarded was active"));
        assertEquals(List.of("divide/unguarded/ArithmeticException", "divide/unguarded/ArithmeticException"), heard);
        swapper.settle(divide);
        assertEquals(-1, swapper.guard(divide).calls());
        assertEquals(2, swapper.guard(divide).exceptions());
        swapper.rollback(divide);
        assertEquals(-1, GuardTarget.divide(1, 0));
        assertEquals(0, swapper.guard(divide).exceptions());
    }

    @Test
    void rollbackAll_afterSwapsOfTwoMethods_restoresBoth() {
        MethodRef a = ref(AllTarget.class, "a");
        MethodRef b = ref(AllTarget.class, "b");
        swapper.prepare(AllTarget.class, a);
        swapper.prepare(AllTarget.class, b);
        swapper.swap(a, "a5", Variants.withConstant(AllTarget.class, "a", 2, 5));
        swapper.swap(b, "b5", Variants.withConstant(AllTarget.class, "b", 3, 5));
        assertEquals(55, AllTarget.a(10) + AllTarget.b(0));
        swapper.rollbackAll();
        assertEquals(23, AllTarget.a(10) + AllTarget.b(0));
        assertEquals(HotSwapper.ORIGINAL, swapper.active(a));
        assertEquals(HotSwapper.ORIGINAL, swapper.active(b));
    }

    @Test
    void swap_methodWithUnchangedLambdas_keepsCallingTheClassLambdaBodies() {
        MethodRef sum = ref(LambdaOriginalTarget.class, "sum");
        MethodRef times = ref(LambdaOriginalTarget.class, "times");
        swapper.prepare(LambdaOriginalTarget.class, sum);
        swapper.prepare(LambdaOriginalTarget.class, times);
        LambdaOriginalTarget t = new LambdaOriginalTarget();
        assertEquals(13, LambdaOriginalTarget.sum(new int[] {1, 2, 3}));
        assertEquals(16, t.times(5));
        swapper.swap(sum, "plus3", Variants.withConstant(LambdaOriginalTarget.class, "sum", 1, 3));
        swapper.swap(times, "plus4", Variants.withConstant(LambdaOriginalTarget.class, "times", 1, 4));
        assertEquals(15, LambdaOriginalTarget.sum(new int[] {1, 2, 3}));
        assertEquals(19, t.times(5));
    }

    @Test
    void prepare_synchronizedMethod_stillHoldsTheLockThroughTheTrampoline() {
        MethodRef locked = ref(SuperCaller.class, "locked");
        swapper.prepare(SuperCaller.class, locked);
        assertEquals(2, new SuperCaller().locked(1));
    }

    @Test
    void swap_recursiveMethod_recursesThroughTheActiveBody() {
        MethodRef sumTo = ref(RecursiveTarget.class, "sumTo");
        swapper.prepare(RecursiveTarget.class, sumTo);
        assertEquals(55, RecursiveTarget.sumTo(10));
        // n + sumTo(n - 2): the recursion keeps going through the call site, so every level runs the variant
        swapper.swap(sumTo, "step2", Variants.withConstant(RecursiveTarget.class, "sumTo", 1, 2));
        assertEquals(30, RecursiveTarget.sumTo(10));
        swapper.rollback(sumTo);
        assertEquals(55, RecursiveTarget.sumTo(10));
    }

    @Test
    void swap_interfaceDefaultMethod_dispatchesToTheVariant() {
        MethodRef area = ref(Shape.class, "area");
        swapper.prepare(Shape.class, area);
        assertEquals(10, new Square().area(3));
        swapper.swap(area, "plus2", Variants.withConstant(Shape.class, "area", 1, 2));
        assertEquals(11, new Square().area(3));
    }

    @Test
    void swap_variantChangingAHelperTwoCallsDown_movesTheUnchangedHelperBetween() {
        MethodRef run = ref(ChainTarget.class, "run");
        swapper.prepare(ChainTarget.class, run);
        assertEquals(5, ChainTarget.run(1));
        swapper.swap(run, "b5", Variants.renamed(ChainTargetVariant.class, ChainTarget.class));
        assertEquals(13, ChainTarget.run(1));
    }

    @Test
    void swap_variantWithMarkerInterfaceLambda_implementsTheMarker() {
        MethodRef get = ref(MarkerTarget.class, "get");
        swapper.prepare(MarkerTarget.class, get);
        swapper.swap(get, "marker", Variants.renamed(MarkerTargetVariant.class, MarkerTarget.class));
        assertEquals(70, MarkerTarget.get(7));
    }
}
