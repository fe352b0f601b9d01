package dev.selftune.agent;

import dev.selftune.api.MethodRef;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One remembered winner: the method, the original class file's SHA-256, the JVM, CPU and code-generation
 * flags it won on, the whole winner class (stored with its SHA-256) and the evidence that made it win.
 */
record WisdomEntry(MethodRef method, String classSha256, String jvm, String cpu, String flags, String variantId,
                   byte[] winnerClass, Map<String, Object> evidence) {
    /*
     * A wisdom file holds executable class bytes. The winner's SHA-256 is stored next to them and
     * checked on load, so bytes corrupted or edited without the hash are refused like any corrupt
     * entry. That is integrity, not authenticity: whoever can write the file can write both, so it
     * must be protected like the agent jar itself (README, "Wisdom").
     */

    WisdomEntry(MethodRef method, String classSha256, Environment env, String variantId, byte[] winnerClass,
                Map<String, Object> evidence) {
        this(method, classSha256, env.jvm(), env.cpu(), env.flags(), variantId, winnerClass, evidence);
    }

    WisdomEntry {
        if (method.descriptor() == null) {
            throw new IllegalArgumentException("method " + method + " has no descriptor");
        }
        if (classSha256 == null || !classSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("classSha256 '" + classSha256 + "' is not a lower-case hex SHA-256");
        }
        if (jvm == null || cpu == null || flags == null || variantId == null || winnerClass == null || winnerClass.length < 10) {
            throw new IllegalArgumentException("jvm, cpu, variantId and winnerClass are required");
        }
        winnerClass = winnerClass.clone();
        evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    @Override
    public byte[] winnerClass() {
        return winnerClass.clone();
    }

    /** The SHA-256 of the winner class bytes. */
    String winnerSha256() {
        return ClassFiles.sha256(winnerClass);
    }

    /** The key: SHA-256 over class hash, method, JVM, CPU, code-generation flags and the winner's hash. */
    String key() {
        return ClassFiles.sha256((classSha256 + "\n" + method + "\n" + jvm + "\n" + cpu + "\n" + flags + "\n" + winnerSha256())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Why the entry cannot be used here, or null when it matches the class bytes hash and environment. */
    String staleReason(String currentClassSha, Environment env) {
        if (!jvm.equals(env.jvm())) {
            return "recorded on JVM '" + jvm + "', this is '" + env.jvm() + "'";
        }
        if (!cpu.equals(env.cpu())) {
            return "recorded on CPU '" + cpu + "', this is '" + env.cpu() + "'";
        }
        if (!flags.equals(env.flags())) {
            return "recorded with code-generation flags '" + flags + "', this JVM has '" + env.flags() + "'";
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
        m.put("flags", flags);
        m.put("variantId", variantId);
        m.put("winnerSha256", winnerSha256());
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
        WisdomEntry e = new WisdomEntry(method, string(m, "classSha256"), string(m, "jvm"), string(m, "cpu"), string(m, "flags"),
                string(m, "variantId"), Base64.getDecoder().decode(string(m, "winnerClass")),
                ev instanceof Map ? (Map<String, Object>) ev : Map.of());
        String recorded = string(m, "winnerSha256");
        if (!recorded.equals(e.winnerSha256())) {
            throw new IllegalArgumentException("the winner class bytes do not match their SHA-256 (" + recorded.substring(0, Math.min(12, recorded.length()))
                    + "… recorded, " + e.winnerSha256().substring(0, 12) + "… found): corrupt or edited; delete the entry, the method will be tuned again");
        }
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
