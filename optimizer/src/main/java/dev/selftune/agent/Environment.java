package dev.selftune.agent;

/**
 * The JVM, CPU and code-generation flags ({@link CodegenFlags}) a decision was measured on, as wisdom
 * keys them (DESIGN.md, invariant 5); {@code flags} is "" when the JVM runs with none of them.
 */
record Environment(String jvm, String cpu, String flags) {
    Environment(String jvm, String cpu) {
        this(jvm, cpu, "");
    }

    /* One source for JVM and CPU: the tuner reports the same CPU and JVM it keys wisdom with. */
    static Environment current() {
        dev.selftune.search.Environment e = dev.selftune.search.Environment.current();
        return new Environment(e.jvmKey(), e.cpu(), CodegenFlags.key(CodegenFlags.host()));
    }
}
