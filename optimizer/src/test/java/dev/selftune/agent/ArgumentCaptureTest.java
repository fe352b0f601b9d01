package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;

class ArgumentCaptureTest {
    static final class Host {
        static int work(int x, String s) {
            return x + s.length();
        }
    }

    @Test
    void capture_whileHookedAndAfter_everySystemPropertyIsAString() throws Exception {
        List<String> violations = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            int i = 0;
            while (!stop.get()) {
                if (Host.work(i++ % 50, "ab") < 0) {
                    violations.add("wrong result");
                }
                System.getProperties().forEach((k, v) -> {
                    if (!(k instanceof String) || !(v instanceof String)) {
                        violations.add(k + "=" + v.getClass().getName());
                    }
                });
            }
        });
        caller.setDaemon(true);
        caller.start();
        Events events = new Events(null, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        CaptureSink sink;
        try {
            sink = new ArgumentCapture(ByteBuddyAgent.install(), events)
                    .capture(Host.class, new MethodRef(Host.class.getName(), "work", "(ILjava/lang/String;)I"), Duration.ofSeconds(20));
        } finally {
            stop.set(true);
            caller.join();
        }
        assertEquals(ArgumentCapture.MAX_CALLS, sink.rows().size());
        assertEquals("ab", sink.rows().get(0)[1]);
        assertTrue(violations.isEmpty(), violations.toString());
        System.getProperties().forEach((k, v) -> assertArrayEquals(new boolean[] {true, true},
                new boolean[] {k instanceof String, v instanceof String}, String.valueOf(k)));
        assertEquals(7, Host.work(5, "ab"));
    }
}
