package vn.daihoi.congress.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.daihoi.support.Http;
import vn.daihoi.support.PageTest;
import vn.daihoi.support.PdfText;
import vn.daihoi.support.Scenario;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, the organiser's congress console at desktop size (1366×768): convene through the form (a refusal shown
 * next to its field first), upload a roll with two bad rows, read their lines, fix and upload again (nothing added
 * twice), add one delegate, refuse a file that is not a CSV, too large or in no encoding that can be told on the
 * page, print the present delegates' slips, open the session, record the counting committee with the quorum and
 * R-15 majority shown as the counts are typed (and the API's refusal next to the field), and follow the
 * run-of-show's done / next / blocked marks. An organiser of another unit gets the refusal page, and his posts change
 * nothing.
 */
class CongressConsoleBrowserTest extends PageTest {

    @Test
    void anOrganiserConvenesFillsTheRollOpensTheSessionAndRecordsTheCountingCommitteeThroughTheConsole() throws Exception {
        Scenario s = new Scenario(admin()).units();
        String[] staff = staffAccount("ORGANISER", s.upper);
        Http organiser = http().as(login(staff[0], staff[1]));

        forgetSession(browser);
        browser.desktop();
        signInStaff(browser, staff);
        find("[data-console-link]").click();
        waitFor("[data-units]");
        assertThat(find("[data-unit='" + s.branch + "']").getText()).contains("Sở Nội vụ");
        desktopChecks("console-start");

        // Convening: a pilot congress without the union that chose it is refused, next to that field.
        find("[data-unit='" + s.branch + "'] [data-convene]").click();
        waitFor("[data-convene-form]");
        new Select(find("#kind")).selectByValue("DELEGATE");
        type("#ordinal", "10");
        type("#termStart", "2023");
        type("#termEnd", "2028");
        setValue("#date", "2023-05-20");
        type("#venue", "Hội trường Sở Nội vụ tỉnh Sóc Trăng");
        type("#announcedSeats", "5");
        find("label[for=pilot]").click();
        new Select(find("#profileId")).selectByValue("union-2020");
        assertThat(find(".profile-rules[data-profile='union-2020']").isDisplayed()).isTrue();
        assertThat(find(".profile-rules[data-profile='party-qd190-2024']").isDisplayed()).isFalse();
        assertThat(find(".profile-rules[data-profile='union-2020']").getText()).contains("2/3", "1/2");
        find("[data-convene-form] button[type=submit]").click();
        waitFor("[data-problem]");
        assertThat(find("[data-problem]").getAttribute("data-type")).isEqualTo("pilot-needs-chooser");
        assertThat(find("[data-field-error][data-field=pilotChosenByUnitId]").getText()).isNotBlank();
        assertThat(find("#venue").getAttribute("value")).isEqualTo("Hội trường Sở Nội vụ tỉnh Sóc Trăng");
        desktopChecks("console-convene-refused");

        new Select(find("#pilotChosenByUnitId")).selectByValue(s.upper);
        find("[data-convene-form] button[type=submit]").click();
        waitFor("[data-steps]");
        String congressId = driver().getCurrentUrl().replaceAll(".*/console/congresses/", "");
        String api = "/api/congresses/" + congressId;
        Http.Answer convened = organiser.get(api);
        assertThat(convened.body().path("congress").path("ordinal").asInt()).as(convened.raw()).isEqualTo(10);
        assertThat(convened.body().path("congress").path("pilotChosenByUnitId").asText()).isEqualTo(s.upper);
        assertThat(convened.body().path("congress").path("announcedSeats").asInt()).isEqualTo(5);
        assertThat(step("roll")).isEqualTo("NEXT");
        assertThat(step("attendance")).isEqualTo("BLOCKED");

        // The roll: 45 rows, two of them bad (lines 5 and 12). The report names their lines; the rest go in.
        driver().findElement(By.cssSelector(".console-nav a[href$='/roll']")).click();
        waitFor("[data-upload]");
        String good = Scenario.csv(45, "A");
        List<String> lines = new ArrayList<>(List.of(good.split("\n")));
        lines.set(4, lines.get(4).replaceFirst(";[^;]+;", ";;"));            // line 5: no name
        lines.set(11, lines.get(11).replaceFirst(";\\d\\d/\\d\\d/", ";99/99/")); // line 12: no such date
        upload(file("roll-with-errors.csv", String.join("\n", lines) + "\n"));
        waitFor("[data-import-report]");
        assertThat(find("[data-import-report]").getAttribute("data-added")).isEqualTo("43");
        assertThat(all("[data-rejected] tr[data-line]").stream().map(e -> e.getAttribute("data-line")).toList()).containsExactly("5", "12");
        assertThat(find("[data-rejected] tr[data-line='5']").getText()).contains("Thiếu họ và tên");
        assertThat(find("[data-rejected] tr[data-line='12']").getText()).contains("Ngày sinh");
        desktopChecks("console-roll-report");

        // Fixed and uploaded again: only the two missing rows are added.
        upload(file("roll-fixed.csv", good));
        waitFor("[data-import-report]");
        assertThat(find("[data-import-report]").getAttribute("data-added")).isEqualTo("2");
        assertThat(find("[data-import-report]").getAttribute("data-already")).isEqualTo("43");
        assertThat(find("[data-import-report]").getAttribute("data-rejected")).isEqualTo("0");
        assertThat(all("[data-roll] tbody tr")).hasSize(45);

        // One more, by hand: an alternate.
        type("#code", "D01");
        type("#person\\.fullName", "Lê Thị Dự Khuyết (hư cấu)");
        new Select(find("#category")).selectByValue("ALTERNATE");
        find("[data-add-delegate] button[type=submit]").click();
        waitFor("[data-added-one]");
        assertThat(all("[data-roll] tbody tr")).hasSize(46);
        assertThat(organiser.get(api).body().path("alternates").asInt()).isEqualTo(1);
        // The same code again: the API's refusal next to the code.
        type("#code", "D01");
        type("#person\\.fullName", "Người khác (hư cấu)");
        find("[data-add-delegate] button[type=submit]").click();
        waitFor("[data-field-error][data-field=code]");
        assertThat(all("[data-roll] tbody tr")).hasSize(46);

        // Not a CSV, and too large: refused on the page in words, nothing imported.
        upload(file("roll.pdf", "%PDF-1.4 not a roll"));
        waitFor("[data-field-error][data-field=file]");
        assertThat(find("[data-problem]").getAttribute("data-type")).isEqualTo("file-not-csv");
        Path big = Files.createTempFile("roll-big", ".csv");
        Files.write(big, new byte[3 * 1024 * 1024]);
        upload(big);
        waitFor("[data-field-error][data-field=file]");
        assertThat(find("[data-problem]").getAttribute("data-type")).isEqualTo("file-too-large");
        // A file in no encoding that can be told (Shift-JIS): the import's refusal in words, next to the file (ADR 0026).
        Path shiftJis = Files.createTempDirectory("roll").resolve("roll-shift-jis.csv");
        Files.write(shiftJis, "ma,ho_ten\r\nJ1,山田太郎\r\n".getBytes(java.nio.charset.Charset.forName("Shift_JIS")));
        upload(shiftJis);
        waitFor("[data-field-error][data-field=file]");
        assertThat(find("[data-problem]").getAttribute("data-type")).isEqualTo("csv-encoding-unknown");
        assertThat(find("[data-problem]").getAttribute("data-rule")).isEqualTo("R-11");
        assertThat(find("[data-field-error][data-field=file]").getText()).contains("Không nhận ra bảng mã", "CSV UTF-8");
        assertThat(driver().getPageSource()).doesNotContain("Whitelabel", "Exception");
        assertThat(organiser.get(api).body().path("summoned").asInt()).isEqualTo(45);

        // Before the quorum the run-of-show says what blocks: not enough delegates present.
        browser.open(base() + "/console/congresses/" + congressId);
        waitFor("[data-steps]");
        assertThat(step("roll")).isEqualTo("DONE");
        assertThat(step("attendance")).isEqualTo("BLOCKED");
        assertThat(find("[data-step='attendance'] [data-why]").getText()).contains("Chưa đủ đại biểu có mặt", "0 / 45");

        // 40 delegates check in (at the desk: set up through the API here; the desk has its own test).
        List<String> present = new ArrayList<>();
        for (var d : organiser.get(api + "/delegates").body().path("delegates")) {
            if ("DELEGATE".equals(d.path("category").asText()) && present.size() < 40) present.add(d.path("delegateId").asText());
        }
        for (String d : present) assertThat(organiser.post(api + "/delegates/" + d + "/check-in", "").status()).isEqualTo(200);
        driver().navigate().refresh();
        waitFor("[data-steps]");
        assertThat(step("attendance")).isEqualTo("DONE");
        assertThat(step("session")).isEqualTo("NEXT");
        assertThat(step("decision.COUNTING_COMMITTEE")).isEqualTo("BLOCKED");
        assertThat(find("[data-step='decision.COUNTING_COMMITTEE'] [data-why]").getText()).contains("Phiên họp chưa khai mạc");
        desktopChecks("console-run-of-show");

        // Slips for the present delegates: the form answers a PDF with one slip per delegate present.
        browser.open(base() + "/console/congresses/" + congressId + "/roll");
        waitFor("[data-slips]");
        HttpResponse<byte[]> slips = postForm("/console/congresses/" + congressId + "/roll/slips", Map.of("scope", "present"));
        assertThat(slips.statusCode()).isEqualTo(200);
        assertThat(slips.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(PdfText.of(slips.body())).contains("Thẻ biểu quyết");
        assertThat(PdfText.pages(slips.body())).isGreaterThanOrEqualTo(1);
        // "All" while five have not arrived: refused on the page before any code is reissued.
        HttpResponse<byte[]> all = postForm("/console/congresses/" + congressId + "/roll/slips", Map.of("scope", "all"));
        assertThat(all.statusCode()).isEqualTo(409);
        assertThat(new String(all.body(), StandardCharsets.UTF_8)).contains("data-type=\"not-checked-in\"");

        // The session: open it, then the counting committee by show of hands.
        driver().findElement(By.cssSelector(".console-nav a[href$='/session']")).click();
        waitFor("[data-open-session]");
        find("[data-open-session] button").click();
        waitFor("[data-close-session]");
        assertThat(find("[data-session]").getAttribute("data-status")).isEqualTo("IN_SESSION");
        new Select(find("#subject")).selectByValue("COUNTING_COMMITTEE");
        type("#title", "Bầu Ban Kiểm phiếu");
        List<WebElement> people = all(".people input[type=checkbox]");
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            find("label[for='" + people.get(i).getAttribute("id") + "']").click();
            chosen.add(people.get(i).getAttribute("value"));
        }
        // As the counts are typed: 40 present, more than 1/2 needs 21.
        type("#votesFor", "20");
        until("[data-hint]", "data-for", "20", 3000);
        assertThat(find("[data-hint]").getAttribute("data-passes")).isEqualTo("false");
        assertThat(find("[data-hint]").getAttribute("data-needed")).isEqualTo("21");
        assertThat(find("[data-hint]").getAttribute("data-quorum")).isEqualTo("true");
        assertThat(find("[data-hint] [data-verdict]").getText()).contains("không được thông qua");
        type("#votesFor", "38");
        until("[data-hint]", "data-for", "38", 3000);
        assertThat(find("[data-hint]").getAttribute("data-passes")).isEqualTo("true");
        assertThat(find("[data-hint] [data-verdict]").getText()).contains("được thông qua").doesNotContain("không");
        type("#votesAgainst", "5");
        until("[data-hint]", "data-cast", "43", 3000);
        assertThat(find("[data-hint]").getAttribute("data-admitted")).isEqualTo("false");
        assertThat(find("[data-hint] [data-too-many]").getText()).contains("43", "40");
        // Submitted anyway: the API refuses and says so next to the votes.
        find("[data-decision-form] button[type=submit]").click();
        waitFor("[data-field-error][data-field=votesFor]");
        assertThat(find("[data-problem]").getAttribute("data-type")).isEqualTo("votes-exceed-present");
        assertThat(find("#votesFor").getAttribute("value")).isEqualTo("38");
        type("#votesAgainst", "1");
        type("#abstentions", "1");
        find("[data-decision-form] button[type=submit]").click();
        waitFor("[data-decisions] tr[data-subject=COUNTING_COMMITTEE]");
        assertThat(find("[data-decisions] tr[data-subject=COUNTING_COMMITTEE]").getAttribute("data-passed")).isEqualTo("true");
        Http.Answer after = organiser.get(api);
        var decision = after.body().path("decisions").get(0);
        assertThat(decision.path("subject").asText()).isEqualTo("COUNTING_COMMITTEE");
        assertThat(decision.path("votesFor").asInt()).isEqualTo(38);
        List<String> recorded = new ArrayList<>();
        decision.path("personIds").forEach(p -> recorded.add(p.asText()));
        assertThat(recorded).containsExactlyInAnyOrderElementsOf(chosen);
        desktopChecks("console-session");

        // The run-of-show follows.
        driver().findElement(By.cssSelector(".console-nav a[href$='/console/congresses/" + congressId + "']")).click();
        waitFor("[data-steps]");
        assertThat(step("session")).isEqualTo("DONE");
        assertThat(step("decision.COUNTING_COMMITTEE")).isEqualTo("DONE");
        assertThat(step("decision.PRESIDIUM")).isEqualTo("NEXT");
        assertThat(step("elections.approved")).isEqualTo("BLOCKED");
        assertThat(step("closed")).isEqualTo("LATER");

        // An organiser of another unit: the refusal page on every console route, and his posts change nothing.
        String other = s.unit("KHAC", "Công đoàn cơ sở Sở Tài chính tỉnh Sóc Trăng", "BRANCH_UNION", s.upper);
        String[] stranger = staffAccount("ORGANISER", other);
        forgetSession(browser);
        signInStaff(browser, stranger);
        for (String path : List.of("/console/congresses/" + congressId, "/console/congresses/" + congressId + "/roll",
                "/console/congresses/" + congressId + "/session", "/console/units/" + s.branch + "/congresses/new")) {
            browser.open(base() + path);
            waitFor(".notice.refusal");
            assertThat(find(".notice.refusal").getAttribute("data-code")).as(path).isEqualTo("forbidden");
            assertThat(driver().getPageSource()).as(path).doesNotContain("Hội trường Sở Nội vụ", "Bầu Ban Kiểm phiếu");
        }
        browser.open(base() + "/staff");
        waitFor("input[name=_csrf]");
        int decisions = organiser.get(api).body().path("decisions").size();
        for (var post : List.of(
                Map.entry("/console/congresses/" + congressId + "/cancel", Map.of("reason", "Không được phép")),
                Map.entry("/console/congresses/" + congressId + "/session/decisions", Map.of("subject", "PRESIDIUM",
                        "personIds", chosen.get(0), "votesFor", "40", "votesAgainst", "0", "abstentions", "0")),
                Map.entry("/console/congresses/" + congressId + "/session/close", Map.<String, String>of()),
                Map.entry("/console/congresses/" + congressId + "/roll/delegates", Map.of("code", "X99", "fullName", "Người lạ")))) {
            HttpResponse<byte[]> r = postForm(post.getKey(), post.getValue());
            assertThat(r.statusCode()).as(post.getKey()).isEqualTo(403);
        }
        Http.Answer unchanged = organiser.get(api);
        assertThat(unchanged.body().path("congress").path("status").asText()).isEqualTo("IN_SESSION");
        assertThat(unchanged.body().path("decisions").size()).isEqualTo(decisions);
        assertThat(organiser.get(api + "/delegates").body().path("delegates").size()).isEqualTo(46);
    }

    @Test
    void aCancelWithoutAReasonIsRefusedNextToTheReasonAndARescheduleMovesTheDay() throws Exception {
        Scenario s = new Scenario(admin()).units();
        String[] staff = staffAccount("ORGANISER", s.branch);
        Http organiser = http().as(login(staff[0], staff[1]));
        assertThat(s.convene(organiser).status()).isEqualTo(201);
        forgetSession(browser);
        browser.desktop();
        signInStaff(browser, staff);
        browser.open(base() + "/console/congresses/" + s.congress);
        waitFor("[data-cancel]");
        find("[data-cancel] button[type=submit]").click();
        waitFor("[data-field-error][data-field=reason]");
        assertThat(organiser.get("/api/congresses/" + s.congress).body().path("congress").path("status").asText()).isEqualTo("CONVENED");

        setValue("[data-reschedule] #date", "2023-05-27");
        type("#reschedule-reason", "Trùng lịch họp của tỉnh");
        find("[data-reschedule] button[type=submit]").click();
        // The page before the post has the same parts: wait for the answer's new day, not for a part that was already there.
        new org.openqa.selenium.support.ui.WebDriverWait(driver(), java.time.Duration.ofSeconds(5), java.time.Duration.ofMillis(50))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("[data-congress-status]")).getText().contains("27/05/2023"));
        assertThat(organiser.get("/api/congresses/" + s.congress).body().path("congress").path("date").asText()).isEqualTo("2023-05-27");

        type("#reason", "Sáp nhập đơn vị");
        find("[data-cancel] button[type=submit]").click();
        until("[data-congress-status]", "data-status", "CANCELLED", 5000);
        assertThat(step("roll")).isEqualTo("BLOCKED");
        assertThat(find("[data-step='roll'] [data-why]").getText()).contains("huỷ");
    }

    @Test
    void badInputOnEveryConsoleFormGetsThePageWithItsRefusalNeverAServerError() throws Exception {
        Scenario s = new Scenario(admin()).units();
        String[] staff = staffAccount("ORGANISER", s.upper);
        Http organiser = http().as(login(staff[0], staff[1]));
        assertThat(s.convene(organiser).status()).isEqualTo(201);
        forgetSession(browser);
        browser.desktop();
        signInStaff(browser, staff);
        String c = "/console/congresses/" + s.congress;
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("/console/units/" + s.branch + "/congresses/new", Map.of("kind", "WHATEVER", "ordinal", "mười", "termStart", "x",
                "termEnd", "9".repeat(40), "date", "20/05/2023", "venue", "Hội\u0000trường", "announcedSeats", "1e99"));
        cases.put(c + "/reschedule", Map.of("date", "không phải ngày", "venue", "x".repeat(5_000)));
        cases.put(c + "/cancel", Map.of("reason", "\u0000"));
        cases.put(c + "/session/decisions", Map.of("subject", "NOPE", "votesFor", "abc", "personIds", "x".repeat(500)));
        cases.put(c + "/session/close", Map.of());
        cases.put(c + "/roll/import", Map.of("file", "ma;ho_ten"));
        cases.put(c + "/roll/delegates", Map.of("code", "A\u0000B", "fullName", "", "birthDate", "hôm qua", "category", "BOSS"));
        cases.put(c + "/roll/replace", Map.of("delegateId", "nobody"));
        cases.put(c + "/roll/slips", Map.of("scope", "everyone"));
        cases.put("/desk/" + s.congress + "/check-out", Map.of("delegateId", "nobody"));
        cases.put("/desk/" + s.congress + "/correction", Map.of("delegateId", "nobody", "reason", ""));
        browser.open(base() + "/staff");
        for (var e : cases.entrySet()) {
            HttpResponse<byte[]> r = postForm(e.getKey(), e.getValue());
            String body = new String(r.body(), StandardCharsets.UTF_8);
            assertThat(r.statusCode()).as(e.getKey() + " " + body).isIn(404, 409, 413, 422);
            assertThat(body).as(e.getKey()).containsAnyOf("error-summary", "notice refusal").doesNotContain("Exception", "Whitelabel");
        }
        HttpResponse<byte[]> hint = postForm(c + "/session/hint", Map.of("votesFor", "abc", "votesAgainst", "-5"));
        assertThat(hint.statusCode()).isEqualTo(200);
        assertThat(organiser.get("/api/congresses/" + s.congress).body().path("congress").path("status").asText()).isEqualTo("CONVENED");
        assertThat(organiser.get("/api/congresses/" + s.congress + "/delegates").body().path("delegates").size()).isZero();
    }

    // ---- helpers --------------------------------------------------------------------------------------------


    /** The console's target: a 1366×768 desktop, no horizontal scroll, axe-core clean, a screenshot. */
    private void desktopChecks(String screenshot) {
        browser.desktop();
        assertThat(browser.noHorizontalScroll()).as("no horizontal scroll at 1366 px on " + screenshot).isTrue();
        browser.assertNoSeriousAccessibilityViolations(screenshot);
        assertThat(driver().getPageSource()).as("no stack trace or JSON on " + screenshot)
                .doesNotContain("Exception", "at vn.daihoi", "\"type\":\"urn:", "Whitelabel");
        browser.screenshot(screenshot);
    }

    private String step(String key) {
        return find("[data-step='" + key + "']").getAttribute("data-state");
    }




    private static Path file(String name, String content) throws Exception {
        Path dir = Files.createTempDirectory("roll");
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    /** A form post with the browser's session and the CSRF token of the page it shows (as the page's form would). */
    private HttpResponse<byte[]> postForm(String path, Map<String, String> fields) throws Exception {
        String csrf = find("input[name=_csrf]").getAttribute("value");
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf);
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        StringBuilder cookies = new StringBuilder();
        for (Cookie c : driver().manage().getCookies()) cookies.append(cookies.length() == 0 ? "" : "; ").append(c.getName()).append('=').append(c.getValue());
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies.toString())
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
