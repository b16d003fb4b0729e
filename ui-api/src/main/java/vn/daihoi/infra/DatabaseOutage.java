package vn.daihoi.infra;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * ADR 0012: a failure that only says the database cannot be reached right now (no connection, the connection
 * broke, the server is shutting down or restarting). Whether the request was carried out cannot be known when the
 * connection broke during its commit; it answers 503 and the client sends it again, with the same
 * {@code Idempotency-Key} where one is used, which makes the retry safe.
 * A failure with an SQL state says precisely what it is and wins over the exception's type: a value too long
 * (54000) is the request's fault, not an outage.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable e) {
        boolean outageType = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return connectionState(s.getSQLState());
            }
            if (t instanceof SQLTransientConnectionException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException || t instanceof TransientDataAccessResourceException
                    || t instanceof DataAccessResourceFailureException) {
                outageType = true;
            }
        }
        return outageType;
    }

    /** Class 08 (connection exception); 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now. */
    static boolean connectionState(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    public static ResponseEntity<ProblemDetail> problem() {
        ResponseEntity<ProblemDetail> p = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", null, null,
                "problem.database-unavailable");
        return ResponseEntity.status(p.getStatusCode()).headers(p.getHeaders()).header("Retry-After", "2").body(p.getBody());
    }
}
