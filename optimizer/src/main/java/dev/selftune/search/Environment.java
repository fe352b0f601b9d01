package dev.selftune.search;

import dev.selftune.measure.Machine;

/** Where a measurement was made: JVM version and vendor, and the CPU model, as evidence and as a wisdom key. */
public record Environment(String jvmVersion, String jvmVendor, String cpu) {

    public static Environment current() {
        return new Environment(System.getProperty("java.vm.version", System.getProperty("java.version")),
                System.getProperty("java.vm.vendor", "unknown"), cpuModel());
    }

    /**
     * The JVM as wisdom keys it: full runtime version plus VM name and vendor, since results differ
     * between JDK builds and a decision is never reused across them.
     */
    public String jvmKey() {
        String jvm = System.getProperty("java.runtime.version", Runtime.version().toString()) + " "
                + System.getProperty("java.vm.name", "") + " " + jvmVendor;
        return jvm.trim();
    }

    static String cpuModel() {
        return Machine.cpuModel();
    }
}
