package vn.daihoi.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.daihoi.DaiHoiApplication;
import vn.daihoi.support.Http;

import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0002: with no DB_URL the application runs on an embedded PostgreSQL whose data directory survives a
 * restart. Two full starts on the same directory, as the README's first command does.
 */
class EmbeddedDefaultTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(int pgPort) {
        return new SpringApplicationBuilder(DaiHoiApplication.class)
                .profiles("test")
                .run("--server.port=0", "--daihoi.db.url=", "--daihoi.data-dir=" + dataDir, "--daihoi.embedded.port=" + pgPort);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Http http(ConfigurableApplicationContext ctx) {
        int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        Http anonymous = Http.to("http://localhost:" + port);
        Http.Answer login = anonymous.post("/api/auth/login",
                "{\"username\":\"admin\",\"password\":\"" + vn.daihoi.support.ApiTest.ADMIN_PASSWORD + "\"}");
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        return anonymous.as(login.body().path("token").asText());
    }

    @Test
    void unitsRegisteredOnTheEmbeddedDatabaseSurviveARestart() throws Exception {
        int pgPort = freePort();
        String unitId;
        try (ConfigurableApplicationContext first = start(pgPort)) {
            Http.Answer a = http(first).post("/api/units", """
                    {"code":"NN","name":"Liên đoàn Lao động thị xã Ngã Năm","kind":"PROVINCIAL_FEDERATION",
                     "effectiveOn":"2022-01-01","decision":{"number":"1/QĐ"}}""");
            assertThat(a.status()).as(a.raw()).isEqualTo(201);
            unitId = a.body().path("unit").path("unitId").asText();
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
        try (ConfigurableApplicationContext second = start(pgPort)) {
            Http.Answer a = http(second).get("/api/units/" + unitId + "?asOf=2023-01-01");
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body().path("unit").path("name").asText()).isEqualTo("Liên đoàn Lao động thị xã Ngã Năm");
        }
    }
}
