package vn.daihoi.infra;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0012: which failures are the database being briefly unreachable (503, retry) and which are not. */
class DatabaseOutageTest {

    private final Problems problems = new Problems(ProblemTexts.bundled());

    @Test
    void aConnectionThatBrokeOrCouldNotBeHadIsAnOutage() {
        assertThat(DatabaseOutage.causedBy(new DataAccessResourceFailureException("io",
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE)))).isTrue();
        assertThat(DatabaseOutage.causedBy(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("daihoi - Connection is not available, request timed out after 2000ms.")))).isTrue();
        assertThat(DatabaseOutage.causedBy(new CannotGetJdbcConnectionException("refused",
                new SQLException("Connection to 127.0.0.1:54329 refused.", "08001")))).isTrue();
        for (String shutdown : new String[]{"57P01", "57P02", "57P03"}) {
            assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLException("terminating connection", shutdown)))).as(shutdown).isTrue();
        }
    }

    @Test
    void aRequestTheDatabaseRefusedIsNotAnOutageWhateverTheExceptionsType() {
        // 54000 (program limit exceeded) is translated to DataAccessResourceFailureException, but it is the request's fault.
        assertThat(DatabaseOutage.causedBy(new DataAccessResourceFailureException("too big", new SQLException("index row size", "54000")))).isFalse();
        assertThat(DatabaseOutage.causedBy(new DataIntegrityViolationException("dup", new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("a ballot could neither be cast nor refused"))).isFalse();
    }

    @Test
    void anOutageAnswers503ProblemWithRetryAfterAndAnythingElseOfThoseTypesStays500() {
        var outage = problems.unavailable(new CannotCreateTransactionException("x", new SQLTransientConnectionException("timeout")));
        assertThat(outage.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(outage.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(outage.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(outage.getBody().getProperties()).containsEntry("code", "database-unavailable");
        assertThat(outage.getBody().getTitle()).isEqualTo("Cơ sở dữ liệu tạm thời không truy cập được; yêu cầu có thể chưa được thực hiện. Hãy gửi lại sau vài giây.");
        assertThat(outage.getBody().getProperties().get("titleEn").toString()).startsWith("The database is briefly unreachable");

        var wrapped = problems.wrapped(new org.axonframework.commandhandling.CommandExecutionException("failed",
                new DataAccessResourceFailureException("io", new SQLException("connection reset", "08006"))));
        assertThat(wrapped.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        var notOutage = problems.unavailable(new DataAccessResourceFailureException("too big", new SQLException("index row size", "54000")));
        assertThat(notOutage.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
