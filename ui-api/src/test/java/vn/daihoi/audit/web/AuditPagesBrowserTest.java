package vn.daihoi.audit.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.daihoi.support.ConfidenceVote;
import vn.daihoi.support.ConsolePages;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.Http;
import vn.daihoi.support.PageTest;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 9 and acceptance 2 and 5 (auditor's half): an auditor of the province, at a desktop, finds the
 * branch union's 2017–2023 term (imported) and 2023–2028 term (elected and recognised, R-03) on a timeline, who was
 * chair on 2024-06-01, opens the evidence behind it, follows the chair across terms, reads the congress
 * season with its overdue units and the confidence vote's flags, and downloads each list as CSV. No page
 * offers him anything that changes data, and the API refuses him when he tries anyway.
 */
class AuditPagesBrowserTest extends PageTest {

    private static String decision(String number, String on) {
        return "{\"number\":\"%s\",\"signedOn\":\"%s\",\"issuedBy\":\"Công đoàn Viên chức tỉnh Sóc Trăng\"}".formatted(number, on);
    }

    /** Opens, votes and counts a one-round election at the congress in which every voter keeps {@code keptPersons}. */
    private static String elect(CongressInSession c, String body, int seats, List<String> candidates, List<String> keptPersons, String title) {
        Http.Answer e = c.organiser.post(c.path("/elections"), "{\"body\":\"%s\",\"seats\":%d,\"title\":\"%s\"}".formatted(body, seats, title));
        assertThat(e.status()).as(e.raw()).isEqualTo(201);
        String id = e.body().path("electionId").asText();
        for (String p : candidates) {
            Http.Answer n = c.organiser.post("/api/elections/" + id + "/candidates", "{\"personId\":\"" + p + "\",\"source\":\"OUTGOING_COMMITTEE\"}");
            assertThat(n.status()).as(n.raw()).isEqualTo(200);
        }
        String list = c.decide("CANDIDATE_LIST", title, candidates, null);
        Http.Answer a = c.organiser.post("/api/elections/" + id + "/approve-list", "{\"listDecisionId\":\"" + list + "\"}");
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        List<String> kept = new ArrayList<>();
        for (JsonNode cand : a.body().path("candidates")) {
            if (keptPersons.contains(cand.path("personId").asText())) kept.add("\"" + cand.path("candidateId").asText() + "\"");
        }
        assertThat(c.openRound(id, 1, null).status()).isEqualTo(201);
        for (Http voter : c.voters) {
            Http.Answer cast = voter.postWithHeader("/api/elections/" + id + "/rounds/1/ballots", "{\"keptCandidateIds\":[" + String.join(",", kept) + "]}",
                    "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(cast.status()).as(cast.raw()).isEqualTo(201);
        }
        assertThat(c.close(id, 1).body().path("status").asText()).isEqualTo("COUNTED");
        return id;
    }

    @Test
    void anAuditorOfTheProvinceFindsBothTermsTheChairOnADateAndTheEvidenceAndCanChangeNothing() throws Exception {
        // ---- set up through the API: an imported term, an elected and recognised one, a confidence vote, a season.
        CongressInSession c = new CongressInSession(this, 12, 10);
        Http upper = account("ORGANISER", c.scenario.upper);
        List<String> p = c.personIds;
        String chair = p.get(11);
        Http.Answer past = upper.post("/api/units/" + c.scenario.branch + "/terms/import", """
                {"term":{"startYear":2017,"endYear":2023},"congressOrdinal":9,"congressDate":"2017-12-20","seats":5,
                 "termShift":{"decision":%s,"months":12},"recognisedOn":"2018-01-10","decision":%s,
                 "holdings":[{"personId":"%s","office":"COMMITTEE_MEMBER"},{"personId":"%s","office":"CHAIR"},
                             {"personId":"%s","office":"COMMITTEE_MEMBER"},{"personId":"%s","office":"COMMITTEE_MEMBER"},
                             {"personId":"%s","office":"COMMITTEE_MEMBER"}]}"""
                .formatted(decision("88/QĐ-LĐLĐ", "2017-11-01"), decision("12/QĐ-CĐVC", "2018-01-10"), chair, chair, p.get(6), p.get(7), p.get(8)));
        assertThat(past.status()).as(past.raw()).isEqualTo(201);
        String imported = past.body().path("leadershipId").asText();

        c.decide("COMMITTEE_SIZE", "Số lượng Ban Chấp hành", List.of(), 5);
        String committee = elect(c, "EXECUTIVE_COMMITTEE", 5, p.subList(6, 12), List.of(p.get(6), p.get(7), p.get(8), p.get(9), chair),
                "Bầu Ban Chấp hành khóa X");
        String chairElection = elect(c, "CHAIR", 1, List.of(chair), List.of(chair), "Bầu Chủ tịch Công đoàn cơ sở");

        // A confidence vote in which every voter rates the first official low: flagged for dismissal.
        ConfidenceVote vote = new ConfidenceVote(c, p.subList(0, 2), List.of("Chủ tịch", "Phó Chủ tịch"));
        assertThat(vote.openRound(1).status()).isEqualTo(201);
        for (Http voter : c.voters) {
            Http.Answer rated = vote.rate(voter, 1, UUID.randomUUID().toString(), "LOW", "HIGH");
            assertThat(rated.status()).as(rated.raw()).isEqualTo(201);
        }
        assertThat(vote.close(1).status()).isEqualTo(200);
        Http.Answer closed = c.organiser.post(c.path("/close"), "");
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);

        Http.Answer submitted = c.organiser.post("/api/units/" + c.scenario.branch + "/terms",
                "{\"electionIds\":[\"" + committee + "\",\"" + chairElection + "\"]}");
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        String current = submitted.body().path("leadershipId").asText();
        Http.Answer recognised = upper.post("/api/terms/" + current + "/recognise",
                "{\"recognisedOn\":\"2023-06-15\",\"decision\":" + decision("125/QĐ-CĐVC", "2023-06-15") + "}");
        assertThat(recognised.status()).as(recognised.raw()).isEqualTo(200);

        // The federation's deadlines, and a second branch union that never held its congress: overdue.
        Http federation = account("ORGANISER", c.scenario.province);
        Http.Answer deadline = federation.post("/api/units/" + c.scenario.province + "/congress-season/2023/deadline",
                "{\"congressBy\":\"2023-12-31\",\"recognitionBy\":\"2024-03-31\",\"decision\":" + decision("30/KH-LĐLĐ", "2023-01-05") + "}");
        assertThat(deadline.status()).as(deadline.raw()).isEqualTo(200);
        String late = c.scenario.unit("STC", "Công đoàn cơ sở Sở Tài chính tỉnh Sóc Trăng", "BRANCH_UNION", c.scenario.upper);

        // ---- the auditor of the province, in the browser.
        String[] auditor = staffAccount("AUDITOR", c.scenario.province);
        forgetSession(browser);
        browser.desktop();
        browser.open(base() + "/staff");
        find("#username").sendKeys(auditor[0]);
        find("#password").sendKeys(auditor[1]);
        find("form button[type=submit]").click();
        waitFor("[data-staff-links]");
        assertThat(all("[data-link=units]")).as("an auditor is offered no unit registry").isEmpty();
        find("[data-link=audit]").click();
        waitFor("[data-audit-index]");
        assertThat(find("[data-root]").getAttribute("data-root")).isEqualTo(c.scenario.province);
        readOnly("audit-index");

        // The tree on a date, chosen with the date picker (a GET form).
        find("[data-root] a").click();
        waitFor("[data-audit-tree]");
        pick("#on", "2024-06-01");
        waitFor("[data-unit='" + c.scenario.branch + "']");
        assertThat(driver().getCurrentUrl()).contains("on=2024-06-01");
        assertThat(all("[data-unit='" + late + "']")).as("registered in 2017, so on the tree in 2024").hasSize(1);
        readOnly("audit-tree");

        // The branch union's terms as a timeline.
        find("[data-unit='" + c.scenario.branch + "']").click();
        waitFor("[data-audit-terms]");
        List<WebElement> terms = all("li.term");
        assertThat(terms).extracting(t -> t.getAttribute("data-term")).containsExactly("2017–2023", "2023–2028");
        assertThat(terms.get(0).getAttribute("data-status")).isEqualTo("IMPORTED");
        assertThat(terms.get(1).getAttribute("data-status")).isEqualTo("RECOGNISED");
        assertThat(terms.get(1).findElements(By.cssSelector("tr[data-office=CHAIR]"))).singleElement()
                .satisfies(r -> assertThat(r.getAttribute("data-person")).isEqualTo(chair));
        assertThat(terms.get(1).findElement(By.cssSelector("[data-evidence=recognition]")).getText()).contains("125/QĐ-CĐVC", "15/06/2023");
        assertThat(terms.get(0).findElements(By.cssSelector("[data-evidence]")))
                .as("an imported term has its decision, no congress held in the system").extracting(e -> e.getAttribute("data-evidence"))
                .containsOnly("recognition");
        readOnly("audit-terms");

        // Every piece of evidence behind the recognised term opens, each as what it is.
        Map<String, String> evidence = new LinkedHashMap<>();
        for (WebElement e : terms.get(1).findElements(By.cssSelector("[data-evidence]"))) {
            if (e.getTagName().equals("a")) evidence.put(e.getAttribute("href").substring(base().length()), e.getAttribute("data-evidence"));
        }
        assertThat(evidence.values()).contains("congress", "results", "minutes", "dossier");
        for (var link : evidence.entrySet()) {
            HttpResponse<byte[]> r = download(browser, link.getKey());
            assertThat(r.statusCode()).as(link.getKey()).isEqualTo(200);
            String type = r.headers().firstValue("Content-Type").orElse("");
            switch (link.getValue()) {
                case "minutes", "dossier" -> {
                    assertThat(type).as(link.getKey()).startsWith("application/pdf");
                    assertThat(new String(r.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
                }
                default -> assertThat(type).as(link.getKey()).startsWith("text/html");
            }
        }
        assertThat(evidence).containsKey("/audit/terms/" + current + "/dossier.pdf");

        // The congress behind it.
        find("[data-evidence=congress]").click();
        waitFor("[data-audit-congress]");
        assertThat(all("[data-election]")).extracting(e -> e.getAttribute("data-election")).contains(committee, chairElection, vote.electionId);
        readOnly("audit-congress");
        driver().navigate().back();
        waitFor("[data-audit-terms]");

        // Who was chair on 2024-06-01: the elected one, of the recognised term; in 2020, the same person's imported term.
        pick("#on", "2024-06-01");
        waitFor("[data-audit-holders]");
        assertThat(all("tr[data-office=CHAIR]")).singleElement().satisfies(r -> {
            assertThat(r.getAttribute("data-person")).isEqualTo(chair);
            assertThat(r.getAttribute("data-leadership")).isEqualTo(current);
        });
        assertThat(all("tr[data-office]").get(0).getAttribute("data-office")).as("the chair heads the list").isEqualTo("CHAIR");
        readOnly("audit-holders");
        HttpResponse<byte[]> holdersCsv = download(browser, "/audit/units/" + c.scenario.branch + "/holders.csv?on=2024-06-01");
        assertCsv(holdersCsv, "Chủ tịch", "2023–2028");
        pick("#on", "2020-01-01");
        until("tr[data-office=CHAIR]", "data-leadership", imported, 5000);

        // The chair's offices across both terms.
        find("tr[data-office=CHAIR] a[data-person]").click();
        waitFor("[data-audit-person]");
        assertThat(all("tr[data-office=CHAIR]")).extracting(r -> r.getAttribute("data-leadership")).containsExactlyInAnyOrder(imported, current);
        readOnly("audit-person");
        assertCsv(download(browser, "/audit/people/" + chair + ".csv"), "Chủ tịch", "2017–2023", "2023–2028");

        // The congress season of the province: the branch held and recognised, the late unit overdue on both counts.
        browser.open(base() + "/audit/units/" + c.scenario.province + "/season?term=2023");
        waitFor("[data-audit-season]");
        assertThat(find("tr[data-unit='" + c.scenario.branch + "']").getAttribute("data-overdue")).isEqualTo("false");
        WebElement lateRow = find("tr[data-unit='" + late + "']");
        assertThat(lateRow.getAttribute("data-overdue")).isEqualTo("true");
        assertThat(lateRow.getText()).contains("Quá hạn đại hội", "Quá hạn công nhận");
        readOnly("audit-season");
        String season = assertCsv(download(browser, "/audit/units/" + c.scenario.province + "/season.csv?term=2023"), "Sở Tài chính");
        assertThat(season.lines().filter(l -> l.contains("Sở Tài chính")).findFirst().orElseThrow()).contains("\"CONGRESS RECOGNITION\"");

        // The confidence vote with its flags.
        find("nav.console-nav a[href$='/confidence']").click();
        waitFor("[data-audit-confidence]");
        WebElement flagged = find("[data-confidence-vote='" + vote.electionId + "'] tr[data-person='" + p.get(0) + "']");
        assertThat(flagged.getAttribute("data-dismissal")).isEqualTo("true");
        assertThat(find("[data-confidence-vote='" + vote.electionId + "'] tr[data-person='" + p.get(1) + "']").getAttribute("data-review")).isEqualTo("false");
        readOnly("audit-confidence");
        assertCsv(download(browser, "/audit/units/" + c.scenario.province + "/confidence.csv"), "Chủ tịch");

        // The terms list and the tree as CSV.
        String termsCsv = assertCsv(download(browser, "/audit/units/" + c.scenario.branch + "/terms.csv"), "Chủ tịch", "125/QĐ-CĐVC");
        assertThat(termsCsv.lines().count()).as("a header and one line per office held (5 imported, 6 elected)").isEqualTo(12);
        assertCsv(download(browser, "/audit/units/" + c.scenario.province + "/tree.csv?on=2024-06-01"), "Công đoàn cơ sở Sở Nội vụ tỉnh Sóc Trăng");

        // Forced through the API with his own account, every change is refused.
        Http api = http().as(login(auditor[0], auditor[1]));
        assertThat(api.post("/api/terms/" + current + "/recognise", "{\"recognisedOn\":\"2023-06-15\",\"decision\":{\"number\":\"x\"}}").status()).isEqualTo(403);
        assertThat(api.post("/api/units/" + c.scenario.branch + "/rename",
                "{\"name\":\"Tên khác\",\"effectiveOn\":\"2024-01-01\",\"decision\":{\"number\":\"1/QĐ\"}}").status()).isEqualTo(403);
        assertThat(api.post("/api/units/" + c.scenario.province + "/congress-season/2023/deadline",
                "{\"congressBy\":\"2030-12-31\",\"decision\":{\"number\":\"1/QĐ\"}}").status()).isEqualTo(403);
        assertThat(api.get("/api/units/" + c.scenario.branch + "/terms").status()).as("while reading is his").isEqualTo(200);
        // And a unit console page, which only organisers get, sends him to sign in instead of showing a form.
        browser.open(base() + "/console/units/" + c.scenario.branch + "/rename");
        assertThat(all("form[data-unit-form]")).isEmpty();

        // An auditor of another province reads none of it, neither the page nor its CSV.
        vn.daihoi.support.Scenario elsewhere = new vn.daihoi.support.Scenario(admin()).units();
        String[] other = staffAccount("AUDITOR", elsewhere.province);
        forgetSession(browser);
        browser.open(base() + "/staff");
        find("#username").sendKeys(other[0]);
        find("#password").sendKeys(other[1]);
        find("form button[type=submit]").click();
        waitFor("[data-staff-links]");
        browser.open(base() + "/audit/units/" + c.scenario.branch + "/terms");
        assertThat(all("[data-audit-terms]")).isEmpty();
        assertThat(driver().getPageSource()).doesNotContain(chair);
        HttpResponse<byte[]> refused = download(browser, "/audit/units/" + c.scenario.branch + "/terms.csv");
        assertThat(refused.statusCode()).isIn(401, 403);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).doesNotContain("125/QĐ-CĐVC");
        assertThat(download(browser, "/audit/people/" + chair + ".csv").statusCode()).isIn(401, 403);
    }

    /** Chooses a date with the page's date picker (set as a person's pick would) and submits its GET form. */
    private void pick(String css, String isoDate) {
        WebElement input = find(css);
        driver().executeScript("arguments[0].value = arguments[1];", input, isoDate);
        input.findElement(By.xpath("ancestor::form")).findElement(By.cssSelector("button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver(), java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains(isoDate));
    }

    private void readOnly(String screenshot) {
        ConsolePages.assertReadOnly(browser);
        ConsolePages.check(browser, screenshot);
    }

    /** A CSV download: text/csv in UTF-8 with a byte-order mark, containing each of {@code expected}. */
    private static String assertCsv(HttpResponse<byte[]> r, String... expected) {
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        byte[] b = r.body();
        assertThat(new byte[]{b[0], b[1], b[2]}).as("UTF-8 byte-order mark for Excel").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        assertThat(text).contains(expected);
        return text;
    }
}
