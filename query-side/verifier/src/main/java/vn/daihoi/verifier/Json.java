package vn.daihoi.verifier;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/** Compares a stated result with the recount, field by field, and names the first difference. */
final class Json {
    private Json() {}

    /** Where a stated value differs from the recount. */
    record Difference(String path, String stated, String recount) {}

    /** The first field of {@code recount} that {@code stated} lacks or holds differently; null when none. Extra stated fields are ignored. */
    static Difference first(JsonNode recount, JsonNode stated, String path) {
        if (recount.isObject()) {
            if (stated == null || !stated.isObject()) return new Difference(path, show(stated), "{…}");
            for (Iterator<Map.Entry<String, JsonNode>> it = recount.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                Difference d = first(f.getValue(), stated.get(f.getKey()), path.isEmpty() ? f.getKey() : path + "." + f.getKey());
                if (d != null) return d;
            }
            return null;
        }
        if (recount.isArray()) {
            if (stated == null || !stated.isArray()) return new Difference(path, show(stated), recount.toString());
            for (int i = 0; i < Math.min(recount.size(), stated.size()); i++) {
                Difference d = first(recount.get(i), stated.get(i), path + "[" + i + "]");
                if (d != null) return d;
            }
            if (recount.size() != stated.size()) return new Difference(path + ".length", String.valueOf(stated.size()), String.valueOf(recount.size()));
            return null;
        }
        boolean same = stated != null && stated.getNodeType() == recount.getNodeType() && stated.asText().equals(recount.asText());
        return same ? null : new Difference(path, show(stated), recount.toString());
    }

    private static String show(JsonNode n) {
        return n == null ? "(không có/missing)" : n.toString();
    }
}
