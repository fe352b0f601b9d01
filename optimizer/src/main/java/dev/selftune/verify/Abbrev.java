package dev.selftune.verify;

import java.lang.reflect.Array;
import java.util.Map;

/** Short, readable renderings of values and rows for counterexamples in reports. */
final class Abbrev {
    static final int MAX_ITEMS = 8;
    static final int MAX_CHARS = 240;

    private Abbrev() { }

    static String show(Object v) {
        StringBuilder sb = new StringBuilder();
        append(sb, v, 0);
        return cut(sb.toString());
    }

    static String row(Object[] row) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            append(sb, row[i], 0);
        }
        return cut(sb.append(')').toString());
    }

    private static void append(StringBuilder sb, Object v, int depth) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String) {
            String s = (String) v;
            sb.append('"').append(s.length() > 24 ? s.substring(0, 24) + "…(" + s.length() + " chars)" : s).append('"');
        } else if (v.getClass().isArray()) {
            int n = Array.getLength(v);
            sb.append(v.getClass().getComponentType().getSimpleName()).append('[').append(n).append("]{");
            for (int i = 0; i < Math.min(n, MAX_ITEMS); i++) {
                sb.append(i > 0 ? ", " : "");
                append(sb, Array.get(v, i), depth + 1);
            }
            sb.append(n > MAX_ITEMS ? ", …}" : "}");
        } else if (v instanceof Snapshot.Seq) {
            Snapshot.Seq s = (Snapshot.Seq) v;
            append(sb, s.items().toArray(), depth);
        } else if (v instanceof Snapshot.Obj) {
            Snapshot.Obj o = (Snapshot.Obj) v;
            sb.append(simple(o.type())).append('{');
            int i = 0;
            for (Map.Entry<String, Object> e : o.fields().entrySet()) {
                if (i++ == MAX_ITEMS || depth > 2) {
                    sb.append("…");
                    break;
                }
                sb.append(i > 1 ? ", " : "").append(e.getKey()).append('=');
                append(sb, e.getValue(), depth + 1);
            }
            sb.append('}');
        } else if (v instanceof Snapshot.Opaque) {
            Snapshot.Opaque o = (Snapshot.Opaque) v;
            sb.append(simple(o.type())).append(o.text().isEmpty() ? "" : "(" + o.text() + ")");
        } else if (v instanceof Float) {
            sb.append(v).append('f');
        } else if (v instanceof Long) {
            sb.append(v).append('L');
        } else {
            sb.append(v);
        }
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static String cut(String s) {
        return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS) + "…";
    }
}
