package dev.selftune.mutate;

import java.util.function.Consumer;
import org.objectweb.asm.tree.MethodNode;

/**
 * One small semantic change at one instruction of one method: {@code apply} replays it on a fresh
 * copy of that method, so every mutant starts from the original bytes.
 */
record Edit(String operator, String method, int index, String detail, Consumer<MethodNode> apply) {
    @Override
    public String toString() {
        return operator + " @" + method + "#" + index + ": " + detail;
    }
}
