package vn.daihoi.election.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.CountingDesk;
import vn.daihoi.support.Http;
import vn.daihoi.support.PageTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 8 and acceptance 5: the counting committee's desk. A member named in the counting-committee decision
 * takes his key share on the page, enters a stack of 7-name strike-out ballots by keyboard only (each under 5 s of the
 * page's own time, typing excluded), blind to the other member; the second member's one differing entry is listed side
 * by side and corrected with a reason; the accounting shows which side is off as it is typed. A COUNTING account whose
 * person is not on the decision is refused the desk; an auditor reads it without a single control that changes it.
 */
class CountingDeskBrowserTest extends PageTest {

    /** What the paper ballots keep, as the member types them (ballot-order numbers, R-24); "d": identifying mark. */
    private static final List<String> STACK = List.of("1357", "12345", "246", "0", "d", "13", "2467", "15");

    @Test
    void theCommitteeEntersPaperBallotsByKeyboardBlindToEachOtherAndCorrectsTheOneThatDiffers() throws Exception {
        CongressInSession c = new CongressInSession(this, 10, 10);
        c.election(5, c.personIds.subList(0, 7));
        List<String> committee = c.counting().committee();
        // The round opens; the members take their key shares themselves (the first one on the desk page).
        Http.Answer opened = c.organiser.post("/api/elections/" + c.electionId + "/rounds", "{\"round\":1}");
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String api = "/api/elections/" + c.electionId + "/rounds/1";
        for (int v = 2; v < 2 + STACK.size(); v++) {
            assertThat(c.organiser.post(api + "/paper-ballots", "{\"delegateId\":\"" + c.delegateIds.get(v) + "\"}").status()).isEqualTo(200);
        }
        String[] memberA = member(c, committee.get(0));
        String[] memberB = member(c, committee.get(1));
        String desk = base() + "/counting/elections/" + c.electionId + "/rounds/1";

        // Member A: the key share, then the stack of ballots at a desktop.
        forgetSession(browser);
        browser.desktop();
        signInStaff(browser, memberA);
        // From his home page to the round: the counting desks of his congress.
        find("[data-counting-link]").click();
        waitFor("[data-counting-rounds] li[data-round='1']");
        pageChecks(browser, "counting-index");
        browser.desktop();
        find("[data-counting-rounds] li[data-election='" + c.electionId + "'][data-round='1'] a").click();
        waitFor("[data-key-share] form[data-share-form]");
        find("[data-share-form] button").click();
        new WebDriverWait(driver(), Duration.ofSeconds(10), Duration.ofMillis(100)).until(d ->
                c.organiser.get(api).body().path("box").path("sharesTaken").toString().contains(committee.get(0)));
        browser.open(desk);
        waitFor("[data-share-taken]");
        List<String> codes = new ArrayList<>();
        int needed = 0;
        for (String p : committee.subList(1, committee.size())) {
            Http.Answer s = c.counting().takeShare(p, c.electionId, 1);
            assertThat(s.status()).as(s.raw()).isEqualTo(200);
            codes.add(s.body().path("shareCode").asText());
            needed = s.body().path("sharesNeeded").asInt();
        }
        assertThat(c.organiser.get(api).body().path("box").path("sealed").asBoolean()).as("every member took his share").isTrue();

        until("#desk", "data-enhanced", "1", 5000);
        assertThat(all("[data-ballot-names] li")).hasSize(7);
        List<Long> times = enterStack(STACK);
        long worst = times.stream().mapToLong(Long::longValue).max().orElseThrow();
        double mean = times.stream().mapToLong(Long::longValue).average().orElseThrow();
        System.out.printf("Counting desk: %d ballots of 7 names, per-ballot time of the page (Enter to ready, typing excluded): "
                + "mean %.0f ms, worst %d ms, each %s%n", times.size(), mean, worst, times);
        assertThat(worst).as("a 7-name strike-out ballot takes under 5 s of the page's time").isLessThan(5000);
        assertThat(find("[data-own-count]").getAttribute("data-count")).isEqualTo(String.valueOf(STACK.size()));
        assertThat(find("[data-recent] tr[data-sheet='8'] .numbers").getText()).isEqualTo("1 5");
        assertThat(find("[data-mismatches]").getAttribute("data-count")).isEqualTo("0");
        browser.desktop();
        assertThat(browser.noHorizontalScroll()).isTrue();
        browser.assertNoSeriousAccessibilityViolations("counting-desk-desktop");
        browser.screenshot("counting-desk-desktop");
        pageChecks(browser, "counting-desk-entry");

        // Member B, on a phone: blind to A's entries. Sheet 3 he enters differently.
        forgetSession(browser);
        browser.phone();
        signInStaff(browser, memberB);
        browser.open(desk);
        until("#desk", "data-enhanced", "1", 5000);
        assertThat(find("[data-own-count]").getAttribute("data-count")).isEqualTo("0");
        assertThat(all("[data-recent]")).isEmpty();
        assertThat(all("[data-side]")).as("no other member's entry is shown").isEmpty();
        assertThat(find("#sheet").getAttribute("value")).isEqualTo("1");
        List<String> typedByB = new ArrayList<>(STACK);
        typedByB.set(2, "247");
        enterStack(typedByB);
        until("[data-mismatches]", "data-count", "1", 5000);
        WebElement mismatch = find(".mismatch[data-sheet='3']");
        assertThat(mismatch.findElement(By.cssSelector("[data-side=mine] .numbers")).getText()).isEqualTo("2 4 7");
        assertThat(mismatch.findElement(By.cssSelector("[data-side=other] .numbers")).getText()).isEqualTo("2 4 6");
        assertThat(all("[data-side]")).as("only the sheet that differs shows the other entry").hasSize(2);
        pageChecks(browser, "counting-desk-mismatch");

        // B checks the paper ballot and corrects his own entry, with the reason recorded.
        WebElement kept = find("#kept-3");
        kept.clear();
        kept.sendKeys("246");
        find("#reason-3").sendKeys("Nhập nhầm số 7, phiếu giấy giữ số 6");
        find("[data-correction-form] button").click();
        until("[data-mismatches]", "data-count", "0", 5000);

        // The accounting: 8 handed out, 8 sheets entered; typing 1 shows the right side over by 1, 0 balances.
        WebElement notReturned = find("#notReturned");
        notReturned.sendKeys("1");
        until("[data-balance]", "data-verdict", "ACCOUNTED_OVER", 5000);
        assertThat(find("[data-balance]").getAttribute("data-off")).isEqualTo("1");
        pageChecks(browser, "counting-accounting");
        notReturned = find("#notReturned");
        notReturned.sendKeys(Keys.BACK_SPACE, "0");
        until("[data-balance]", "data-verdict", "BALANCED", 5000);
        find("[data-accounting-form] button").click();
        waitFor("[data-accounted]");

        // The count, opened with the other members' shares, matches a hand count of the stack.
        JsonNode counted = CountingDesk.close(c.organiser, c.electionId, 1, codes.subList(0, needed)).body();
        assertThat(counted.path("status").asText()).as(counted.toString()).isEqualTo("COUNTED");
        assertThat(counted.path("paper").asInt()).isEqualTo(STACK.size());
        assertThat(counted.path("invalid").asInt()).isEqualTo(1);
        int[] hand = new int[8];
        for (String s : STACK) for (char ch : s.toCharArray()) if (Character.isDigit(ch) && ch != '0') hand[ch - '0']++;
        for (JsonNode line : counted.path("lines")) {
            int number = c.candidateIds.indexOf(line.path("candidateId").asText()) + 1;
            assertThat(line.path("votes").asInt()).as("votes of name " + number).isEqualTo(hand[number]);
        }
    }

    @Test
    void aCountingAccountNotOnTheDecisionIsRefusedTheDeskAndAnAuditorSeesNothingThatChangesIt() {
        CongressInSession c = new CongressInSession(this, 7, 7);
        c.election(5, c.personIds.subList(0, 7));
        assertThat(c.openRound(1, null).status()).isEqualTo(201);
        String desk = base() + "/counting/elections/" + c.electionId + "/rounds/1";
        String api = "/api/elections/" + c.electionId + "/rounds/1";

        // A delegate with a COUNTING account for this congress, not named on the counting committee.
        String[] outsider = member(c, c.personIds.get(6));
        forgetSession(browser);
        browser.phone();
        signInStaff(browser, outsider);
        browser.open(desk);
        waitFor("main");
        assertThat(all("[data-entry-form]")).isEmpty();
        assertThat(find("main").getText()).contains("Ban kiểm phiếu");
        pageChecks(browser, "counting-refused");
        Http forced = http().as(login(outsider[0], outsider[1]));
        Http.Answer entry = forced.post(api + "/paper-entries", "{\"sheet\":1,\"keptCandidateIds\":[]}");
        assertThat(entry.status()).as(entry.raw()).isEqualTo(409);
        assertThat(entry.body().path("code").asText()).isEqualTo("not-on-counting-committee");

        // An auditor of the province reads the desk: no form, no button, no field.
        String[] auditor = staffAccount("AUDITOR", c.scenario.province);
        forgetSession(browser);
        browser.desktop();
        signInStaff(browser, auditor);
        browser.open(desk);
        waitFor("[data-read-only]");
        assertThat(all("main form")).isEmpty();
        assertThat(all("main button")).isEmpty();
        assertThat(all("main input, main select, main textarea")).isEmpty();
        assertThat(find("[data-balance]")).isNotNull();
        pageChecks(browser, "counting-auditor");
        browser.open(desk + "?lang=en");
        waitFor("[data-read-only]");
        assertThat(find("h1").getText()).isEqualTo("Counting desk — round 1");
        assertThat(all("main form")).isEmpty();
        Http auditorApi = http().as(login(auditor[0], auditor[1]));
        assertThat(auditorApi.post(api + "/paper-entries", "{\"sheet\":1,\"keptCandidateIds\":[]}").status()).isEqualTo(403);
        assertThat(auditorApi.post(api + "/paper-accounting", "{\"notReturned\":0}").status()).isEqualTo(403);
        assertThat(auditorApi.post(api + "/close", "{\"shares\":[]}").status()).isEqualTo(403);
    }

    @Test
    void withoutJavaScriptTheDeskStillEntersABallotAndAnInvalidOneByItsReason() {
        CongressInSession c = new CongressInSession(this, 7, 7);
        c.election(5, c.personIds.subList(0, 7));
        List<String> committee = c.counting().committee();
        assertThat(c.openRound(1, null).status()).isEqualTo(201);
        String[] memberA = member(c, committee.get(0));
        try (vn.daihoi.support.Browser plain = vn.daihoi.support.Browser.startWithoutJavaScript()) {
            plain.desktop();
            plain.open(base() + "/staff");
            plain.driver().findElement(By.id("username")).sendKeys(memberA[0]);
            plain.driver().findElement(By.id("password")).sendKeys(memberA[1]);
            plain.driver().findElement(By.cssSelector("form button[type=submit]")).click();
            new WebDriverWait(plain.driver(), Duration.ofSeconds(10)).until(d -> d.findElements(By.id("password")).isEmpty());
            plain.open(base() + "/counting/elections/" + c.electionId + "/rounds/1");
            plain.driver().findElement(By.id("kept")).sendKeys("2 4 6", Keys.ENTER);
            waitFor(plain.driver(), "[data-entered][data-sheet='1']");
            assertThat(plain.driver().findElement(By.id("sheet")).getAttribute("value")).isEqualTo("2");
            new org.openqa.selenium.support.ui.Select(plain.driver().findElement(By.id("invalid"))).selectByValue("IDENTIFYING_MARK");
            plain.driver().findElement(By.cssSelector("[data-entry-form] button")).click();
            waitFor(plain.driver(), "[data-entered][data-sheet='2']");
            assertThat(plain.driver().findElement(By.cssSelector("[data-own-count]")).getAttribute("data-count")).isEqualTo("2");
            assertThat(plain.driver().findElement(By.cssSelector("[data-recent] tr[data-sheet='1'] .numbers")).getText()).isEqualTo("2 4 6");
        }
    }

    /** Types each ballot and Enter; answers the page's own time for each, from the Enter to ready for the next. */
    private List<Long> enterStack(List<String> stack) {
        List<Long> times = new ArrayList<>();
        int timed = Integer.parseInt(java.util.Objects.requireNonNullElse(find("#desk").getAttribute("data-timed"), "0"));
        for (String typed : stack) {
            WebElement field = new WebDriverWait(driver(), Duration.ofSeconds(5), Duration.ofMillis(20))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        WebElement f = d.findElement(By.id("kept"));
                        return "1".equals(d.findElement(By.id("desk")).getAttribute("data-ready")) && f.getAttribute("value").isEmpty() ? f : null;
                    });
            assertThat(driver().switchTo().activeElement().getAttribute("id")).as("the numbers field has the focus").isEqualTo("kept");
            field.sendKeys(typed);
            field.sendKeys(Keys.ENTER);
            timed++;
            until("#desk", "data-timed", String.valueOf(timed), 10_000);
            assertThat(all("[data-problem]")).as("ballot " + typed + " accepted").isEmpty();
            times.add(Long.parseLong(find("#desk").getAttribute("data-last-entry-ms")));
        }
        return times;
    }

    /** A COUNTING account of the congress linked to the person, with a password for the staff sign-in. */
    private String[] member(CongressInSession c, String personId) {
        String username = "kp" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String password = "password-for-" + username;
        Http.Answer a = c.organiser.post("/api/accounts", """
                {"username":"%s","password":"%s","personId":"%s","grants":[{"role":"COUNTING","scopeId":"%s"}]}"""
                .formatted(username, password, personId, c.scenario.congress));
        assertThat(a.status()).as(a.raw()).isEqualTo(201);
        return new String[]{username, password};
    }

}
