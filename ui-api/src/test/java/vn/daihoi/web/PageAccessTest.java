package vn.daihoi.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.CongressInSession;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' own guarantees, over plain HTTP (no browser needed to break them): every page route is listed here;
 * a page of another congress's election, results or hall answers a refusal page and none of its data, to a
 * delegate and to staff of another unit alike; a form without its CSRF token changes nothing; the session cookie is
 * HttpOnly and SameSite=Strict; every page carries the strict Content-Security-Policy; bad form input gets a page,
 * never a 500.
 */
class PageAccessTest extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Every page route: method, pattern. */
    static final Set<String> PAGES = Set.of(
            "GET /", "GET /expired",
            "GET /vote", "POST /vote", "POST /vote/sign-out",
            "GET /vote/elections/{electionId}/rounds/{round}",
            "POST /vote/elections/{electionId}/rounds/{round}/edit",
            "POST /vote/elections/{electionId}/rounds/{round}/review",
            "POST /vote/elections/{electionId}/rounds/{round}/cast",
            "GET /results", "GET /results/elections/{electionId}/rounds/{round}", "POST /results/elections/{electionId}/rounds/{round}",
            "GET /results/{linkId}", "POST /results/{linkId}",
            "GET /results/elections/{electionId}/rounds/{round}/ballots.csv", "GET /results/{linkId}/ballots.csv",
            "GET /results/elections/{electionId}/rounds/{round}/ballots.json", "GET /results/{linkId}/ballots.json",
            "GET /results/elections/{electionId}/rounds/{round}/minutes.pdf", "GET /results/{linkId}/minutes.pdf",
            "GET /hall/{congressId}", "GET /hall/{congressId}/events",
            "GET /staff", "POST /staff", "POST /staff/sign-out",
            "GET /desk/{congressId}", "POST /desk/{congressId}/search", "POST /desk/{congressId}/check-in", "GET /desk/{congressId}/events",
            "GET /console/units/{unitId}/terms", "POST /console/units/{unitId}/terms", "POST /console/units/{unitId}/terms/provisional", "GET /console/terms/{leadershipId}",
            "GET /console/terms/{leadershipId}/dossier.pdf", "POST /console/terms/{leadershipId}/recognise",
            "POST /console/terms/{leadershipId}/refuse", "POST /console/terms/{leadershipId}/offices/end",
            "POST /console/terms/{leadershipId}/by-elections", "POST /console/terms/{leadershipId}/appointments",
            "GET /console/congresses/{congressId}/first-meeting", "POST /console/congresses/{congressId}/first-meeting",
            "POST /console/congresses/{congressId}/first-meeting/{meetingId}/summon",
            "GET /console/congresses/{congressId}/upper-delegates", "POST /console/congresses/{congressId}/upper-delegates",
            // the organiser's congress console (issue 12)
            "GET /console", "GET /console/units/{unitId}/congresses/new", "POST /console/units/{unitId}/congresses/new",
            "GET /console/congresses/{congressId}", "POST /console/congresses/{congressId}/reschedule", "POST /console/congresses/{congressId}/cancel",
            "GET /console/congresses/{congressId}/session", "POST /console/congresses/{congressId}/session/open",
            "POST /console/congresses/{congressId}/session/close", "POST /console/congresses/{congressId}/session/decisions",
            "POST /console/congresses/{congressId}/session/hint",
            "GET /console/congresses/{congressId}/roll", "POST /console/congresses/{congressId}/roll/import",
            "POST /console/congresses/{congressId}/roll/delegates", "POST /console/congresses/{congressId}/roll/replace",
            "POST /console/congresses/{congressId}/roll/slips",
            "POST /desk/{congressId}/check-out", "POST /desk/{congressId}/correction",
            "GET /counting", "GET /counting/elections/{electionId}/rounds/{round}", "POST /counting/elections/{electionId}/rounds/{round}/entries",
            "GET /counting/elections/{electionId}/rounds/{round}/balance", "POST /counting/elections/{electionId}/rounds/{round}/accounting",
            "POST /counting/elections/{electionId}/rounds/{round}/key-share.pdf",
            "GET /console/congresses/{congressId}/elections", "POST /console/congresses/{congressId}/elections",
            "POST /console/congresses/{congressId}/confidence-votes", "GET /console/elections/{electionId}",
            "POST /console/elections/{electionId}/candidates", "POST /console/elections/{electionId}/withdrawal",
            "POST /console/elections/{electionId}/verdict", "POST /console/elections/{electionId}/approve-list",
            "POST /console/elections/{electionId}/rounds/confirm", "POST /console/elections/{electionId}/rounds",
            "POST /console/elections/{electionId}/rounds/{round}/late-voters", "POST /console/elections/{electionId}/rounds/{round}/paper-ballots", "POST /console/elections/{electionId}/rounds/{round}/close-confirm",
            "POST /console/elections/{electionId}/rounds/{round}/close", "GET /console/elections/{electionId}/rounds/{round}/ballot-papers.pdf",
            "GET /console/elections/{electionId}/events",
            // issue 12, units and audit
            "GET /console/units", "GET /console/units/{unitId}", "GET /console/units/new", "POST /console/units/new",
            "GET /console/units/{unitId}/{action}", "POST /console/units/{unitId}/{action}",
            "GET /audit", "GET /audit/units/{unitId}", "GET /audit/units/{unitId}/tree.csv", "GET /audit/units/{unitId}/terms",
            "GET /audit/units/{unitId}/terms.csv", "GET /audit/terms/{leadershipId}/dossier.pdf", "GET /audit/congresses/{congressId}",
            "GET /audit/units/{unitId}/holders", "GET /audit/units/{unitId}/holders.csv", "GET /audit/people/{personId}",
            "GET /audit/people/{personId}.csv", "GET /audit/units/{unitId}/season", "GET /audit/units/{unitId}/season.csv",
            "GET /audit/units/{unitId}/confidence", "GET /audit/units/{unitId}/confidence.csv",
            // ADR 0025: the API's contract (public) and Swagger UI (staff signed in on the pages), springdoc's own routes
            "GET /v3/api-docs", "GET /v3/api-docs.yaml", "GET /v3/api-docs/swagger-config", "GET /api-docs");

    /** A browser-like client: its own cookie jar, no redirects followed. */
    final class Visitor {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            // As a browser asks: a page, or the hall screen's event stream.
            String accept = path.endsWith("/events") ? "text/event-stream" : "text/html";
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form, boolean withCsrf) throws Exception {
            StringBuilder body = new StringBuilder();
            if (withCsrf) body.append("_csrf=").append(URLEncoder.encode(csrf(path), StandardCharsets.UTF_8));
            form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return raw(path, "application/x-www-form-urlencoded", body.toString());
        }

        HttpResponse<String> raw(String path, String type, String body) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", type)
                    .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The CSRF token of the session, as any page's form carries it. */
        String csrf(String path) throws Exception {
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/vote").body());
            assertThat(m.find()).as("a CSRF field on the page").isTrue();
            return m.group(1);
        }

        Visitor signedInWith(String code) throws Exception {
            HttpResponse<String> r = post("/vote", Map.of("code", code), true);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
            return this;
        }

        Visitor staff(String username, String password) throws Exception {
            HttpResponse<String> r = post("/staff", Map.of("username", username, "password", password), true);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
            return this;
        }
    }

    @Test
    void everyPageRouteTheApplicationMapsIsListedHere() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getMethodsCondition().getMethods().forEach(m ->
                info.getPatternValues().forEach(p -> mapped.add(m.name() + " " + p))));
        mapped.removeIf(e -> e.contains(" /api/") || e.contains(" /actuator") || e.contains("/error"));
        assertThat(mapped).isEqualTo(new TreeSet<>(PAGES));
    }

    @Test
    void anotherCongresssBallotResultsAndHallAreRefusedToADelegateToStaffOfAnotherUnitAndToAnyone() throws Exception {
        CongressInSession a = new CongressInSession(this, 7, 7);
        a.election(5, a.personIds.subList(0, 7));
        assertThat(a.openRound(1, null).status()).isEqualTo(201);
        for (int v = 0; v < 3; v++) a.cast(a.voters.get(v), 1, UUID.randomUUID().toString(), a.candidateIds.subList(0, 2));
        assertThat(a.close(1).status()).isEqualTo(200);
        // What only congress A's pages would show: its candidates' ids (the ballot's values) and its ballots' tracking codes.
        List<String> onlyA = new java.util.ArrayList<>(a.candidateIds);
        a.organiser.get("/api/elections/" + a.electionId + "/rounds/1").body().path("ballots").forEach(b -> onlyA.add(b.path("trackingCode").asText()));
        assertThat(onlyA).hasSize(7 + 3);

        CongressInSession b = new CongressInSession(this, 3, 3);
        Visitor otherDelegate = new Visitor().signedInWith(
                b.organiser.post(b.path("/delegates/" + b.delegateIds.get(0) + "/credential"), "").body().path("votingCode").asText());
        String username = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        assertThat(admin().post("/api/accounts", """
                {"username":"%s","password":"password-for-%s","grants":[{"role":"ORGANISER","scopeId":"%s"}]}"""
                .formatted(username, username, b.scenario.branch)).status()).isEqualTo(201);
        Visitor otherStaff = new Visitor().staff(username, "password-for-" + username);
        Visitor nobody = new Visitor();

        String ballot = "/vote/elections/" + a.electionId + "/rounds/1";
        String results = "/results/elections/" + a.electionId + "/rounds/1";
        List<String> paths = List.of(ballot, results, results + "/ballots.csv", results + "/ballots.json", results + "/minutes.pdf",
                "/hall/" + a.scenario.congress, "/hall/" + a.scenario.congress + "/events",
                "/desk/" + a.scenario.congress, "/desk/" + a.scenario.congress + "/events");
        for (Visitor v : List.of(otherDelegate, otherStaff, nobody)) {
            for (String p : paths) {
                HttpResponse<String> r = v.get(p);
                assertThat(r.statusCode()).as(p).isIn(401, 403);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).as(p).startsWith("text/html");
                assertThat(r.body()).as(p).doesNotContain(onlyA).doesNotContain("\"type\"");
            }
            HttpResponse<String> cast = v.post(ballot + "/cast", Map.of("key", UUID.randomUUID().toString(), "kept", a.candidateIds.get(5)), true);
            assertThat(cast.statusCode()).isIn(401, 403);
        }
        assertThat(a.organiser.get("/api/elections/" + a.electionId + "/rounds/1").body().path("collected").asInt())
                .as("nothing cast into the other congress's round").isEqualTo(3);
        // The same delegate of his own congress does reach his congress's pages.
        assertThat(otherDelegate.get("/vote").body()).contains("action=\"/vote/sign-out\"").doesNotContain(onlyA);
    }

    @Test
    void aFormWithoutItsCsrfTokenChangesNothingAndTheCodeStillWorksAfterwards() throws Exception {
        CongressInSession c = new CongressInSession(this, 3, 3);
        String code = c.organiser.post(c.path("/delegates/" + c.delegateIds.get(0) + "/credential"), "").body().path("votingCode").asText();
        Visitor v = new Visitor();
        v.get("/vote");
        HttpResponse<String> forged = v.post("/vote", Map.of("code", code), false);
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location").orElse("")).endsWith("/expired");
        assertThat(v.get("/vote").body()).as("not signed in").contains("id=\"code\"");
        v.signedInWith(code);
        assertThat(v.get("/vote").body()).contains("action=\"/vote/sign-out\"");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndStrictAndEveryPageCarriesTheStrictContentSecurityPolicy() throws Exception {
        Visitor v = new Visitor();
        HttpResponse<String> first = v.get("/vote");
        String cookie = first.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("DAIHOI_SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").doesNotContain("Expires");
        for (String p : List.of("/", "/vote", "/results", "/staff", "/expired", "/vote/elections/x/rounds/1")) {
            HttpResponse<String> r = v.get(p);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(p).contains("script-src 'self'").contains("default-src 'self'").doesNotContain("unsafe");
            assertThat(r.headers().firstValue("Referrer-Policy").orElse("")).isEqualTo("no-referrer");
            assertThat(r.body()).as(p).doesNotContain("<script>").doesNotContain(" style=\"").doesNotContain("onclick");
        }
        assertThat(v.get("/").body()).doesNotContain("jsessionid");
    }

    @Test
    void badFormInputGetsAPageNeverAServerError() throws Exception {
        Visitor v = new Visitor();
        v.get("/vote");
        String csrf = v.csrf("/vote");
        Map<String, String> cases = Map.of(
                "nul", "code=AB%00CD-EFGH",
                "huge", "code=" + "A".repeat(100_000),
                "empty", "code=",
                "missing", "other=1");
        for (Map.Entry<String, String> e : cases.entrySet()) {
            HttpResponse<String> r = v.raw("/vote", "application/x-www-form-urlencoded", "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&" + e.getValue());
            assertThat(r.statusCode()).as(e.getKey()).isIn(422, 429);
            assertThat(r.body()).as(e.getKey()).contains("error-summary").doesNotContain("Exception");
        }
        HttpResponse<String> json = v.raw("/vote", "application/json", "{\"code\":\"ABCD-EFGH\"}");
        assertThat(json.statusCode()).as("a JSON body is no form: refused by CSRF, nothing read").isEqualTo(302);
        HttpResponse<String> unknown = v.get("/vote/elections/" + "x".repeat(500) + "/rounds/1");
        assertThat(unknown.statusCode()).isIn(403, 404);
        assertThat(unknown.body()).doesNotContain("Exception");
        HttpResponse<String> notANumber = v.get("/vote/elections/e/rounds/abc");
        assertThat(notANumber.statusCode()).isLessThan(500);
        HttpResponse<String> missing = v.get("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }
}
