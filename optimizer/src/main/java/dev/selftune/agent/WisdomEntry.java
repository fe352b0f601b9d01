package dev.selftune.agent;

import dev.selftune.api.MethodRef;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One remembered winner: the method, the original class file's SHA-256, the JVM and CPU it won on,
 * the whole winner class and the evidence that made it win.
 */
record WisdomEntry(MethodRef method, String classSha256, String jvm, String cpu, String variantId,
                   byte[] winnerClass, Map<String, Object> evidence) {

    WisdomEntry {
        if (method.descriptor() == null) {
            throw new IllegalArgumentException("method " + method + " has no descriptor");
        }
        if (classSha256 == null || !classSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("classSha256 '" + classSha256 + "' is not a lower-case hex SHA-256");
        }
        if (jvm == null || cpu == null || variantId == null || winnerClass == null || winnerClass.length < 10) {
            throw new IllegalArgumentException("jvm, cpu, variantId and winnerClass are required");
        }
        winnerClass = winnerClass.clone();
        evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    @Override
    public byte[] winnerClass() {
        return winnerClass.clone();
    }

    /** The key: SHA-256 over class hash, method, JVM and CPU. */
    String key() {
        return ClassFiles.sha256((classSha256 + "\n" + method + "\n" + jvm + "\n" + cpu).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Why the entry cannot be used here, or null when it matches the class bytes hash and environment. */
    String staleReason(String currentClassSha, Environment env) {
        if (!jvm.equals(env.jvm())) {
            return "recorded on JVM '" + jvm + "', this is '" + env.jvm() + "'";
        }
        if (!cpu.equals(env.cpu())) {
            return "recorded on CPU '" + cpu + "', this is '" + env.cpu() + "'";
        }
        if (currentClassSha != null && !classSha256.equals(currentClassSha)) {
            return "the class file changed since (sha256 " + classSha256.substring(0, 12) + "… recorded, "
                    + currentClassSha.substring(0, 12) + "… now)";
        }
        return null;
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key());
        m.put("method", method.toString());
        m.put("classSha256", classSha256);
        m.put("jvm", jvm);
        m.put("cpu", cpu);
        m.put("variantId", variantId);
        m.put("winnerClass", Base64.getEncoder().encodeToString(winnerClass));
        m.put("evidence", evidence);
        return m;
    }

    /** Parses one entry; throws IllegalArgumentException naming what is wrong. */
    @SuppressWarnings("unchecked")
    static WisdomEntry fromJson(Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("entry is not a JSON object");
        }
        MethodRef method = MethodRef.parse(string(m, "method"));
        Object ev = m.get("evidence");
        WisdomEntry e = new WisdomEntry(method, string(m, "classSha256"), string(m, "jvm"), string(m, "cpu"),
                string(m, "variantId"), Base64.getDecoder().decode(string(m, "winnerClass")),
                ev instanceof Map ? (Map<String, Object>) ev : Map.of());
        Object key = m.get("key");
        if (key != null && !key.equals(e.key())) {
            throw new IllegalArgumentException("key does not match its fields (edited by hand?)");
        }
        return e;
    }

    private static String string(Map<?, ?> m, String field) {
        Object v = m.get(field);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a string");
        }
        return s;
    }
}
