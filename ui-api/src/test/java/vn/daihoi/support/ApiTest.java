package vn.daihoi.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/** End-to-end tests: the whole application on a real PostgreSQL, driven over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTest implements CongressInSession.ApiTestAccess {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("daihoi.db.url", TestDatabase::url);
        registry.add("daihoi.db.user", TestDatabase::user);
    }

    public static final String ADMIN_PASSWORD = "test-admin-password-2026";

    /** A client signed in as the administrator of the test run. */
    public Http admin() {
        return http().as(login("admin", ADMIN_PASSWORD));
    }

    protected String login(String username, String password) {
        Http.Answer a = signIn(http(), "/api/auth/login", "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password));
        if (a.status() != 200) throw new AssertionError("login failed: " + a.raw());
        return a.body().path("token").asText();
    }

    /** Creates an account with one grant and returns a client signed in as it. */
    public Http account(String role, String scopeId) {
        String username = "u" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Http.Answer a = admin().post("/api/accounts", """
                {"username":"%s","password":"password-for-%s","grants":[{"role":"%s","scopeId":"%s"}]}"""
                .formatted(username, username, role, scopeId == null ? "" : scopeId));
        if (a.status() != 201) throw new AssertionError("account creation failed: " + a.raw());
        return http().as(login(username, "password-for-" + username));
    }

    /**
     * A sign-in for a test's set-up. The suite shares one address (127.0.0.1) and one application: when an earlier
     * test spent that address's allowance of failed sign-ins (ADR 0015), wait as the 429 says and try again.
     */
    public static Http.Answer signIn(Http client, String path, String json) {
        Http.Answer a = client.post(path, json);
        for (int i = 0; i < 5 && a.status() == 429; i++) {
            try {
                Thread.sleep(1000 * Math.max(1, a.body().path("retryAfterSeconds").asLong(1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            a = client.post(path, json);
        }
        return a;
    }

    public Http anonymous() {
        return http();
    }

    protected Http http() {
        return new Http(RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE + ", " + MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .build());
    }

    protected long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
