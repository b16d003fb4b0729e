package vn.daihoi.readmodel;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * A projection that owns read-model tables. Its reset empties exactly these tables, and a replay builds them
 * in a schema of their own before it swaps them in (docs/adr/0016), so the list must name every table the
 * projection writes.
 */
public interface ReadModel {

    List<String> tables();

    /** Empties the tables, in whichever schema the current transaction's {@code search_path} names first. */
    default void truncate(JdbcTemplate jdbc) {
        jdbc.update("truncate " + String.join(", ", tables()));
    }
}
