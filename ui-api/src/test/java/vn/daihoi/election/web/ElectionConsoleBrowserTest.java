package vn.daihoi.election.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.CountingDesk;
import vn.daihoi.support.PageTest;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 6 and acceptance 3: the organiser runs an election from the console at a desktop (1366×768). The
 * congress in session, the show-of-hands decisions (the session page's work) and the counting committee's key shares
 * come from the API; creating the election, the nominations, the approval, the rounds and the count go through the
 * pages. Voters cast through the API, as their phones would.
 */
class ElectionConsoleBrowserTest extends PageTest {

    @Test
    void anOrganiserSetsUpAnElectionWatchesTheTurnoutLiveAndClosesTheRoundWithTheKeyShares() throws Exception {
        CongressInSession c = new CongressInSession(this, 12, 10);
        signInAsOrganiser(c);
        browser.open(base() + "/console/congresses/" + c.scenario.congress + "/elections");
        waitFor("[data-create-election]");
        desktopChecks("console-elections");

        // A refusal of the API's edge, next to its field: no body chosen.
        find("[data-create-election] button[type=submit]").click();
        waitFor("[data-field-error][data-field=body]");
        assertThat(find("[data-problem]").getAttribute("data-field")).isEqualTo("body");

        new Select(find("#body")).selectByValue("EXECUTIVE_COMMITTEE");
        find("#seats").sendKeys("5");
        find("[data-create-election] button[type=submit]").click();
        waitFor("[data-election-title]");
        String electionId = driver().getCurrentUrl().replaceAll(".*/console/elections/([^/?#]+).*", "$1");
        c.electionId = electionId;
        assertThat(find("[data-seats]").getText()).isEqualTo("5");

        // five from the roll — the verdict follows each nomination (too few, then no surplus).
        for (int i = 0; i < 5; i++) {
            nominate(c.personIds.get(i), "OUTGOING_COMMITTEE", null, null);
            assertThat(find("[data-verdict]").getAttribute("data-candidates")).isEqualTo(Integer.toString(i + 1));
            assertThat(find("[data-verdict]").getAttribute("data-met")).isEqualTo("false");
            assertThat(find("[data-verdict]").getAttribute("data-type")).isEqualTo(i < 4 ? "too-few-candidates" : "surplus-too-small");
        }
        // The congress votes the five-name list, and (for the test) a list without surplus: choosing that vote
        // turns the verdict before any submit, un-choosing it turns it back.
        String listOfFive = c.decide("CANDIDATE_LIST", "Danh sách bầu cử (5 người)", c.personIds.subList(0, 5), null);
        String noSurplus = c.decide("LIST_WITHOUT_SURPLUS", "Bầu không dư", List.of(), null);
        browser.open(base() + "/console/elections/" + electionId);
        waitFor("[data-approve]");
        new Select(find("#noSurplusDecisionId")).selectByValue(noSurplus);
        until("[data-verdict]", "data-met", "true", 3000);
        // The same verdict asked for by the button a browser without JavaScript uses: the whole page, choices kept.
        driver().executeScript("document.body.setAttribute('data-before-post', '1')");
        find("[data-verdict-check]").click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver(), java.time.Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("body[data-before-post]")).isEmpty());
        waitFor("[data-verdict]");
        assertThat(find("[data-verdict]").getAttribute("data-met")).isEqualTo("true");
        assertThat(new Select(find("#noSurplusDecisionId")).getFirstSelectedOption().getAttribute("value")).isEqualTo(noSurplus);
        new Select(find("#noSurplusDecisionId")).selectByValue("");
        until("[data-verdict]", "data-met", "false", 3000);
        // Submitted anyway, without the no-surplus vote: the aggregate refuses with the same rule, next to the field.
        new Select(find("#listDecisionId")).selectByValue(listOfFive);
        find("[data-approve] button[type=submit]").click();
        waitFor("[data-field-error][data-field=listDecisionId]");
        assertThat(find("[data-problem]").getAttribute("data-type")).isEqualTo("surplus-too-small");
        assertThat(find("[data-problem]").getAttribute("data-rule")).isEqualTo("R-22");
        desktopChecks("console-election-refusal");

        // A self-nomination needs its application: refused next to the field; then given.
        nominate(c.personIds.get(5), "SELF", null, null);
        assertThat(all("[data-field-error][data-field=applicationReference]")).hasSize(1);
        nominate(c.personIds.get(5), "SELF", null, "Đơn ứng cử số 01");
        assertThat(find("[data-verdict]").getAttribute("data-met")).isEqualTo("true");
        // A seventh, a new person nominated by a delegate.
        nominateNew("Lê Thị Hoa (hư cấu)", "DELEGATE", c.delegateIds.get(1));
        // An eighth, who then withdraws — by the congress's decision only.
        nominate(c.personIds.get(6), "OUTGOING_COMMITTEE", null, null);
        assertThat(find("[data-verdict]").getAttribute("data-candidates")).isEqualTo("8");
        String eighth = null;
        for (JsonNode x : c.organiser.get("/api/elections/" + electionId).body().path("candidates")) {
            if (x.path("personId").asText().equals(c.personIds.get(6))) eighth = x.path("candidateId").asText();
        }
        new Select(find("#candidateId")).selectByValue(eighth);
        find("[data-withdraw] button[type=submit]").click();
        waitFor("[data-field-error][data-field=decisionReference]");
        new Select(find("#candidateId")).selectByValue(eighth);
        find("#decisionReference").sendKeys("Đại hội đồng ý cho rút, biểu quyết 10/10");
        find("[data-withdraw] button[type=submit]").click();
        waitFor("[data-withdrawn='" + eighth + "']");
        assertThat(all("[data-candidates] [data-candidate]")).hasSize(7);
        assertThat(find("[data-verdict]").getAttribute("data-candidates")).isEqualTo("7");
        assertThat(find("[data-verdict]").getAttribute("data-met")).isEqualTo("true");

        // the order previewed is the order the approval records.
        List<String> persons = new ArrayList<>();
        c.organiser.get("/api/elections/" + electionId).body().path("candidates").forEach(x -> {
            if (!x.path("withdrawn").asBoolean()) persons.add(x.path("personId").asText());
        });
        String listOfSeven = c.decide("CANDIDATE_LIST", "Danh sách bầu cử (7 người)", persons, null);
        browser.open(base() + "/console/elections/" + electionId);
        waitFor("[data-approve]");
        List<String> preview = all("[data-ballot-order] li").stream().map(e -> e.getAttribute("data-candidate")).toList();
        assertThat(preview).hasSize(7);
        assertThat(all("[data-ballot-order] li")).allSatisfy(li -> assertThat(li.getText()).contains("(hư cấu)"));
        new Select(find("#listDecisionId")).selectByValue(listOfSeven);
        find("[data-approve] button[type=submit]").click();
        waitFor("[data-list-approved]");
        JsonNode approved = c.organiser.get("/api/elections/" + electionId).body();
        List<String> order = new ArrayList<>();
        approved.path("ballotOrder").forEach(x -> order.add(x.asText()));
        assertThat(order).isEqualTo(preview);
        c.candidateIds.addAll(order);
        desktopChecks("console-election");

        // the confirmation shows the roll the round will freeze.
        c.counting().committee();
        find("[data-open-first] button").click();
        waitFor("[data-open-confirm]");
        assertThat(find("[data-open-confirm]").getAttribute("data-present")).isEqualTo("10");
        desktopChecks("console-election-open");
        find("[data-open-round] button[type=submit]").click();
        waitFor("section[data-round='1'][data-status=OPEN]");
        assertThat(find("[data-round-voters]").getAttribute("data-voters")).isEqualTo("10");
        c.counting().seal(electionId, 1);

        // a delegate who arrives after the opening joins the round's roll only by a decision — refused without one.
        assertThat(c.organiser.post(c.path("/delegates/" + c.delegateIds.get(10) + "/check-in"), "").status()).isEqualTo(200);
        browser.open(base() + "/console/elections/" + electionId);
        waitFor("[data-late]");
        new Select(find("#delegateId")).selectByValue(c.delegateIds.get(10));
        find("[data-late] button[type=submit]").click();
        waitFor("[data-field-error][data-field=decisionReference]");
        new Select(find("#delegateId")).selectByValue(c.delegateIds.get(10));
        find("#decisionReference").sendKeys("Nghị quyết bổ sung đại biểu đến muộn");
        find("[data-late] button[type=submit]").click();
        waitFor("[data-late-added]");
        assertThat(find("[data-round-voters]").getAttribute("data-voters")).isEqualTo("11");
        HttpResponse<byte[]> papers = download(browser, find("[data-ballot-papers]").getAttribute("href").replace(base(), ""));
        assertThat(papers.statusCode()).isEqualTo(200);
        assertThat(new String(papers.body(), 0, 5)).isEqualTo("%PDF-");

        // The turnout rises live as voters cast; never a count of names while the round is open.
        String turnout = "[data-turnout][data-election='" + electionId + "']";
        until(turnout, "data-collected", "0", 3000);
        List<String> k = c.candidateIds;
        for (int v = 0; v < 9; v++) {
            List<String> kept = v < 6 ? List.of(k.get(0), k.get(1), k.get(2), k.get(3), k.get(4)) : List.of(k.get(0), k.get(1), k.get(2), k.get(5), k.get(6));
            assertThat(c.cast(c.voters.get(v), 1, UUID.randomUUID().toString(), kept).status()).isEqualTo(201);
            if (v == 2) until(turnout, "data-collected", "3", 3000);
        }
        until(turnout, "data-collected", "9", 3000);
        assertThat(find(turnout).getAttribute("data-voters")).isEqualTo("11");
        assertThat(all("[data-results]")).isEmpty();
        desktopChecks("console-election-turnout");

        // The close, confirmed, with the key shares typed one per line: too few first (refused at the field).
        find("[data-close-start] button").click();
        waitFor("[data-close-confirm]");
        assertThat(find("[data-close-confirm]").getAttribute("data-collected")).isEqualTo("9");
        List<String> shares = c.counting().shares(electionId, 1);
        int needed = c.counting().sharesNeeded(electionId, 1);
        assertThat(needed).isGreaterThan(1);
        find("#shares").sendKeys(shares.get(0));
        find("[data-close] button[type=submit]").click();
        waitFor("[data-field-error][data-field=shares]");
        assertThat(find("[data-problem]").getAttribute("data-type")).isEqualTo("shares-too-few");
        desktopChecks("console-election-close");
        find("#shares").clear();
        find("#shares").sendKeys(String.join("\n", shares.subList(0, needed)));
        find("[data-close] button[type=submit]").click();
        waitFor("section[data-round='1'][data-status=COUNTED]");

        // The results match the hand count: k0–k2 9 votes, k3–k4 6, k5–k6 3; five elected.
        int[] expected = {9, 9, 9, 6, 6, 3, 3};
        for (int i = 0; i < 7; i++) {
            WebElement row = find("[data-results] tr[data-candidate='" + k.get(i) + "']");
            assertThat(row.findElement(By.cssSelector("[data-votes]")).getText()).isEqualTo(Integer.toString(expected[i]));
            assertThat(row.getAttribute("data-outcome")).isEqualTo(i < 5 ? "ELECTED" : "BELOW_THRESHOLD");
        }
        assertThat(find("[data-elected-count]").getText()).isEqualTo("5");
        assertThat(all("[data-complete]")).hasSize(1);
        HttpResponse<byte[]> minutes = download(browser, find("[data-minutes]").getAttribute("href").replace(base(), ""));
        assertThat(minutes.statusCode()).isEqualTo(200);
        assertThat(new String(minutes.body(), 0, 5)).isEqualTo("%PDF-");
        desktopChecks("console-election-results");
        find("[data-results-link]").click();
        waitFor("[data-results]");
        assertThat(all("[data-results] tr.elected")).hasSize(5);
    }

    @Test
    void aTieAtTheLastSeatIsOfferedAsATieRoundAmongTheTiedOnlyAndThatRoundCompletesTheCommittee() throws Exception {
        CongressInSession c = new CongressInSession(this, 12, 9);
        c.election(2, c.personIds.subList(9, 12));
        List<String> k = c.candidateIds;
        CountingDesk desk = c.counting();
        desk.committee();
        signInAsOrganiser(c);
        browser.open(base() + "/console/elections/" + c.electionId);
        waitFor("[data-open-first]");
        find("[data-open-first] button").click();
        waitFor("[data-open-confirm]");
        find("[data-open-round] button[type=submit]").click();
        waitFor("section[data-round='1'][data-status=OPEN]");
        desk.seal(c.electionId, 1);
        List<List<String>> ballots = List.of(List.of(k.get(0), k.get(1)), List.of(k.get(0), k.get(1)), List.of(k.get(0), k.get(1)),
                List.of(k.get(0), k.get(2)), List.of(k.get(0), k.get(2)), List.of(k.get(0), k.get(2)),
                List.of(k.get(1), k.get(2)), List.of(k.get(1), k.get(2)), List.of(k.get(0)));
        for (int v = 0; v < 9; v++) assertThat(c.cast(c.voters.get(v), 1, UUID.randomUUID().toString(), ballots.get(v)).status()).isEqualTo(201);
        closeWithShares(c, desk, 1);

        // k1 and k2 tie for the last seat; the console offers their round, and only theirs.
        assertThat(find("[data-results] tr[data-candidate='" + k.get(0) + "']").getAttribute("data-outcome")).isEqualTo("ELECTED");
        waitFor("[data-tie-round]");
        assertThat(all("[data-tie-round] [data-tied-candidate]").stream().map(e -> e.getAttribute("data-tied-candidate")).toList())
                .containsExactly(k.get(1), k.get(2));
        assertThat(all("[data-tie-round] [data-tied-candidate]")).allSatisfy(li -> assertThat(li.getText()).contains("(hư cấu)"));
        assertThat(all("[data-further-round]")).isEmpty();
        desktopChecks("console-election-tie");
        find("[data-tie-round] #decisionReference").sendKeys("Nghị quyết bầu lại giữa hai người bằng phiếu");
        find("[data-tie-round] button[type=submit]").click();
        waitFor("section[data-round='2'][data-status=OPEN]");
        JsonNode round2 = c.organiser.get("/api/elections/" + c.electionId + "/rounds/2").body();
        assertThat(round2.path("candidateIds")).extracting(JsonNode::asText).containsExactly(k.get(1), k.get(2));
        assertThat(round2.path("seats").asInt()).isEqualTo(1);

        desk.seal(c.electionId, 2);
        for (int v = 0; v < 9; v++) {
            assertThat(c.cast(c.voters.get(v), 2, UUID.randomUUID().toString(), v < 6 ? List.of(k.get(1)) : List.of(k.get(2))).status()).isEqualTo(201);
        }
        closeWithShares(c, desk, 2);
        assertThat(find("section[data-round='2'] [data-results] tr[data-candidate='" + k.get(1) + "']").getAttribute("data-outcome")).isEqualTo("ELECTED");
        assertThat(all("[data-complete]")).hasSize(1);
        assertThat(all("[data-tie-round]")).isEmpty();
        assertThat(c.organiser.get("/api/elections/" + c.electionId).body().path("electedCandidateIds"))
                .extracting(JsonNode::asText).containsExactly(k.get(0), k.get(1));
    }

    @Test
    void aSeatLeftEmptyIsFilledByAFurtherRoundOnTheCongresssDecision() throws Exception {
        CongressInSession c = new CongressInSession(this, 12, 9);
        c.election(2, c.personIds.subList(9, 12));
        List<String> k = c.candidateIds;
        CountingDesk desk = c.counting();
        desk.committee();
        signInAsOrganiser(c);
        browser.open(base() + "/console/elections/" + c.electionId);
        waitFor("[data-open-first]");
        find("[data-open-first] button").click();
        waitFor("[data-open-confirm]");
        find("[data-open-round] button[type=submit]").click();
        waitFor("section[data-round='1'][data-status=OPEN]");
        desk.seal(c.electionId, 1);
        for (int v = 0; v < 9; v++) {
            List<String> kept = v < 4 ? List.of(k.get(0), k.get(1)) : v < 6 ? List.of(k.get(0), k.get(2)) : List.of(k.get(0));
            assertThat(c.cast(c.voters.get(v), 1, UUID.randomUUID().toString(), kept).status()).isEqualTo(201);
        }
        closeWithShares(c, desk, 1);

        // one elected, one seat left; no tie, so the console offers a further round, not a tie round.
        assertThat(all("[data-tie-round]")).isEmpty();
        waitFor("[data-further-round]");
        assertThat(all("[data-further-round] input[type=checkbox]").stream().map(e -> e.getAttribute("value")).toList())
                .as("the elected stand no more").containsExactly(k.get(1), k.get(2));
        find("#further-" + k.get(1)).click();
        find("#further-" + k.get(2)).click();
        find("[data-further-round] button[type=submit]").click();
        waitFor("[data-open-confirm]");
        find("[data-open-round] button[type=submit]").click();
        // Without the congress's decision the round is refused, next to the field.
        waitFor("[data-field-error][data-field=decisionReference]");
        assertThat(find("[data-problem]").getAttribute("data-rule")).isEqualTo("R-28");
        find("#further-" + k.get(1)).click();
        find("#further-" + k.get(2)).click();
        find("[data-further-round] #decisionReference").sendKeys("Nghị quyết bầu bổ sung 1 chỗ còn trống");
        find("[data-further-round] button[type=submit]").click();
        waitFor("[data-open-confirm]");
        find("[data-open-round] button[type=submit]").click();
        waitFor("section[data-round='2'][data-status=OPEN]");
        JsonNode round2 = c.organiser.get("/api/elections/" + c.electionId + "/rounds/2").body();
        assertThat(round2.path("candidateIds")).extracting(JsonNode::asText).containsExactly(k.get(1), k.get(2));
        assertThat(round2.path("seats").asInt()).isEqualTo(1);
        desk.seal(c.electionId, 2);
        for (int v = 0; v < 9; v++) {
            assertThat(c.cast(c.voters.get(v), 2, UUID.randomUUID().toString(), v < 6 ? List.of(k.get(1)) : List.of(k.get(2))).status()).isEqualTo(201);
        }
        closeWithShares(c, desk, 2);
        assertThat(all("[data-complete]")).hasSize(1);
        assertThat(c.organiser.get("/api/elections/" + c.electionId).body().path("electedCandidateIds"))
                .extracting(JsonNode::asText).containsExactly(k.get(0), k.get(1));
    }

    @Test
    void aConfidenceVoteIsCreatedWithItsOfficialsAndOfficesAndItsListKeepsTheOrderTheyWereListedIn() {
        CongressInSession c = new CongressInSession(this, 6, 6);
        signInAsOrganiser(c);
        browser.open(base() + "/console/congresses/" + c.scenario.congress + "/elections");
        waitFor("[data-create-confidence]");
        // an official without the office he holds is refused, next to the officials.
        new Select(find("#official-1")).selectByValue(c.personIds.get(3));
        find("[data-create-confidence] button[type=submit]").click();
        waitFor("[data-field-error][data-field=officials]");
        assertThat(find("[data-problem]").getAttribute("data-rule")).isEqualTo("R-60");

        new Select(find("#official-1")).selectByValue(c.personIds.get(3));
        find("#office-1").sendKeys("Chủ tịch Công đoàn cơ sở");
        new Select(find("#official-2")).selectByValue(c.personIds.get(0));
        find("#office-2").sendKeys("Phó Chủ tịch Công đoàn cơ sở");
        find("[data-create-confidence] button[type=submit]").click();
        waitFor("[data-election-title]");
        String electionId = driver().getCurrentUrl().replaceAll(".*/console/elections/([^/?#]+).*", "$1");
        assertThat(all("[data-candidates] [data-candidate]")).hasSize(2);
        assertThat(find("[data-candidates]").getText()).contains("Chủ tịch Công đoàn cơ sở");
        assertThat(all("[data-verdict]")).as("no surplus rule for a confidence vote (R-60)").isEmpty();
        assertThat(all("[data-nominate]")).as("a confidence vote takes no nominations").isEmpty();

        String list = c.decide("CANDIDATE_LIST", "Danh sách lấy phiếu tín nhiệm", List.of(c.personIds.get(3), c.personIds.get(0)), null);
        browser.open(base() + "/console/elections/" + electionId);
        waitFor("[data-approve]");
        List<String> preview = all("[data-ballot-order] li").stream().map(e -> e.getAttribute("data-candidate")).toList();
        new Select(find("#listDecisionId")).selectByValue(list);
        find("[data-approve] button[type=submit]").click();
        waitFor("[data-list-approved]");
        List<String> order = new ArrayList<>();
        c.organiser.get("/api/elections/" + electionId).body().path("ballotOrder").forEach(x -> order.add(x.asText()));
        assertThat(order).isEqualTo(preview);
        assertThat(all("[data-candidates] [data-candidate]").stream().map(e -> e.getAttribute("data-candidate")).toList()).isEqualTo(order);
        browser.open(base() + "/console/congresses/" + c.scenario.congress + "/elections");
        waitFor("[data-elections]");
        assertThat(all("[data-elections] tr[data-election='" + electionId + "']")).hasSize(1);

        // ADR 0013: the organiser of another branch union gets a refusal page, none of this congress's names.
        vn.daihoi.support.Scenario other = new vn.daihoi.support.Scenario(admin()).units();
        String[] stranger = staffAccount("ORGANISER", other.branch);
        forgetSession(browser);
        browser.open(base() + "/staff");
        find("#username").sendKeys(stranger[0]);
        find("#password").sendKeys(stranger[1]);
        find("form button[type=submit]").click();
        waitFor("ul.rounds");
        for (String page : List.of("/console/elections/" + electionId, "/console/congresses/" + c.scenario.congress + "/elections")) {
            browser.open(base() + page);
            waitFor(".notice.refusal");
            assertThat(find(".notice.refusal").getAttribute("data-code")).as(page).isEqualTo("forbidden");
            assertThat(driver().getPageSource()).as(page).doesNotContain("Chủ tịch Công đoàn cơ sở", "(hư cấu)");
        }
    }

    private void closeWithShares(CongressInSession c, CountingDesk desk, int round) {
        find("section[data-round='" + round + "'] [data-close-start] button").click();
        waitFor("[data-close-confirm]");
        List<String> shares = desk.shares(c.electionId, round);
        find("#shares").sendKeys(String.join("\n", shares.subList(0, desk.sharesNeeded(c.electionId, round))));
        find("[data-close] button[type=submit]").click();
        waitFor("section[data-round='" + round + "'][data-status=COUNTED]");
    }

    private void signInAsOrganiser(CongressInSession c) {
        String[] staff = staffAccount("ORGANISER", c.scenario.branch);
        forgetSession(browser);
        browser.desktop();
        browser.open(base() + "/staff");
        find("#username").sendKeys(staff[0]);
        find("#password").sendKeys(staff[1]);
        find("form button[type=submit]").click();
        waitFor("ul.rounds");
    }

    private void nominate(String personId, String source, String byDelegate, String application) {
        new Select(find("#personId")).selectByValue(personId);
        new Select(find("#source")).selectByValue(source);
        if (byDelegate != null) new Select(find("#nominatedByDelegateId")).selectByValue(byDelegate);
        if (application != null) find("#applicationReference").sendKeys(application);
        submitNomination();
    }

    private void nominateNew(String fullName, String source, String byDelegate) {
        new Select(find("#personId")).selectByValue("");
        find("#fullName").sendKeys(fullName);
        new Select(find("#source")).selectByValue(source);
        new Select(find("#nominatedByDelegateId")).selectByValue(byDelegate);
        submitNomination();
    }

    private void submitNomination() {
        // The page answering the post replaces this one: marked, it is gone once the answer is shown.
        driver().executeScript("document.body.setAttribute('data-before-post', '1')");
        find("[data-nominate] button[type=submit]").click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver(), java.time.Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("body[data-before-post]")).isEmpty());
        waitFor("[data-verdict]");
    }

    /** The quality bar at the console's target size: 1366×768, no horizontal scroll, axe-core clean, a screenshot. */
    private void desktopChecks(String screenshot) {
        browser.desktop();
        assertThat(browser.noHorizontalScroll()).as("no horizontal scroll at 1366 px on " + screenshot).isTrue();
        browser.assertNoSeriousAccessibilityViolations(screenshot);
        assertThat(driver().getPageSource()).as("no stack trace or JSON on " + screenshot)
                .doesNotContain("Exception", "at vn.daihoi", "\"type\":\"urn:", "Whitelabel");
        browser.screenshot(screenshot);
    }
}
