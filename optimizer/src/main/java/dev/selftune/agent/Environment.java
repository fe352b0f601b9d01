package dev.selftune.agent;

/** The JVM and CPU a decision was measured on, as wisdom keys them (DESIGN.md, invariant 5). */
record Environment(String jvm, String cpu) {
    /* One source for both: the tuner reports the same CPU and JVM it keys wisdom with. */
    static Environment current() {
        dev.selftune.search.Environment e = dev.selftune.search.Environment.current();
        return new Environment(e.jvmKey(), e.cpu());
    }
}
