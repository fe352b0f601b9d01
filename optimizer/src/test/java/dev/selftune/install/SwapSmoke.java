package dev.selftune.install;

import dev.selftune.api.MethodRef;
import java.time.Duration;

/**
 * Runs in a child JVM started with {@code -javaagent} (see ChildJvmTest): prepare, swap, rollback of
 * a hot, C2-compiled method; prints one line per check and "SMOKE OK" last.
 * Run: java -javaagent:agent.jar -cp test-classes:classes:deps dev.selftune.install.SwapSmoke
 */
public final class SwapSmoke {
    private SwapSmoke() { }

    public static void main(String[] args) {
        HotSwapper swapper = new HotSwapper(TestAgent.inst, line -> System.out.println("log: " + line));
        swapper.setMinSwapInterval(Duration.ZERO);
        MethodRef mix = new MethodRef(SmokeTarget.class.getName(), "mix", "(I)I");
        report("before prepare", 1);
        long t0 = System.nanoTime();
        swapper.prepare(SmokeTarget.class, mix);
        System.out.printf("prepare took %.2f ms%n", (System.nanoTime() - t0) / 1e6);
        report("original via trampoline", 1);
        byte[] x5 = Variants.withConstant(SmokeTarget.class, "mix", 3, 5);
        t0 = System.nanoTime();
        swapper.swap(mix, "x5", x5);
        System.out.printf("swap took %.2f ms%n", (System.nanoTime() - t0) / 1e6);
        report("variant x5 (counting calls)", 5 - 3);
        System.out.println("guard: " + swapper.guard(mix));
        swapper.settle(mix);
        report("variant x5 (settled)", 5 - 3);
        t0 = System.nanoTime();
        swapper.rollback(mix);
        System.out.printf("rollback took %.2f ms%n", (System.nanoTime() - t0) / 1e6);
        report("rolled back", 1);
        System.out.println("SMOKE OK " + Runtime.version());
    }

    /** Checks every result against the expected formula while timing a hot loop (not a benchmark: a sanity print). */
    private static void report(String phase, int variant) {
        long sum = 0;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 15; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 1_000_000; i++) {
                int r = SmokeTarget.mix(i);
                int x = i ^ (i >>> 7);
                int expected = variant == 1 ? x * 3 + 1 : x * 5 + 1;
                if (r != expected) {
                    throw new AssertionError(phase + ": mix(" + i + ") = " + r + ", expected " + expected);
                }
                sum += r;
            }
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("%s: best %.2f ns/call (checksum %d)%n", phase, best / 1e6, sum);
    }
}
