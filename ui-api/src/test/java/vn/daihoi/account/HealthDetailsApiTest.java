package vn.daihoi.account;

import org.junit.jupiter.api.Test;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Http.Answer;
import vn.daihoi.support.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 9, finding 9 (ADR 0015): anyone may ask whether the application is up; only administrators see why. */
class HealthDetailsApiTest extends ApiTest {

    @Test
    void anAnonymousCallerSeesOnlyTheStatusAndAnAdministratorSeesTheComponents() {
        Answer anonymous = anonymous().get("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body().path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.body().has("components")).as(anonymous.raw()).isFalse();
        assertThat(anonymous.body().has("details")).as(anonymous.raw()).isFalse();
        assertThat(anonymous.raw()).doesNotContainIgnoringCase("postgres").doesNotContain("db");

        Answer admin = admin().get("/actuator/health");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body().path("components").has("db")).as(admin.raw()).isTrue();
        assertThat(admin.body().path("components").path("db").has("details")).as(admin.raw()).isTrue();
    }

    @Test
    void anOrganiserSeesNoMoreThanAnAnonymousCaller() {
        Scenario s = new Scenario(admin()).units();
        Answer organiser = account("ORGANISER", s.branch).get("/actuator/health");
        assertThat(organiser.status()).isEqualTo(200);
        assertThat(organiser.body().has("components")).as(organiser.raw()).isFalse();
    }

    @Test
    void theProbesStayPublicAndShowOnlyTheirStatus() {
        for (String probe : new String[]{"/actuator/health/liveness", "/actuator/health/readiness"}) {
            Answer a = anonymous().get(probe);
            assertThat(a.status()).as(probe + " " + a.raw()).isEqualTo(200);
            assertThat(a.body().path("status").asText()).isEqualTo("UP");
            assertThat(a.body().has("components")).as(probe + " " + a.raw()).isFalse();
        }
    }
}
