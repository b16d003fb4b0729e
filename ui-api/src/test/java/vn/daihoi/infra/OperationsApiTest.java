package vn.daihoi.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Http.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/** Health covers the database and the event processors (details for administrators); request logs carry no request data. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsApiTest extends ApiTest {

    @Test
    void healthIsUpAndCoversTheDatabaseAndTheEventProcessors() {
        // ADR 0015: the components are shown to administrators only (HealthDetailsApiTest: anonymous callers see the status).
        Answer health = admin().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("UP");
        assertThat(health.body().path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.body().path("components").path("eventProcessors").path("details").path("units")
                .path("running").asBoolean()).isTrue();
    }

    @Test
    void requestLogsNameTheRouteButNotTheRequestsContent(CapturedOutput output) {
        String secret = "Nguyễn Thị Bí Mật";
        admin().post("/api/units", """
                {"code":"LOG1","name":"%s","kind":"BRANCH_UNION","parentUnitId":"nobody",
                 "effectiveOn":"2018-01-01","decision":{"number":"1/QĐ"}}""".formatted(secret));
        admin().get("/api/units/by-code/SECRETCODE?asOf=2020-01-01");
        assertThat(output.getAll()).contains("POST /api/units 422").contains("GET /api/units/by-code/{code} 404");
        assertThat(output.getAll()).doesNotContain(secret).doesNotContain("SECRETCODE");
    }
}
