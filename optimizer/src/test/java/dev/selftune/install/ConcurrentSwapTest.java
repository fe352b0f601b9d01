package dev.selftune.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Swaps and rollbacks while application threads call the method: every call runs one whole body, never a failure. */
class ConcurrentSwapTest {
    @Test
    void swapAndRollback_whileThreadsCallAVoidMethod_everyCallSeesOneWholeBody() throws Exception {
        HotSwapper swapper = new Agents.LoggedSwapper().swapper;
        swapper.setMinSwapInterval(Duration.ZERO);
        MethodRef fill = new MethodRef(HammerTarget.class.getName(), "fill", null);
        swapper.prepare(HammerTarget.class, fill);
        byte[] x7 = Variants.withConstant(HammerTarget.class, "fill", 3, 7);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread thread = new Thread(() -> {
                int[] a = new int[16];
                while (!stop.get()) {
                    try {
                        HammerTarget.fill(a, 2);
                        int k = (a[0]) / 2;   // 3 for the original, 7 for the variant
                        for (int i = 0; i < a.length; i++) {
                            if ((k != 3 && k != 7) || a[i] != 2 * k + i) {
                                errors.add("mixed result " + java.util.Arrays.toString(a));
                                return;
                            }
                        }
                        calls.incrementAndGet();
                    } catch (Throwable e) {
                        errors.add(e.toString());
                        return;
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (int i = 0; i < 30; i++) {
            swapper.swap(fill, "x7-" + i, x7);
            Thread.sleep(5);
            swapper.rollback(fill);
            Thread.sleep(5);
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertTrue(errors.isEmpty(), errors.toString());
        assertTrue(calls.get() > 1000, "calls: " + calls.get());
        assertEquals(HotSwapper.ORIGINAL, swapper.active(fill));
        int[] a = new int[3];
        HammerTarget.fill(a, 1);
        assertEquals(List.of(3, 4, 5), List.of(a[0], a[1], a[2]));
    }
}
