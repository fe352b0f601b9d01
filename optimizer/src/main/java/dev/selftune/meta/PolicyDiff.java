package dev.selftune.meta;

import dev.selftune.generate.Policy;
import dev.selftune.search.PolicyFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a child policy changed from its parent: per policy-file key, {from, to}; ranges per range key. */
final class PolicyDiff {
    private PolicyDiff() { }

    static Map<String, Object> of(Policy parent, Policy child) {
        Map<String, Object> from = PolicyFile.toMap(parent);
        Map<String, Object> to = PolicyFile.toMap(child);
        Map<String, Object> diff = new LinkedHashMap<>();
        for (String key : to.keySet()) {
            if (key.equals("ranges")) {
                for (String r : Policy.RANGE_KEYS) {
                    List<Integer> a = parent.ranges().get(r);
                    List<Integer> b = child.ranges().get(r);
                    if (!Objects.equals(a, b)) {
                        diff.put("ranges." + r, change(a, b));
                    }
                }
            } else if (!Objects.equals(from.get(key), to.get(key))) {
                diff.put(key, change(from.get(key), to.get(key)));
            }
        }
        return diff;
    }

    /** One line for the HTML lineage: {@code maxDepth 3→4; transforms [..]→[..]}. */
    static String text(Map<String, Object> diff) {
        if (diff.isEmpty()) {
            return "unchanged";
        }
        StringBuilder sb = new StringBuilder();
        diff.forEach((k, v) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> c = (Map<String, Object>) v;
            sb.append(sb.length() == 0 ? "" : "; ").append(k).append(' ').append(c.get("from")).append(" → ").append(c.get("to"));
        });
        return sb.toString();
    }

    private static Map<String, Object> change(Object a, Object b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", a);
        m.put("to", b);
        return m;
    }
}
