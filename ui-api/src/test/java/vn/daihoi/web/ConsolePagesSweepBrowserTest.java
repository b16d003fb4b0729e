package vn.daihoi.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import vn.daihoi.support.Ballots;
import vn.daihoi.support.ConfidenceVote;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.Http;
import vn.daihoi.support.PageTest;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, acceptance 6: every console page — the organiser's ({@code /console…}), the check-in desk
 * ({@code /desk/…}), the counting desk ({@code /counting…}), the auditor's ({@code /audit…}) and the staff home
 * ({@code /staff}) — opened in Chromium by the role that may see it, over data that fills it (a congress in session
 * with its decisions, counted elections, an open round with paper ballots entered twice, a draft election, a
 * confidence vote, a first meeting, an upper congress, an imported and an elected term, the season's deadlines), has
 * no serious or critical axe-core violation and no horizontal scroll at its target size: the console and audit pages
 * at the 1366×768 desktop (and still none at 1024 px), the check-in desk at a 360 px phone, the counting desk and
 * the staff home at both. Each page answers 200 and is the page itself, not a refusal.
 *
 * <p>The routes come from {@link PageAccessTest#PAGES}: a new GET route under those prefixes that this sweep does not
 * visit (or list as a download or a fragment, checked for its status and content type) fails the test.
 */
class ConsolePagesSweepBrowserTest extends PageTest {

    /** Where a page is used: its target sizes. */
    enum Target { DESKTOP, PHONE, BOTH }

    /** Downloads among the console routes: route → the content type it answers. */
    private static final Map<String, String> DOWNLOADS = Map.of(
            "GET /console/terms/{leadershipId}/dossier.pdf", "application/pdf",
            "GET /console/elections/{electionId}/rounds/{round}/ballot-papers.pdf", "application/pdf",
            "GET /audit/terms/{leadershipId}/dossier.pdf", "application/pdf",
            "GET /audit/units/{unitId}/tree.csv", "text/csv",
            "GET /audit/units/{unitId}/terms.csv", "text/csv",
            "GET /audit/units/{unitId}/holders.csv", "text/csv",
            "GET /audit/people/{personId}.csv", "text/csv",
            "GET /audit/units/{unitId}/season.csv", "text/csv",
            "GET /audit/units/{unitId}/confidence.csv", "text/csv");

    /** HTML fragments htmx swaps into a page (never a page of their own): route → what the fragment holds. */
    private static final Map<String, String> FRAGMENTS = Map.of(
            "GET /counting/elections/{electionId}/rounds/{round}/balance", "data-balance");

    /** The console's GET routes as the application lists them, event streams aside. */
    static Set<String> consoleRoutes() {
        return PageAccessTest.PAGES.stream()
                .filter(r -> r.startsWith("GET "))
                .filter(r -> {
                    String path = r.substring(4);
                    return path.startsWith("/console") || path.startsWith("/desk/") || path.startsWith("/counting")
                            || path.startsWith("/audit") || path.equals("/staff");
                })
                .filter(r -> !r.endsWith("/events"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private final Set<String> visited = new LinkedHashSet<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Long> millis = new LinkedHashMap<>();

    private static String decision(String number, String on) {
        return "{\"number\":\"%s\",\"signedOn\":\"%s\",\"issuedBy\":\"Công đoàn Viên chức tỉnh Sóc Trăng\"}".formatted(number, on);
    }

    /** Opens an election at the congress, nominates {@code candidates} and approves the list; its id. */
    private static String approved(CongressInSession c, String body, int seats, List<String> candidates, String title) {
        String id = nominated(c, body, seats, candidates, title);
        String list = c.decide("CANDIDATE_LIST", title, candidates, null);
        Http.Answer a = c.organiser.post("/api/elections/" + id + "/approve-list", "{\"listDecisionId\":\"" + list + "\"}");
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        return id;
    }

    private static String nominated(CongressInSession c, String body, int seats, List<String> candidates, String title) {
        Http.Answer e = c.organiser.post(c.path("/elections"), "{\"body\":\"%s\",\"seats\":%d,\"title\":\"%s\"}".formatted(body, seats, title));
        assertThat(e.status()).as(e.raw()).isEqualTo(201);
        String id = e.body().path("electionId").asText();
        for (String p : candidates) {
            Http.Answer n = c.organiser.post("/api/elections/" + id + "/candidates", "{\"personId\":\"" + p + "\",\"source\":\"OUTGOING_COMMITTEE\"}");
            assertThat(n.status()).as(n.raw()).isEqualTo(200);
        }
        return id;
    }

    /** The candidate ids of the election's list whose people are among {@code persons}. */
    private static List<String> candidatesOf(CongressInSession c, String electionId, List<String> persons) {
        List<String> ids = new ArrayList<>();
        for (JsonNode cand : c.organiser.get("/api/elections/" + electionId).body().path("candidates")) {
            if (persons.contains(cand.path("personId").asText())) ids.add(cand.path("candidateId").asText());
        }
        return ids;
    }

    /** A one-round election at the congress, counted, in which every voter keeps {@code keptPersons}. */
    private static String elect(CongressInSession c, String body, int seats, List<String> candidates, List<String> keptPersons, String title) {
        String id = approved(c, body, seats, candidates, title);
        List<String> kept = candidatesOf(c, id, keptPersons);
        assertThat(c.openRound(id, 1, null).status()).isEqualTo(201);
        for (Http voter : c.voters) {
            Http.Answer cast = voter.postWithHeader("/api/elections/" + id + "/rounds/1/ballots", "{\"keptCandidateIds\":" + Ballots.json(kept) + "}",
                    "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(cast.status()).as(cast.raw()).isEqualTo(201);
        }
        assertThat(c.close(id, 1).body().path("status").asText()).isEqualTo("COUNTED");
        return id;
    }

    @Test
    void everyConsolePageHasNoSeriousAccessibilityViolationAndNoHorizontalScrollAtItsTargetSize() throws Exception {
        long started = System.nanoTime();
        Set<String> routes = consoleRoutes();
        assertThat(routes).as("the sweep finds the console's routes").hasSizeGreaterThan(30);

        // ---- the data, through the API ----------------------------------------------------------------------------
        CongressInSession c = new CongressInSession(this, 14, 12);
        List<String> p = c.personIds;
        String congress = c.scenario.congress;
        String branch = c.scenario.branch;
        String province = c.scenario.province;
        Http upperApi = account("ORGANISER", c.scenario.upper);
        String chair = p.get(11);

        // The 2017–2023 term, imported from its decisions.
        Http.Answer past = upperApi.post("/api/units/" + branch + "/terms/import", """
                {"term":{"startYear":2017,"endYear":2023},"congressOrdinal":9,"congressDate":"2017-12-20","seats":5,
                 "termShift":{"decision":%s,"months":12},"recognisedOn":"2018-01-10","decision":%s,
                 "holdings":[{"personId":"%s","office":"COMMITTEE_MEMBER"},{"personId":"%s","office":"CHAIR"},
                             {"personId":"%s","office":"COMMITTEE_MEMBER"},{"personId":"%s","office":"COMMITTEE_MEMBER"},
                             {"personId":"%s","office":"COMMITTEE_MEMBER"}]}"""
                .formatted(decision("88/QĐ-LĐLĐ", "2017-11-01"), decision("12/QĐ-CĐVC", "2018-01-10"), chair, chair, p.get(6), p.get(7), p.get(8)));
        assertThat(past.status()).as(past.raw()).isEqualTo(201);
        String imported = past.body().path("leadershipId").asText();

        // The congress's decisions and counted elections: committee, chair, upper-congress delegates, a confidence vote.
        c.decide("COMMITTEE_SIZE", "Số lượng Ban Chấp hành", List.of(), 5);
        String committee = elect(c, "EXECUTIVE_COMMITTEE", 5, p.subList(6, 12), List.of(p.get(6), p.get(7), p.get(8), p.get(9), chair),
                "Bầu Ban Chấp hành khóa X");
        String chairElection = elect(c, "CHAIR", 1, List.of(chair), List.of(chair), "Bầu Chủ tịch Công đoàn cơ sở");
        String delegates = elect(c, "UPPER_CONGRESS_DELEGATES", 2, p.subList(0, 3), p.subList(0, 2), "Bầu đại biểu dự Đại hội cấp trên");
        ConfidenceVote vote = new ConfidenceVote(c, p.subList(0, 2), List.of("Chủ tịch", "Phó Chủ tịch"));
        assertThat(vote.openRound(1).status()).isEqualTo(201);
        for (Http voter : c.voters) {
            Http.Answer rated = vote.rate(voter, 1, UUID.randomUUID().toString(), "LOW", "HIGH");
            assertThat(rated.status()).as(rated.raw()).isEqualTo(201);
        }
        assertThat(vote.close(1).status()).isEqualTo(200);

        // A draft election (nominations, list not yet approved), and one whose round is open with paper ballots.
        String draft = nominated(c, "UPPER_CONGRESS_ALTERNATES", 1, p.subList(2, 4), "Bầu đại biểu dự khuyết dự Đại hội cấp trên");
        String open = approved(c, "INSPECTION_COMMITTEE", 3, p.subList(2, 6), "Bầu Ủy ban Kiểm tra");
        assertThat(c.openRound(open, 1, null).status()).isEqualTo(201);
        List<String> inspection = candidatesOf(c, open, p.subList(2, 5));
        for (int v = 0; v < 8; v++) {
            Http.Answer cast = c.voters.get(v).postWithHeader("/api/elections/" + open + "/rounds/1/ballots",
                    "{\"keptCandidateIds\":" + Ballots.json(inspection) + "}", "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(cast.status()).as(cast.raw()).isEqualTo(201);
        }
        for (int v = 8; v < 12; v++) {
            Http.Answer paper = c.organiser.post("/api/elections/" + open + "/rounds/1/paper-ballots", "{\"delegateId\":\"" + c.delegateIds.get(v) + "\"}");
            assertThat(paper.status()).as(paper.raw()).isEqualTo(200);
        }
        // The counting member who will use the desk in the browser, and a second member: one sheet they read alike, one not.
        List<String> countingCommittee = c.counting().committee();
        String[] member = staffAccount(c, "COUNTING", congress, countingCommittee.get(0));
        Http memberApi = http().as(login(member[0], member[1]));
        Http secondMember = c.counting().member(countingCommittee.get(1));
        String entries = "/api/elections/" + open + "/rounds/1/paper-entries";
        for (var entry : List.of(Map.entry(memberApi, "{\"sheet\":1,\"keptCandidateIds\":" + Ballots.json(inspection) + "}"),
                Map.entry(memberApi, "{\"sheet\":2,\"keptCandidateIds\":" + Ballots.json(inspection.subList(0, 2)) + "}"),
                Map.entry(secondMember, "{\"sheet\":1,\"keptCandidateIds\":" + Ballots.json(inspection) + "}"),
                Map.entry(secondMember, "{\"sheet\":2,\"keptCandidateIds\":" + Ballots.json(inspection.subList(0, 1)) + "}"))) {
            Http.Answer entered = entry.getKey().post(entries, entry.getValue());
            assertThat(entered.status()).as(entered.raw()).isEqualTo(204);
        }

        // The new committee's first meeting, its members summoned.
        Http.Answer meeting = c.organiser.post("/api/congresses", """
                {"unitId":"%s","kind":"COMMITTEE_MEETING","purpose":"FIRST_MEETING","ofCongressId":"%s","convenerPersonId":"%s",
                 "term":{"startYear":2023,"endYear":2028},"date":"2023-05-20","venue":"Phòng họp Sở Nội vụ tỉnh Sóc Trăng"}"""
                .formatted(branch, congress, p.get(6)));
        assertThat(meeting.status()).as(meeting.raw()).isEqualTo(201);
        String meetingId = meeting.body().path("congress").path("congressId").asText();
        Http.Answer summoned = c.organiser.post("/api/congresses/" + meetingId + "/delegates/elected-committee", "");
        assertThat(summoned.status()).as(summoned.raw()).isEqualTo(200);

        // The upper-level union's congress, to which the branch elected its delegates.
        Http.Answer upperCongress = upperApi.post("/api/congresses", """
                {"unitId":"%s","ordinal":5,"term":{"startYear":2023,"endYear":2028},"kind":"DELEGATE","date":"2023-08-01",
                 "venue":"Hội trường Liên đoàn Lao động tỉnh","announcedSeats":9}""".formatted(c.scenario.upper));
        assertThat(upperCongress.status()).as(upperCongress.raw()).isEqualTo(201);
        String upper = upperCongress.body().path("congress").path("congressId").asText();

        // The federation's season, with a branch union that never held its congress.
        Http federation = account("ORGANISER", province);
        Http.Answer deadline = federation.post("/api/units/" + province + "/congress-season/2023/deadline",
                "{\"congressBy\":\"2023-12-31\",\"recognitionBy\":\"2024-03-31\",\"decision\":" + decision("30/KH-LĐLĐ", "2023-01-05") + "}");
        assertThat(deadline.status()).as(deadline.raw()).isEqualTo(200);
        c.scenario.unit("STC", "Công đoàn cơ sở Sở Tài chính tỉnh Sóc Trăng", "BRANCH_UNION", c.scenario.upper);
        long setUp = System.nanoTime();

        // ---- the branch union's organiser, before the term is submitted -------------------------------------------
        signIn(staffAccount("ORGANISER", branch));
        staffHome();
        desktop("GET /console", "/console");
        desktop("GET /console/units/{unitId}/congresses/new", "/console/units/" + branch + "/congresses/new");
        desktop("GET /console/congresses/{congressId}", "/console/congresses/" + congress);
        desktop("GET /console/congresses/{congressId}/roll", "/console/congresses/" + congress + "/roll");
        desktop("GET /console/congresses/{congressId}/session", "/console/congresses/" + congress + "/session");
        desktop("GET /console/congresses/{congressId}/elections", "/console/congresses/" + congress + "/elections");
        for (String e : List.of(committee, chairElection, delegates, vote.electionId, draft, open)) {
            desktop("GET /console/elections/{electionId}", "/console/elections/" + e);
        }
        download("GET /console/elections/{electionId}/rounds/{round}/ballot-papers.pdf", "/console/elections/" + open + "/rounds/1/ballot-papers.pdf");
        desktop("GET /console/congresses/{congressId}/first-meeting", "/console/congresses/" + congress + "/first-meeting");
        desktop("GET /console/congresses/{congressId}", "/console/congresses/" + meetingId);
        desktop("GET /console/units/{unitId}/terms", "/console/units/" + branch + "/terms");
        page("GET /desk/{congressId}", "/desk/" + congress, Target.PHONE);
        deskAtWork("/desk/" + congress);
        refusedForm("/console/units/" + branch + "/congresses/new", "[data-convene-form]");

        Http.Answer submitted = c.organiser.post("/api/units/" + branch + "/terms",
                "{\"electionIds\":[\"" + committee + "\",\"" + chairElection + "\"]}");
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        String current = submitted.body().path("leadershipId").asText();

        // ---- the upper-level union's organiser: units, the submitted term, its recognition, the upper congress ----
        signIn(staffAccount("ORGANISER", c.scenario.upper));
        staffHome();
        desktop("GET /console/terms/{leadershipId}", "/console/terms/" + current);
        Http.Answer recognised = upperApi.post("/api/terms/" + current + "/recognise",
                "{\"recognisedOn\":\"2023-06-15\",\"decision\":" + decision("125/QĐ-CĐVC", "2023-06-15") + "}");
        assertThat(recognised.status()).as(recognised.raw()).isEqualTo(200);
        desktop("GET /console/terms/{leadershipId}", "/console/terms/" + current);
        desktop("GET /console/terms/{leadershipId}", "/console/terms/" + imported);
        download("GET /console/terms/{leadershipId}/dossier.pdf", "/console/terms/" + current + "/dossier.pdf");
        desktop("GET /console/units/{unitId}/terms", "/console/units/" + branch + "/terms");
        desktop("GET /console/units", "/console/units");
        desktop("GET /console/units", "/console/units?on=2024-06-01");
        desktop("GET /console/units/{unitId}", "/console/units/" + branch);
        desktop("GET /console/units/new", "/console/units/new");
        for (String action : List.of("rename", "move", "merge", "split", "dissolve")) {
            desktop("GET /console/units/{unitId}/{action}", "/console/units/" + branch + "/" + action);
        }
        refusedForm("/console/units/" + branch + "/rename", "[data-unit-form]");
        desktop("GET /console/congresses/{congressId}", "/console/congresses/" + upper);
        desktop("GET /console/congresses/{congressId}/upper-delegates", "/console/congresses/" + upper + "/upper-delegates");

        // ---- the province's auditor ---------------------------------------------------------------------------------
        signIn(staffAccount("AUDITOR", province));
        staffHome();
        desktop("GET /audit", "/audit");
        desktop("GET /audit/units/{unitId}", "/audit/units/" + province + "?on=2024-06-01");
        desktop("GET /audit/units/{unitId}/terms", "/audit/units/" + branch + "/terms");
        desktop("GET /audit/congresses/{congressId}", "/audit/congresses/" + congress);
        desktop("GET /audit/units/{unitId}/holders", "/audit/units/" + branch + "/holders?on=2024-06-01");
        desktop("GET /audit/people/{personId}", "/audit/people/" + chair);
        desktop("GET /audit/units/{unitId}/season", "/audit/units/" + province + "/season?term=2023");
        desktop("GET /audit/units/{unitId}/confidence", "/audit/units/" + province + "/confidence");
        download("GET /audit/units/{unitId}/tree.csv", "/audit/units/" + province + "/tree.csv?on=2024-06-01");
        download("GET /audit/units/{unitId}/terms.csv", "/audit/units/" + branch + "/terms.csv");
        download("GET /audit/units/{unitId}/holders.csv", "/audit/units/" + branch + "/holders.csv?on=2024-06-01");
        download("GET /audit/people/{personId}.csv", "/audit/people/" + chair + ".csv");
        download("GET /audit/units/{unitId}/season.csv", "/audit/units/" + province + "/season.csv?term=2023");
        download("GET /audit/units/{unitId}/confidence.csv", "/audit/units/" + province + "/confidence.csv");
        download("GET /audit/terms/{leadershipId}/dossier.pdf", "/audit/terms/" + current + "/dossier.pdf");

        // ---- a member of the congress's counting committee --------------------------------------------------------
        signIn(member);
        staffHome();
        page("GET /counting", "/counting", Target.BOTH);
        page("GET /counting/elections/{electionId}/rounds/{round}", "/counting/elections/" + open + "/rounds/1", Target.BOTH);
        page("GET /counting/elections/{electionId}/rounds/{round}", "/counting/elections/" + committee + "/rounds/1", Target.BOTH);
        fragment("GET /counting/elections/{electionId}/rounds/{round}/balance", "/counting/elections/" + open + "/rounds/1/balance?notReturned=1");

        long swept = System.nanoTime();
        System.out.printf("console sweep: %d page visits, set-up %d ms, sweep %d ms; per page (ms): %s%n", millis.size(),
                (setUp - started) / 1_000_000, (swept - setUp) / 1_000_000, millis);

        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(visited);
        missing.forEach(r -> failures.add(r + ": a console route the sweep never opens (visit it, or list it as a download or a fragment)"));
        assertThat(failures).as("pages that fail the quality bar, and routes not swept").isEmpty();
        Set<String> covered = new TreeSet<>(visited);
        assertThat(covered).as("every console GET route is visited, or listed as a download or a fragment")
                .containsExactlyInAnyOrderElementsOf(routes);
        assertThat(DOWNLOADS.keySet()).as("downloads are console routes").allMatch(routes::contains);
        assertThat(FRAGMENTS.keySet()).as("fragments are console routes").allMatch(routes::contains);
    }

    // ---- visits ---------------------------------------------------------------------------------------------------

    private void desktop(String route, String path) throws Exception {
        page(route, path, Target.DESKTOP);
    }

    /** The staff home, which every staff member lands on: checked at both sizes. */
    private void staffHome() throws Exception {
        page("GET /staff", "/staff", Target.BOTH);
    }

    /** Opens the page at its target sizes and notes every way it fails the bar (all pages are swept before failing). */
    private void page(String route, String path, Target target) throws Exception {
        String name = route + " " + path;
        long start = System.nanoTime();
        try {
            assertRoute(route, path);
            assertThat(DOWNLOADS).as(route + " is a download").doesNotContainKey(route);
            HttpResponse<byte[]> r = download(browser, path);
            assertThat(r.statusCode()).as("status of " + name).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as("content type of " + name).startsWith("text/html");
            // Vietnamese at every target size; English (longer words) at the narrowest, where it would overflow first.
            if (target != Target.DESKTOP) {
                browser.phone();
                open(path, "vi");
                check(name, "360 px", true);
                if (target == Target.PHONE) screenshot(path);
            }
            if (target != Target.PHONE) {
                browser.desktop();
                open(path, "vi");
                check(name, "1366 px", true);
                screenshot(path);
                browser.smallDesktop();
                check(name, "1024 px", false);
                if (target == Target.DESKTOP) {
                    open(path, "en");
                    check(name + " (en)", "1024 px", true);
                }
                browser.desktop();
            }
            if (target != Target.DESKTOP) {
                browser.phone();
                open(path, "en");
                check(name + " (en)", "360 px", true);
            }
        } catch (AssertionError | RuntimeException e) {
            failures.add(name + ": " + e.getMessage());
        }
        millis.put(name, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The check-in desk as it works at the door: delegates found (present ones with their check-out and correction,
     * absent ones with their check-in), then one checked in with his code shown large.
     */
    private void deskAtWork(String path) {
        String name = "GET /desk/{congressId} " + path;
        try {
            browser.phone();
            open(path, "vi");
            find("#q").sendKeys("V01");
            new org.openqa.selenium.support.ui.WebDriverWait(driver(), java.time.Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.cssSelector("[data-results-list] li form[action$='/check-in']")).isEmpty());
            find("[data-results-list] li details summary").click();
            check(name + " (found)", "360 px", true);
            screenshot(path + "-found");
            find("[data-results-list] li form[action$='/check-in'] button").click();
            waitFor("[data-checked-in]");
            check(name + " (checked in)", "360 px", true);
            screenshot(path + "-checked-in");
        } catch (AssertionError | RuntimeException e) {
            failures.add(name + " at work: " + e.getMessage());
        }
    }

    /** A console form sent empty: the page again with the API's refusal in its summary and next to the field. */
    private void refusedForm(String path, String form) {
        String name = path + " (refused)";
        try {
            browser.desktop();
            open(path, "vi");
            find(form + " button[type=submit]").click();
            waitFor(".error-summary");
            check(name, "1366 px", true);
            screenshot(path + "-refused");
            browser.smallDesktop();
            check(name, "1024 px", false);
            browser.desktop();
        } catch (AssertionError | RuntimeException e) {
            failures.add(name + ": " + e.getMessage());
        }
    }

    private void open(String path, String language) {
        browser.open(base() + path + (path.contains("?") ? "&" : "?") + "lang=" + language);
    }

    /** A screenshot of each page for review, in the build's output (the documented ones are the slices' own). */
    private void screenshot(String path) {
        browser.screenshot(java.nio.file.Path.of("target", "console-sweep"),
                String.format("%02d", ++shots) + path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "id").replaceAll("[^A-Za-z0-9.=-]+", "_"));
    }

    private int shots;

    /** The page now shown: not a refusal, no error text, no horizontal scroll, and (with {@code axe}) axe-core's verdict. */
    private void check(String name, String size, boolean axe) {
        var d = browser.driver();
        if (!d.findElements(By.cssSelector(".refusal")).isEmpty()) {
            failures.add(name + " at " + size + ": a refusal page (" + d.findElement(By.cssSelector(".refusal")).getText() + ")");
            return;
        }
        if (d.findElements(By.cssSelector("main h1")).isEmpty()) failures.add(name + " at " + size + ": no heading in main");
        String source = d.getPageSource();
        for (String bad : List.of("Exception", "at vn.daihoi", "\"type\":\"urn:", "Whitelabel")) {
            if (source.contains(bad)) failures.add(name + " at " + size + ": the page shows " + bad);
        }
        var missing = Pattern.compile("\\?\\?[\\w.-]+_(vi|en)\\?\\?").matcher(source);
        if (missing.find()) failures.add(name + " at " + size + ": a message key without its text: " + missing.group());
        if (!browser.noHorizontalScroll()) failures.add(name + ": horizontal scroll at " + size + " (" + overflow() + ")");
        // A box that scrolls sideways inside the page hides part of a table: on a desktop the page must show it whole.
        String boxes = scrollingBoxes();
        if (!boxes.isEmpty()) {
            if (size.equals("360 px")) System.out.println("console sweep, inner scroll at 360 px on " + name + ": " + boxes);
            else failures.add(name + ": a box scrolls sideways at " + size + " (" + boxes + ")");
        }
        if (!axe) return;
        try {
            browser.assertNoSeriousAccessibilityViolations(name + " at " + size);
        } catch (AssertionError e) {
            failures.add(e.getMessage());
        }
    }

    /** The elements whose content is wider than they are and that scroll it sideways (overflow-x auto or scroll). */
    private String scrollingBoxes() {
        Object found = browser.driver().executeScript("""
                const out = [];
                for (const el of document.querySelectorAll('body *')) {
                  const o = getComputedStyle(el).overflowX;
                  if ((o === 'auto' || o === 'scroll') && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
                    out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (typeof el.className === 'string' && el.className.trim()
                      ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' ' + el.clientWidth + '<' + el.scrollWidth);
                  }
                }
                return out.join(', ');
                """);
        return String.valueOf(found);
    }

    /** The elements that stick out past the viewport's right edge, for the failure message. */
    private String overflow() {
        Object found = browser.driver().executeScript("""
                const w = document.documentElement.clientWidth, out = [];
                for (const el of document.querySelectorAll('body *')) {
                  const r = el.getBoundingClientRect();
                  if (r.right > w + 1 && r.width > 0) {
                    out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string'
                      ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' right=' + Math.round(r.right));
                  }
                  if (out.length >= 6) break;
                }
                return out.join(', ');
                """);
        return String.valueOf(found);
    }

    /** A download: 200 and its content type, with the signed-in browser's session. */
    private void download(String route, String path) throws Exception {
        String name = route + " " + path;
        try {
            assertRoute(route, path);
            assertThat(DOWNLOADS).as(route + " is listed as a download").containsKey(route);
            HttpResponse<byte[]> r = download(browser, path);
            assertThat(r.statusCode()).as("status of " + name).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as("content type of " + name).startsWith(DOWNLOADS.get(route));
            assertThat(r.body().length).as("size of " + name).isGreaterThan(100);
        } catch (AssertionError e) {
            failures.add(name + ": " + e.getMessage());
        }
    }

    /** An htmx fragment: 200, HTML, and what it is there to show. */
    private void fragment(String route, String path) throws Exception {
        String name = route + " " + path;
        try {
            assertRoute(route, path);
            assertThat(FRAGMENTS).as(route + " is listed as a fragment").containsKey(route);
            HttpResponse<byte[]> r = download(browser, path);
            assertThat(r.statusCode()).as("status of " + name).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as("content type of " + name).startsWith("text/html");
            assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).as(name).contains(FRAGMENTS.get(route));
        } catch (AssertionError e) {
            failures.add(name + ": " + e.getMessage());
        }
    }

    /** The path is an instance of the route (so a typo here cannot cover a route it never opened). */
    private void assertRoute(String route, String path) {
        assertThat(PageAccessTest.PAGES).as("a page route").contains(route);
        String pattern = Pattern.quote(route.substring(4)).replaceAll("\\{[A-Za-z]+}", "\\\\E[^/?]+\\\\Q");
        assertThat(path.split("\\?")[0]).as(route).matches(pattern);
        visited.add(route);
    }

    // ---- accounts -------------------------------------------------------------------------------------------------

    private void signIn(String[] account) {
        forgetSession(browser);
        browser.desktop();
        browser.open(base() + "/staff");
        find("#username").sendKeys(account[0]);
        find("#password").sendKeys(account[1]);
        find("form button[type=submit]").click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver(), java.time.Duration.ofSeconds(10))
                .until(d -> d.findElements(By.id("password")).isEmpty());
    }

    /** A staff account linked to a person (a counting member), with a password for the staff sign-in. */
    private String[] staffAccount(CongressInSession c, String role, String scopeId, String personId) {
        String username = "kp" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String password = "password-for-" + username;
        Http.Answer a = c.organiser.post("/api/accounts", """
                {"username":"%s","password":"%s","personId":"%s","grants":[{"role":"%s","scopeId":"%s"}]}"""
                .formatted(username, password, personId, role, scopeId));
        assertThat(a.status()).as(a.raw()).isEqualTo(201);
        return new String[]{username, password};
    }
}
