package vn.daihoi.congress.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.daihoi.support.Browser;
import vn.daihoi.support.ConsolePages;
import vn.daihoi.support.Http;
import vn.daihoi.support.PageTest;
import vn.daihoi.support.PdfText;
import vn.daihoi.support.Scenario;

import java.awt.image.BufferedImage;
import java.io.IOException;
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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, acceptance 1 and 2: a whole pilot congress through the pages only. The API is read to check and used to
 * set up staff accounts (the admin's job); every act of the congress goes through a page.
 *
 * <p>1. An organiser of the upper-level union convenes the Sóc Trăng Department of Home Affairs branch union's 10th
 * congress (pilot chosen by the upper union, 2023–2028, 5 seats); uploads a 45-delegate roll with 2 bad rows, reads
 * their lines, fixes and re-uploads; two desks open at once check in all 45, each seeing the other's check-ins live;
 * the session is opened and its decisions recorded; the election is set up (7 candidates, surplus verdict, list
 * approved), the ballot papers printed, 5 paper ballots handed out; the counting committee takes its key shares on
 * the desk page (the share is read from the PDF's QR code); 40 delegates vote on their phone pages with the codes the
 * desks showed, 5 paper ballots are entered twice (one mismatch found and corrected), the accounting balances; the
 * round is closed with the shares; results page and minutes PDF match the test's own hand count.
 *
 * <p>2. The new committee's first meeting is convened and summoned, checked in, opened, decides its counting
 * committee and list, and elects the chair through the console, the voter pages and the close; the branch's
 * organiser submits the term, the upper union's organiser recognises it; an auditor of the province sees the
 * 2023–2028 term with the chair on 2024-06-01 and opens its evidence.
 */
class PilotCongressBrowserTest extends PageTest {

    /** what each phone voter keeps, as ballot-order numbers (1–7), and how many voters keep it. */
    private static final List<Map.Entry<String, Integer>> PHONE = List.of(
            Map.entry("12345", 15), Map.entry("12346", 10), Map.entry("12357", 8), Map.entry("1246", 7));
    /** What the five paper ballots keep, as the counting desk types them ("d": an identifying mark, invalid). */
    private static final List<String> PAPER = List.of("12345", "12347", "1356", "2345", "d");

    private final Map<String, String> delegateByCode = new LinkedHashMap<>();
    private final Map<String, String> personByCode = new LinkedHashMap<>();
    private final Map<String, String> votingCodeByDelegate = new LinkedHashMap<>();

    @Test
    void aWholePilotCongressAndItsFirstMeetingRecognitionAndAuditThroughThePages() throws Exception {
        long started = System.nanoTime();
        Scenario s = new Scenario(admin()).units();
        String[] upperStaff = staffAccount("ORGANISER", s.upper);
        Http upperApi = http().as(login(upperStaff[0], upperStaff[1]));

        // ================= Acceptance 1 =================
        // ---- Convene, from the console's unit list.
        forgetSession(browser);
        browser.desktop();
        staffSignIn(browser, upperStaff);
        find("[data-console-link]").click();
        waitFor("[data-unit='" + s.branch + "'] [data-convene]");
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
        new Select(find("#pilotChosenByUnitId")).selectByValue(s.upper);
        new Select(find("#profileId")).selectByValue("union-2020");
        find("[data-convene-form] button[type=submit]").click();
        waitFor("[data-steps]");
        String congressId = driver().getCurrentUrl().replaceAll(".*/console/congresses/", "");
        String api = "/api/congresses/" + congressId;
        JsonNode convened = upperApi.get(api).body().path("congress");
        assertThat(convened.path("unitId").asText()).isEqualTo(s.branch);
        assertThat(convened.path("ordinal").asInt()).isEqualTo(10);
        assertThat(convened.path("pilot").asBoolean()).isTrue();
        assertThat(convened.path("pilotChosenByUnitId").asText()).isEqualTo(s.upper);
        assertThat(convened.path("announcedSeats").asInt()).isEqualTo(5);
        assertThat(convened.path("term").path("startYear").asInt()).isEqualTo(2023);
        assertThat(convened.path("term").path("endYear").asInt()).isEqualTo(2028);
        ConsolePages.check(browser, null);

        // ---- The roll: 45 rows, 2 bad (lines 5 and 12); the report names them; fixed and uploaded again.
        browser.open(base() + "/console/congresses/" + congressId + "/roll");
        waitFor("[data-upload]");
        String good = Scenario.csv(45, "P");
        List<String> lines = new ArrayList<>(List.of(good.split("\n")));
        lines.set(4, lines.get(4).replaceFirst(";[^;]+;", ";;"));
        lines.set(11, lines.get(11).replaceFirst(";\\d\\d/\\d\\d/", ";99/99/"));
        upload(file("roll-with-errors.csv", String.join("\n", lines) + "\n"));
        waitFor("[data-import-report]");
        assertThat(find("[data-import-report]").getAttribute("data-added")).isEqualTo("43");
        assertThat(all("[data-rejected] tr[data-line]").stream().map(e -> e.getAttribute("data-line")).toList()).containsExactly("5", "12");
        upload(file("roll-fixed.csv", good));
        waitFor("[data-import-report]");
        assertThat(find("[data-import-report]").getAttribute("data-added")).isEqualTo("2");
        assertThat(find("[data-import-report]").getAttribute("data-rejected")).isEqualTo("0");
        assertThat(all("[data-roll] tbody tr")).hasSize(45);
        for (JsonNode d : upperApi.get(api + "/delegates").body().path("delegates")) {
            delegateByCode.put(d.path("code").asText(), d.path("delegateId").asText());
            personByCode.put(d.path("code").asText(), d.path("personId").asText());
        }
        assertThat(delegateByCode).hasSize(45);
        List<String> codes = new ArrayList<>(delegateByCode.keySet());
        codes.sort(String::compareTo);

        // ---- Two desks open at once: each checks in half the hall and sees the other's check-ins on its counter.
        Browser second = Browser.start();
        try {
            forgetSession(second);
            staffSignIn(second, upperStaff);
            browser.phone();
            second.phone();
            for (Browser b : List.of(browser, second)) {
                b.open(base() + "/desk/" + congressId);
                waitFor(b.driver(), "[data-counter-live]");
                untilOn(b, "[data-counter-live]", "data-present", "0", 5000);
            }
            for (int i = 0; i < codes.size(); i++) {
                Browser desk = i % 2 == 0 ? browser : second;
                Browser other = i % 2 == 0 ? second : browser;
                String delegate = delegateByCode.get(codes.get(i));
                votingCodeByDelegate.put(delegate, checkIn(desk, codes.get(i), delegate));
                untilOn(other, "[data-counter-live]", "data-present", Integer.toString(i + 1), 5000);
            }
            untilOn(browser, "[data-counter-live]", "data-present", "45", 5000);
            assertThat(second.driver().findElement(By.cssSelector("[data-counter-live]")).getAttribute("data-summoned")).isEqualTo("45");
        } finally {
            second.close();
        }
        assertThat(upperApi.get(api).body().path("present").asInt()).isEqualTo(45);
        assertThat(votingCodeByDelegate.values()).doesNotHaveDuplicates().allMatch(c -> c.matches("[A-Z0-9]{4}-[A-Z0-9]{4}"));

        // ---- The session: opened, then the show-of-hands decisions.
        browser.desktop();
        browser.open(base() + "/console/congresses/" + congressId + "/session");
        waitFor("[data-open-session]");
        find("[data-open-session] button").click();
        waitFor("[data-close-session]");
        List<String> candidates = codes.subList(0, 7);                 // P001–P007 stand
        List<String> counters = codes.subList(42, 45);                // P043–P045 count (R-14: they stand for nothing)
        decide(congressId, "PRESIDIUM", "Bầu Đoàn Chủ tịch Đại hội", codes.subList(7, 10), null, 45);
        decide(congressId, "SECRETARIAT", "Cử Đoàn Thư ký Đại hội", codes.subList(10, 12), null, 45);
        decide(congressId, "COUNTING_COMMITTEE", "Bầu Ban Kiểm phiếu", counters, null, 45);
        decide(congressId, "COMMITTEE_SIZE", "Số lượng Ban Chấp hành khóa X", List.of(), 5, 44);
        ConsolePages.check(browser, null);
        JsonNode decisions = upperApi.get(api).body().path("decisions");
        assertThat(decisions.findValuesAsText("subject")).containsExactly("PRESIDIUM", "SECRETARIAT", "COUNTING_COMMITTEE", "COMMITTEE_SIZE");
        for (JsonNode d : decisions) assertThat(d.path("passed").asBoolean()).as(d.toString()).isTrue();

        // The counting committee's staff accounts, linked to their persons (the admin's setup).
        List<String[]> members = new ArrayList<>();
        for (String code : counters) members.add(countingAccount(personByCode.get(code), congressId));

        // ---- The election: created, 7 nominated, the list voted, the surplus verdict shown, approved.
        browser.open(base() + "/console/congresses/" + congressId + "/elections");
        waitFor("[data-create-election]");
        new Select(find("#body")).selectByValue("EXECUTIVE_COMMITTEE");
        type("#seats", "5");
        find("[data-create-election] button[type=submit]").click();
        waitFor("[data-election-title]");
        String electionId = driver().getCurrentUrl().replaceAll(".*/console/elections/([^/?#]+).*", "$1");
        assertThat(find("[data-seats]").getText()).isEqualTo("5");
        for (String code : candidates) nominate(personByCode.get(code));
        assertThat(find("[data-verdict]").getAttribute("data-candidates")).isEqualTo("7");
        decide(congressId, "CANDIDATE_LIST", "Danh sách bầu cử Ban Chấp hành (7 người)", candidates, null, 45);
        browser.open(base() + "/console/elections/" + electionId);
        waitFor("[data-approve]");
        assertThat(find("[data-verdict]").getAttribute("data-met")).as("7 for 5 seats: the surplus R-22 asks").isEqualTo("true");
        assertThat(find("[data-verdict]").getText()).isNotBlank();
        List<String> preview = all("[data-ballot-order] li").stream().map(e -> e.getAttribute("data-candidate")).toList();
        assertThat(preview).hasSize(7);
        new Select(find("#listDecisionId")).selectByIndex(lastOption("#listDecisionId"));
        find("[data-approve] button[type=submit]").click();
        waitFor("[data-list-approved]");
        List<String> order = new ArrayList<>();
        upperApi.get("/api/elections/" + electionId).body().path("ballotOrder").forEach(x -> order.add(x.asText()));
        assertThat(order).isEqualTo(preview);
        ConsolePages.check(browser, null);

        // ---- Round 1 opened with its confirmation; the ballot papers printed; 5 paper ballots handed out.
        find("[data-open-first] button").click();
        waitFor("[data-open-confirm]");
        assertThat(find("[data-open-confirm]").getAttribute("data-present")).isEqualTo("45");
        find("[data-open-round] button[type=submit]").click();
        waitFor("section[data-round='1'][data-status=OPEN]");
        assertThat(find("[data-round-voters]").getAttribute("data-voters")).isEqualTo("45");
        HttpResponse<byte[]> papers = download(browser, find("[data-ballot-papers]").getAttribute("href").replace(base(), ""));
        assertThat(papers.statusCode()).isEqualTo(200);
        assertThat(papers.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String papersText = PdfText.of(papers.body());
        assertThat(papersText).contains("PHIẾU BẦU");
        List<String> paperVoters = codes.subList(35, 40);              // P036–P040 vote on paper
        for (String code : paperVoters) {
            new Select(find("#paper-delegateId")).selectByValue(delegateByCode.get(code));
            // The page before the post may already say a paper ballot was issued: wait for the new page.
            submitAndWaitForNewPage("[data-paper] button[type=submit]");
            waitFor("[data-paper-issued]");
        }

        // ---- The counting committee takes its key shares on the desk page; each share is read from its PDF's QR code.
        String desk = "/counting/elections/" + electionId + "/rounds/1";
        List<String> shares = new ArrayList<>();
        int needed = 0;
        for (String[] m : members) {
            forgetSession(browser);
            browser.desktop();
            staffSignIn(browser, m);
            browser.open(base() + desk);
            waitFor("[data-key-share] form[data-share-form]");
            HttpResponse<byte[]> sheet = postForm(browser, desk + "/key-share.pdf", Map.of());
            assertThat(sheet.statusCode()).isEqualTo(200);
            assertThat(sheet.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
            String text = PdfText.of(sheet.body());
            assertThat(text).contains("MẢNH KHOÁ HÒM PHIẾU");
            Matcher n = Pattern.compile("Số mảnh cần để mở hòm phiếu:? (\\d+)").matcher(text);
            assertThat(n.find()).as(text).isTrue();
            needed = Integer.parseInt(n.group(1));
            String share = qr(sheet.body());
            assertThat(text.replace(" ", "")).as("the letters to type are the QR code's").contains(share);
            shares.add(share);
            browser.open(base() + desk);
            waitFor("[data-share-taken]");
        }
        assertThat(upperApi.get("/api/elections/" + electionId + "/rounds/1").body().path("box").path("sealed").asBoolean())
                .as("every member took his share").isTrue();
        assertThat(needed).isBetween(2, 3);

        // ---- 40 delegates vote on their phone pages with the codes the desks showed, one after another.
        Map<Integer, Integer> hand = new LinkedHashMap<>();
        for (int n = 1; n <= 7; n++) hand.put(n, 0);
        List<String> phoneVoters = new ArrayList<>(codes);
        phoneVoters.removeAll(paperVoters);
        assertThat(phoneVoters).hasSize(40);
        int v = 0;
        browser.phone();
        forgetSession(browser);
        for (Map.Entry<String, Integer> pattern : PHONE) {
            for (int k = 0; k < pattern.getValue(); k++) {
                String delegate = delegateByCode.get(phoneVoters.get(v++));
                voteOnPhone(votingCodeByDelegate.get(delegate), electionId, pattern.getKey());
                for (char ch : pattern.getKey().toCharArray()) hand.merge(ch - '0', 1, Integer::sum);
            }
        }
        assertThat(v).isEqualTo(40);
        assertThat(upperApi.get("/api/elections/" + electionId + "/rounds/1").body().path("participants").asInt()).isEqualTo(40);

        // ---- Paper ballots entered twice, by two members at the counting desk; one mismatch found and corrected.
        forgetSession(browser);
        browser.desktop();
        staffSignIn(browser, members.get(0));
        browser.open(base() + desk);
        until("#desk", "data-enhanced", "1", 5000);
        enterStack(PAPER);
        assertThat(find("[data-own-count]").getAttribute("data-count")).isEqualTo("5");
        assertThat(find("[data-mismatches]").getAttribute("data-count")).isEqualTo("0");
        forgetSession(browser);
        staffSignIn(browser, members.get(1));
        browser.open(base() + desk);
        until("#desk", "data-enhanced", "1", 5000);
        assertThat(find("[data-own-count]").getAttribute("data-count")).isEqualTo("0");
        List<String> typedBySecond = new ArrayList<>(PAPER);
        typedBySecond.set(2, "1357");                                  // sheet 3 misread
        enterStack(typedBySecond);
        until("[data-mismatches]", "data-count", "1", 5000);
        WebElement mismatch = find(".mismatch[data-sheet='3']");
        assertThat(mismatch.findElement(By.cssSelector("[data-side=mine] .numbers")).getText()).isEqualTo("1 3 5 7");
        assertThat(mismatch.findElement(By.cssSelector("[data-side=other] .numbers")).getText()).isEqualTo("1 3 5 6");
        WebElement kept = find("#kept-3");
        kept.clear();
        kept.sendKeys("1356");
        find("#reason-3").sendKeys("Đối chiếu phiếu giấy: giữ số 6, không phải số 7");
        find("[data-correction-form] button").click();
        until("[data-mismatches]", "data-count", "0", 5000);
        // The accounting: 5 handed out = 5 collected + 0 spoiled + 0 not returned.
        WebElement notReturned = find("#notReturned");
        notReturned.clear();
        notReturned.sendKeys("0");
        until("[data-balance]", "data-verdict", "BALANCED", 5000);
        find("[data-accounting-form] button").click();
        waitFor("[data-accounted]");
        ConsolePages.check(browser, null);
        for (String paper : PAPER) for (char ch : paper.toCharArray()) if (Character.isDigit(ch)) hand.merge(ch - '0', 1, Integer::sum);

        // ---- The organiser closes the round from the console with the members' shares.
        forgetSession(browser);
        browser.desktop();
        staffSignIn(browser, upperStaff);
        browser.open(base() + "/console/elections/" + electionId);
        waitFor("[data-close-start]");
        find("[data-close-start] button").click();
        waitFor("[data-close-confirm]");
        // The confirmation counts the phone ballots cast; the 5 paper ballots are counted at the close.
        assertThat(find("[data-close-confirm]").getAttribute("data-collected")).isEqualTo("40");
        find("#shares").sendKeys(String.join("\n", shares.subList(0, needed)));
        find("[data-close] button[type=submit]").click();
        waitFor("section[data-round='1'][data-status=COUNTED]");

        // ---- The hand count: 43 43 37 35 26 18 9 for ballot numbers 1–7 (44 valid, 1 invalid); five elected.
        assertThat(hand).isEqualTo(Map.of(1, 43, 2, 43, 3, 37, 4, 35, 5, 26, 6, 18, 7, 9));
        for (int n = 1; n <= 7; n++) {
            WebElement row = find("[data-results] tr[data-candidate='" + order.get(n - 1) + "']");
            assertThat(row.findElement(By.cssSelector("[data-votes]")).getText()).as("name " + n).isEqualTo(hand.get(n).toString());
            assertThat(row.getAttribute("data-outcome")).as("name " + n).isEqualTo(n <= 5 ? "ELECTED" : "BELOW_THRESHOLD");
        }
        assertThat(find("[data-elected-count]").getText()).isEqualTo("5");
        String minutesPath = find("[data-minutes]").getAttribute("href").replace(base(), "");
        find("[data-results-link]").click();
        waitFor("[data-results]");
        assertThat(all("[data-results] tr.elected")).hasSize(5);
        assertThat(find("[data-collected]").getText()).isEqualTo("45");
        for (int n = 1; n <= 7; n++) {
            assertThat(find("[data-results] tr[data-candidate='" + order.get(n - 1) + "'] [data-votes]").getText()).isEqualTo(hand.get(n).toString());
        }
        HttpResponse<byte[]> minutes = download(browser, minutesPath);
        assertThat(minutes.statusCode()).isEqualTo(200);
        assertThat(minutes.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String minutesText = PdfText.of(minutes.body());
        assertThat(minutesText).contains("Số phiếu phát ra: 45", "Số phiếu thu về: 45 (điện tử 40, giấy 5)", "Số phiếu hợp lệ: 44",
                "Số phiếu không hợp lệ: 1", "Số phiếu không thu về: 0", "Số lượng cần bầu: 5", "Số ứng cử viên: 7");
        JsonNode approved = upperApi.get("/api/elections/" + electionId).body();
        Map<String, String> nameOf = new LinkedHashMap<>();
        for (JsonNode c : approved.path("candidates")) nameOf.put(c.path("candidateId").asText(), c.path("fullName").asText());
        List<String> electedNames = new ArrayList<>();
        for (int n = 1; n <= 7; n++) {
            String name = nameOf.get(order.get(n - 1));
            assertThat(name).isNotBlank();
            // The table's line for the name: its votes follow its name and source.
            Matcher line = Pattern.compile(Pattern.quote(name) + " [^0-9]*?(\\d+) \\d+,\\d+ %").matcher(minutesText);
            assertThat(line.find()).as(name + " in " + minutesText).isTrue();
            assertThat(Integer.parseInt(line.group(1))).as(name).isEqualTo(hand.get(n));
            if (n <= 5) electedNames.add(name);
        }
        assertThat(minutesText).contains("Trúng cử: " + String.join(", ", electedNames));
        List<String> elected = new ArrayList<>();
        approved.path("electedCandidateIds").forEach(x -> elected.add(x.asText()));
        assertThat(elected).containsExactlyInAnyOrderElementsOf(order.subList(0, 5));
        Map<String, String> personOfCandidate = new LinkedHashMap<>();
        for (JsonNode c : approved.path("candidates")) personOfCandidate.put(c.path("candidateId").asText(), c.path("personId").asText());
        List<String> committee = order.subList(0, 5).stream().map(personOfCandidate::get).toList();
        System.out.printf("Pilot congress, acceptance 1 through the pages: %d s%n", (System.nanoTime() - started) / 1_000_000_000L);

        // ================= Acceptance 2 =================
        // ---- The first meeting, convened from the page by the congress's organiser; the elected committee summoned.
        String chair = committee.get(0);
        browser.open(base() + "/console/congresses/" + congressId + "/first-meeting");
        waitFor("[data-convene-meeting]");
        assertThat(new Select(find("#convenerPersonId")).getOptions()).extracting(o -> o.getAttribute("value"))
                .containsExactlyInAnyOrderElementsOf(committee);
        new Select(find("#convenerPersonId")).selectByValue(chair);
        type("#venue", "Phòng họp Sở Nội vụ tỉnh Sóc Trăng");
        find("[data-convene-meeting] button[type=submit]").click();
        waitFor("[data-meeting] [data-summon]");
        String meetingId = find("[data-meeting]").getAttribute("data-meeting-id");
        find("[data-summon] button").click();
        until("[data-meeting]", "data-summoned", "5", 5000);
        String meetingApi = "/api/congresses/" + meetingId;
        assertThat(upperApi.get(meetingApi).body().path("congress").path("purpose").asText()).isEqualTo("FIRST_MEETING");
        Map<String, String> meetingDelegateOf = new LinkedHashMap<>();
        Map<String, String> meetingCodeOf = new LinkedHashMap<>();
        for (JsonNode d : upperApi.get(meetingApi + "/delegates").body().path("delegates")) {
            meetingDelegateOf.put(d.path("personId").asText(), d.path("delegateId").asText());
            meetingCodeOf.put(d.path("personId").asText(), d.path("code").asText());
        }
        assertThat(meetingDelegateOf.keySet()).containsExactlyInAnyOrderElementsOf(committee);

        // ---- Its members checked in at its desk (the codes the desk shows), the session opened, its decisions recorded.
        Map<String, String> meetingVotingCode = new LinkedHashMap<>();
        browser.open(base() + "/desk/" + meetingId);
        waitFor("[data-counter-live]");
        for (String p : committee) meetingVotingCode.put(p, checkIn(browser, meetingCodeOf.get(p), meetingDelegateOf.get(p)));
        until("[data-counter-live]", "data-present", "5", 5000);
        browser.open(base() + "/console/congresses/" + meetingId + "/session");
        waitFor("[data-open-session]");
        find("[data-open-session] button").click();
        waitFor("[data-close-session]");
        List<String> meetingCounters = List.of(committee.get(3), committee.get(4));
        decideByPerson(meetingId, "COUNTING_COMMITTEE", "Cử Tổ kiểm phiếu của hội nghị", meetingCounters.stream().map(meetingDelegateOf::get).toList(), 5);
        List<String[]> meetingMembers = new ArrayList<>();
        for (String p : meetingCounters) meetingMembers.add(countingAccount(p, meetingId));

        // ---- The chair's election: created, nominated, listed, approved, opened, key shares taken, voted, closed.
        browser.open(base() + "/console/congresses/" + meetingId + "/elections");
        waitFor("[data-create-election]");
        new Select(find("#body")).selectByValue("CHAIR");
        find("[data-create-election] button[type=submit]").click();
        waitFor("[data-election-title]");
        String chairElection = driver().getCurrentUrl().replaceAll(".*/console/elections/([^/?#]+).*", "$1");
        nominate(chair);
        decideByPerson(meetingId, "CANDIDATE_LIST", "Danh sách bầu Chủ tịch Công đoàn cơ sở", List.of(meetingDelegateOf.get(chair)), 5);
        browser.open(base() + "/console/elections/" + chairElection);
        waitFor("[data-approve]");
        new Select(find("#listDecisionId")).selectByIndex(lastOption("#listDecisionId"));
        find("[data-approve] button[type=submit]").click();
        waitFor("[data-list-approved]");
        find("[data-open-first] button").click();
        waitFor("[data-open-confirm]");
        assertThat(find("[data-open-confirm]").getAttribute("data-present")).isEqualTo("5");
        find("[data-open-round] button[type=submit]").click();
        waitFor("section[data-round='1'][data-status=OPEN]");
        String chairDesk = "/counting/elections/" + chairElection + "/rounds/1";
        List<String> chairShares = new ArrayList<>();
        int chairNeeded = 0;
        for (String[] m : meetingMembers) {
            forgetSession(browser);
            staffSignIn(browser, m);
            browser.open(base() + chairDesk);
            waitFor("[data-key-share] form[data-share-form]");
            HttpResponse<byte[]> sheet = postForm(browser, chairDesk + "/key-share.pdf", Map.of());
            assertThat(sheet.statusCode()).isEqualTo(200);
            Matcher n = Pattern.compile("Số mảnh cần để mở hòm phiếu:? (\\d+)").matcher(PdfText.of(sheet.body()));
            assertThat(n.find()).isTrue();
            chairNeeded = Integer.parseInt(n.group(1));
            chairShares.add(qr(sheet.body()));
        }
        browser.phone();
        forgetSession(browser);
        for (String p : committee) voteOnPhone(meetingVotingCode.get(p), chairElection, "1");
        forgetSession(browser);
        browser.desktop();
        staffSignIn(browser, upperStaff);
        browser.open(base() + "/console/elections/" + chairElection);
        waitFor("[data-close-start]");
        find("[data-close-start] button").click();
        waitFor("[data-close-confirm]");
        assertThat(find("[data-close-confirm]").getAttribute("data-collected")).isEqualTo("5");
        find("#shares").sendKeys(String.join("\n", chairShares.subList(0, chairNeeded)));
        find("[data-close] button[type=submit]").click();
        waitFor("section[data-round='1'][data-status=COUNTED]");
        JsonNode chairCounted = upperApi.get("/api/elections/" + chairElection).body();
        String chairCandidate = chairCounted.path("ballotOrder").get(0).asText();
        assertThat(find("[data-results] tr[data-candidate='" + chairCandidate + "'] [data-votes]").getText()).isEqualTo("5");
        assertThat(find("[data-results] tr[data-candidate='" + chairCandidate + "']").getAttribute("data-outcome")).isEqualTo("ELECTED");
        assertThat(chairCounted.path("electedCandidateIds").get(0).asText()).isEqualTo(chairCandidate);

        // ---- Submission by the branch union's organiser on the terms page; recognition by the upper union's organiser.
        String[] branchStaff = staffAccount("ORGANISER", s.branch);
        forgetSession(browser);
        staffSignIn(browser, branchStaff);
        browser.open(base() + "/console/units/" + s.branch + "/terms");
        waitFor("[data-submit-form]");
        assertThat(all("[data-submit-form] input[name=electionIds]")).extracting(e -> e.getAttribute("value"))
                .contains(electionId, chairElection);
        for (WebElement box : all("[data-submit-form] input[name=electionIds]")) {
            boolean wanted = List.of(electionId, chairElection).contains(box.getAttribute("value"));
            if (box.isSelected() != wanted) find("label[for='" + box.getAttribute("id") + "']").click();
        }
        find("[data-submit-form] button[type=submit]").click();
        waitFor("[data-term-status], [data-problem]");
        assertThat(all("[data-problem]")).as(() -> find("main").getText()).isEmpty();
        assertThat(find("[data-term-status]").getAttribute("data-status")).isEqualTo("SUBMITTED");
        String leadership = driver().getCurrentUrl().replaceFirst(".*/console/terms/", "").replaceAll("[?#].*", "");
        forgetSession(browser);
        staffSignIn(browser, upperStaff);
        browser.open(base() + "/console/terms/" + leadership);
        waitFor("[data-recognise-form]");
        setValue("#recognisedOn", "2023-06-15");
        find("#recognise-decision").sendKeys("125/QĐ-CĐVC");
        setValue("#recognise-decision-signedOn", "2023-06-15");
        find("[data-recognise-form] button[type=submit]").click();
        until("[data-term-status]", "data-status", "RECOGNISED", 5000);
        ConsolePages.check(browser, null);

        // ---- An auditor of the province: the 2023–2028 term, the chair on 2024-06-01, the evidence behind it.
        String[] auditor = staffAccount("AUDITOR", s.province);
        forgetSession(browser);
        staffSignIn(browser, auditor);
        browser.open(base() + "/audit/units/" + s.branch + "/terms");
        waitFor("[data-audit-terms]");
        WebElement term = all("li.term").stream().filter(t -> "2023–2028".equals(t.getAttribute("data-term"))).findFirst().orElseThrow();
        assertThat(term.getAttribute("data-status")).isEqualTo("RECOGNISED");
        assertThat(term.findElements(By.cssSelector("tr[data-office=CHAIR]"))).singleElement()
                .satisfies(r -> assertThat(r.getAttribute("data-person")).isEqualTo(chair));
        assertThat(term.findElement(By.cssSelector("[data-evidence=recognition]")).getText()).contains("125/QĐ-CĐVC", "15/06/2023");
        Map<String, String> evidence = new LinkedHashMap<>();
        for (WebElement e : term.findElements(By.cssSelector("a[data-evidence]"))) {
            evidence.put(e.getAttribute("href").substring(base().length()), e.getAttribute("data-evidence"));
        }
        assertThat(evidence.values()).contains("congress", "results", "minutes", "dossier");
        for (var link : evidence.entrySet()) {
            HttpResponse<byte[]> r = download(browser, link.getKey());
            assertThat(r.statusCode()).as(link.getKey()).isEqualTo(200);
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (link.getValue().equals("minutes") || link.getValue().equals("dossier")) {
                assertThat(type).as(link.getKey()).startsWith("application/pdf");
                assertThat(new String(r.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            } else {
                assertThat(type).as(link.getKey()).startsWith("text/html");
            }
        }
        WebElement on = find("#on");
        setValue("#on", "2024-06-01");
        on.findElement(By.xpath("ancestor::form")).findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("2024-06-01"));
        waitFor("[data-audit-holders]");
        assertThat(all("tr[data-office=CHAIR]")).singleElement().satisfies(r -> {
            assertThat(r.getAttribute("data-person")).isEqualTo(chair);
            assertThat(r.getAttribute("data-leadership")).isEqualTo(leadership);
        });
        ConsolePages.assertReadOnly(browser);
        JsonNode holders = upperApi.get("/api/units/" + s.branch + "/office-holders?on=2024-06-01").body().path("holdings");
        for (JsonNode h : holders) if (h.path("office").asText().equals("CHAIR")) assertThat(h.path("personId").asText()).isEqualTo(chair);
        System.out.printf("Pilot congress, acceptance 1 and 2 through the pages: %d s%n", (System.nanoTime() - started) / 1_000_000_000L);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private void staffSignIn(Browser b, String[] account) {
        b.open(base() + "/staff");
        b.driver().findElement(By.id("username")).sendKeys(account[0]);
        b.driver().findElement(By.id("password")).sendKeys(account[1]);
        b.driver().findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(b.driver(), "form[action$='/staff/sign-out']");
    }

    /** A COUNTING account of the congress or meeting, linked to the person (set up as the admin would). */
    private String[] countingAccount(String personId, String congressId) {
        String username = "kp" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String password = "password-for-" + username;
        Http.Answer a = admin().post("/api/accounts", """
                {"username":"%s","password":"%s","personId":"%s","grants":[{"role":"COUNTING","scopeId":"%s"}]}"""
                .formatted(username, password, personId, congressId));
        assertThat(a.status()).as(a.raw()).isEqualTo(201);
        return new String[]{username, password};
    }

    /** At a desk: the delegate found by his code, checked in with one click; answers the voting code shown. */
    private String checkIn(Browser b, String code, String delegateId) {
        WebElement q = b.driver().findElement(By.id("q"));
        q.clear();
        q.sendKeys(code);
        new WebDriverWait(b.driver(), Duration.ofSeconds(5), Duration.ofMillis(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    List<WebElement> li = d.findElements(By.cssSelector("[data-results-list] li"));
                    return li.size() == 1 && delegateId.equals(li.get(0).getAttribute("data-delegate"));
                });
        b.driver().findElement(By.cssSelector("[data-results-list] li button")).click();
        return new WebDriverWait(b.driver(), Duration.ofSeconds(10), Duration.ofMillis(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    List<WebElement> done = d.findElements(By.cssSelector("[data-checked-in][data-delegate='" + delegateId + "'] [data-voting-code]"));
                    return done.isEmpty() ? null : done.get(0).getText();
                });
    }

    private void untilOn(Browser b, String css, String attribute, String value, long ms) {
        new WebDriverWait(b.driver(), Duration.ofMillis(ms), Duration.ofMillis(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> value.equals(e.getAttribute(attribute))));
    }

    /** One show-of-hands decision on the session page, the people chosen by their codes on the roll. */
    private void decide(String congressId, String subject, String title, List<String> codes, Integer seats, int votesFor) {
        decideByPerson(congressId, subject, title, codes.stream().map(delegateByCode::get).toList(), seats == null ? null : seats, votesFor);
    }

    private void decideByPerson(String congressId, String subject, String title, List<String> delegateIds, int votesFor) {
        decideByPerson(congressId, subject, title, delegateIds, null, votesFor);
    }

    private void decideByPerson(String congressId, String subject, String title, List<String> delegateIds, Integer seats, int votesFor) {
        browser.open(base() + "/console/congresses/" + congressId + "/session");
        waitFor("[data-decision-form]");
        int before = all("[data-decisions] tr[data-subject='" + subject + "'][data-passed=true]").size();
        new Select(find("#subject")).selectByValue(subject);
        type("#title", title);
        for (String d : delegateIds) find("label[for='p-" + d + "']").click();
        if (seats != null) type("#seats", seats.toString());
        type("#votesFor", Integer.toString(votesFor));
        type("#votesAgainst", "0");
        type("#abstentions", "0");
        find("[data-decision-form] button[type=submit]").click();
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d ->
                d.findElements(By.cssSelector("[data-decisions] tr[data-subject='" + subject + "'][data-passed=true]")).size() == before + 1);
    }

    /** On the election page: a person of the roll nominated by the outgoing committee. */
    private void nominate(String personId) {
        new Select(find("#personId")).selectByValue(personId);
        new Select(find("#source")).selectByValue("OUTGOING_COMMITTEE");
        driver().executeScript("document.body.setAttribute('data-before-post', '1')");
        find("[data-nominate] button[type=submit]").click();
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("body[data-before-post]")).isEmpty());
        waitFor("[data-candidates] [data-candidate]");
        assertThat(all("[data-problem]")).as("nomination of " + personId).isEmpty();
    }

    private int lastOption(String css) {
        return new Select(find(css)).getOptions().size() - 1;
    }

    /** A delegate on his phone: the code typed on /vote, the names kept (ballot-order numbers), reviewed, confirmed, signed out. */
    private void voteOnPhone(String code, String electionId, String kept) {
        signIn(browser, code);
        waitFor("ul.rounds");
        browser.open(base() + "/vote/elections/" + electionId + "/rounds/1");
        waitFor("form[data-ballot]");
        for (char ch : kept.toCharArray()) find("label[for='c" + ch + "']").click();
        find("form[data-ballot] button[type=submit]").click();
        waitFor("#confirm");
        assertThat(all("[data-kept] li")).hasSize(kept.length());
        find("#confirm").click();
        waitFor("#tracking-code");
        browser.open(base() + "/vote");
        waitFor("form[action$='/vote/sign-out'] button");
        find("form[action$='/vote/sign-out'] button").click();
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("form[action$='/vote/sign-out']")).isEmpty());
    }

    /** Types each paper ballot and Enter at the counting desk, keyboard only, waiting for the desk to be ready again. */
    private void enterStack(List<String> stack) {
        int timed = Integer.parseInt(java.util.Objects.requireNonNullElse(find("#desk").getAttribute("data-timed"), "0"));
        for (String typed : stack) {
            WebElement field = new WebDriverWait(driver(), Duration.ofSeconds(5), Duration.ofMillis(20))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        WebElement f = d.findElement(By.id("kept"));
                        return "1".equals(d.findElement(By.id("desk")).getAttribute("data-ready")) && f.getAttribute("value").isEmpty() ? f : null;
                    });
            field.sendKeys(typed);
            field.sendKeys(Keys.ENTER);
            timed++;
            until("#desk", "data-timed", String.valueOf(timed), 10_000);
            assertThat(all("[data-problem]")).as("ballot " + typed + " accepted").isEmpty();
        }
    }




    private static Path file(String name, String content) throws IOException {
        Path f = Files.createTempDirectory("roll").resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    /** The post a page's form makes, with the browser's session and the page's CSRF token (a download, here). */
    private HttpResponse<byte[]> postForm(Browser b, String path, Map<String, String> fields) throws Exception {
        String csrf = b.driver().findElement(By.cssSelector("input[name=_csrf]")).getAttribute("value");
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf);
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        StringBuilder cookies = new StringBuilder();
        for (Cookie c : b.driver().manage().getCookies()) cookies.append(cookies.length() == 0 ? "" : "; ").append(c.getName()).append('=').append(c.getValue());
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies.toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The QR code on the first page of a PDF, read as a phone's camera would. */
    private static String qr(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            var source = new com.google.zxing.RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels);
            return new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                    new com.google.zxing.common.HybridBinarizer(source))).getText();
        } catch (com.google.zxing.NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            throw new AssertionError("no readable QR code on the key share sheet", e);
        }
    }
}
