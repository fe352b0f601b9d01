package dev.selftune.install;

import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.bytebuddy.agent.ByteBuddyAgent;

/** The test JVM's Instrumentation (ByteBuddyAgent self-attach) and a swapper whose log lines are kept. */
final class Agents {
    static final Instrumentation INST = ByteBuddyAgent.install();

    private Agents() { }

    static final class LoggedSwapper {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final HotSwapper swapper = new HotSwapper(INST, lines::add);

        long count(String fragment) {
            return lines.stream().filter(l -> l.contains(fragment)).count();
        }
    }
}
