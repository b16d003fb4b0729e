package vn.daihoi.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the secrecy adversary of ADR 0008 reads: every persisted row as text, events with payload and metadata decoded. */
public final class Persisted {
    private Persisted() {}

    public static Map<String, List<String>> everything(JdbcTemplate jdbc) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables where table_schema = current_schema() "
                + "and table_type = 'BASE TABLE'", String.class)) {
            if (table.equals("domain_event_entry")) {
                rows.put(table, jdbc.queryForList("select global_index || ' ' || time_stamp || ' ' || payload_type || ' ' || "
                        + "convert_from(payload, 'UTF8') || ' ' || coalesce(convert_from(meta_data, 'UTF8'), '') from domain_event_entry", String.class));
            } else {
                rows.put(table, jdbc.queryForList("select x::text from \"" + table + "\" x", String.class));
            }
        }
        return rows;
    }
}
