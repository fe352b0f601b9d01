package dev.selftune.install;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.selftune.api.MethodRef;
import java.time.Duration;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.matcher.ElementMatchers;
import org.junit.jupiter.api.Test;

/** A ByteBuddy retransforming agent (Advice, no class format changes) on a prepared class, added and reset. */
class ByteBuddyAgentTest {
    @Test
    void advice_wovenAfterPrepareAndReset_countsWhileThereAndSwapsSurviveBoth() {
        HotSwapper swapper = new Agents.LoggedSwapper().swapper;
        swapper.setMinSwapInterval(Duration.ZERO);
        MethodRef twice = new MethodRef(AdvisedTarget.class.getName(), "twice", null);
        swapper.prepare(AdvisedTarget.class, twice);
        swapper.swap(twice, "x3", Variants.withConstant(AdvisedTarget.class, "twice", 2, 3));
        ResettableClassFileTransformer advice = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .ignore(ElementMatchers.none())
                .type(ElementMatchers.is(AdvisedTarget.class))
                .transform((b, type, loader, module, pd) -> b.visit(Advice.to(EntryAdvice.class).on(ElementMatchers.named("twice"))))
                .installOn(Agents.INST);
        int before = EntryAdvice.ENTRIES.get();
        assertEquals(9, AdvisedTarget.twice(3));
        assertEquals(before + 1, EntryAdvice.ENTRIES.get());
        swapper.rollback(twice);
        assertEquals(6, AdvisedTarget.twice(3));
        assertEquals(before + 2, EntryAdvice.ENTRIES.get());
        swapper.swap(twice, "x4", Variants.withConstant(AdvisedTarget.class, "twice", 2, 4));
        advice.reset(Agents.INST, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
        assertEquals(12, AdvisedTarget.twice(3));
        assertEquals(before + 2, EntryAdvice.ENTRIES.get());
        swapper.rollback(twice);
        assertEquals(6, AdvisedTarget.twice(3));
    }
}
