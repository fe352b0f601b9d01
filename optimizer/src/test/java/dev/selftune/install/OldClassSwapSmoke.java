package dev.selftune.install;

import java.nio.file.Path;
import org.objectweb.asm.Opcodes;

/**
 * {@link OldClassSwapTest}'s scenario in a child JVM started with {@code -javaagent} (see
 * OldClassSwapJdk25Test); prints "OLD SWAP OK &lt;release&gt;" last.
 */
public final class OldClassSwapSmoke {
    private OldClassSwapSmoke() { }

    public static void main(String[] args) throws Exception {
        for (int version : new int[] {Opcodes.V1_1, Opcodes.V1_4, Opcodes.V1_6}) {
            /* A swapper per class: sites are keyed by class name, and each version is a class of the same name. */
            HotSwapper swapper = new HotSwapper(TestAgent.inst, line -> System.out.println("log: " + line));
            OldClassSwapTest.scenario(swapper, Path.of(args[0]), version);
        }
        System.out.println("OLD SWAP OK " + Runtime.version().feature());
    }
}
