package vn.daihoi.election.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.LogCapture;
import vn.daihoi.support.PageTest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, acceptance 1–3: a delegate votes on his phone in real Chromium — from the QR code on his slip, through
 * the ballot (R-24, R-25), the review and the confirmation, to his receipt — and a double tap or a reload never
 * casts twice.
 */
class VotingPagesBrowserTest extends PageTest {

    private int participants(CongressInSession c, int round) {
        JsonNode v = c.organiser.get("/api/elections/" + c.electionId + "/rounds/" + round).body();
        return v.path("participants").asInt();
    }

    /** Seven delegates present, a five-seat election with seven candidates (all delegates), round 1 open and sealed. */
    private CongressInSession sevenCandidatesFiveSeats() {
        CongressInSession c = new CongressInSession(this, 7, 7);
        c.election(5, c.personIds.subList(0, 7));
        assertThat(c.openRound(1, null).status()).isEqualTo(201);
        return c;
    }

    @Test
    void aDelegateVotesFromTheQrOnHisSlipKeepingThreeOfSevenAndSeesHisTrackingCode() throws Exception {
        CongressInSession c = sevenCandidatesFiveSeats();
        String delegate = c.delegateIds.get(6);
        LogCapture log = LogCapture.begin();
        try {
            forgetSession(browser);
            browser.phone();
            String address = slipAddress(c.organiser, c.scenario.congress, delegate);
            assertThat(address).startsWith(base() + "/vote#code=");
            String code = address.substring(address.indexOf("#code=") + 6);
            int before = participants(c, 1);

            browser.open(address);
            waitFor("ul.rounds");
            assertThat(driver().getCurrentUrl()).as("the fragment is wiped from the address bar").doesNotContain(code).doesNotContain("#");
            String token = sessionToken(browser);
            assertThat(token).isNotBlank();
            pageChecks(browser, "voter-home");

            find("ul.rounds a.button").click();
            waitFor("form[data-ballot]");
            pageChecks(browser, "ballot");
            List<WebElement> labels = all(".choice label");
            assertThat(labels).hasSize(7);
            List<String> kept = new ArrayList<>();
            for (int i : new int[]{0, 3, 5}) {
                labels.get(i).click();
                kept.add(labels.get(i).findElement(By.cssSelector(".name")).getText());
            }
            assertThat(find("[data-counter]").getText()).contains("3").contains("5");
            find("form[data-ballot] button[type=submit]").click();

            waitFor("[data-kept]");
            pageChecks(browser, "review");
            assertThat(all("[data-kept] li").stream().map(WebElement::getText).toList()).containsExactlyElementsOf(kept);
            assertThat(all("[data-struck] li")).hasSize(4);
            find("#confirm").click();

            waitFor("#tracking-code");
            pageChecks(browser, "receipt");
            String tracking = find("#tracking-code").getText();
            assertThat(tracking).matches("[A-Z0-9-]{6,}");
            assertThat(participants(c, 1)).as("the API's round view: one more ballot").isEqualTo(before + 1);

            String written = log.text();
            assertThat(written).as("the server and request log hold the request lines").contains("/vote/elections/{electionId}/rounds/{round}/cast");
            assertThat(written).as("no voting code in any log line").doesNotContain(code).doesNotContain(code.replace("-", ""));
            assertThat(written).as("no token in any log line").doesNotContain(token);
        } finally {
            log.stop();
        }
    }

    @Test
    void aDoubleTapAndAReloadOfTheConfirmationCountOnceAndShowTheSameTrackingCode() throws Exception {
        CongressInSession c = sevenCandidatesFiveSeats();
        forgetSession(browser);
        browser.phone();
        signIn(browser, newCode(c.organiser, c.scenario.congress, c.delegateIds.get(5)));
        waitFor("ul.rounds");
        int before = participants(c, 1);
        browser.open(base() + "/vote/elections/" + c.electionId + "/rounds/1");
        all(".choice label").get(1).click();
        all(".choice label").get(2).click();
        find("form[data-ballot] button[type=submit]").click();
        waitFor("#confirm");
        // The page's own guard stops a second post; the server's idempotency is proved by the reload below and by
        // a second, script-free post of the same form.
        new Actions(driver()).doubleClick(find("#confirm")).perform();
        waitFor("#tracking-code");
        String first = find("#tracking-code").getText();

        driver().navigate().refresh(); // the browser posts the confirmation again, with the same Idempotency-Key
        waitFor("#tracking-code");
        assertThat(find("#tracking-code").getText()).isEqualTo(first);
        assertThat(participants(c, 1)).isEqualTo(before + 1);

        // Back on the ballot's address: he has voted in this round, and his list of rounds says so.
        browser.open(base() + "/vote/elections/" + c.electionId + "/rounds/1");
        waitFor("[data-code=already-voted]");
        pageChecks(browser, "voted");
        browser.open(base() + "/vote");
        waitFor("li.round");
        assertThat(find("li.round").getAttribute("data-standing")).isEqualTo("VOTED");
        assertThat(find("li.round .done").getText()).contains("1");
    }

    @Test
    void thePageRefusesSixNamesForFiveSeatsAndSoDoesTheServerWhenForced() throws Exception {
        CongressInSession c = sevenCandidatesFiveSeats();
        forgetSession(browser);
        browser.phone();
        signIn(browser, newCode(c.organiser, c.scenario.congress, c.delegateIds.get(4)));
        waitFor("ul.rounds");
        int before = participants(c, 1);
        browser.open(base() + "/vote/elections/" + c.electionId + "/rounds/1");
        List<WebElement> labels = all(".choice label");
        for (int i = 0; i < 6; i++) labels.get(i).click();
        assertThat(find("[data-counter]").getAttribute("class")).contains("over");
        assertThat(find("form[data-ballot] button[type=submit]").isEnabled()).as("the review button is off").isFalse();
        pageChecks(browser, "ballot-too-many");

        // Forced: the button switched back on by hand and the form sent anyway.
        driver().executeScript("var b=document.querySelector('form[data-ballot] button[type=submit]');b.disabled=false;"
                + "document.querySelector('form[data-ballot]').submit();");
        waitFor(".error-summary");
        assertThat(find(".error-summary").getAttribute("data-code")).isEqualTo("ballot.error.too-many");
        assertThat(all(".choice input:checked")).as("the choice is kept for correcting").hasSize(6);

        // Forced past the review: six names posted straight to the cast.
        driver().executeScript("""
                var f=document.querySelector('form[data-ballot]');
                f.action=f.action.replace('/review','/cast'); f.submit();""");
        waitFor(".error-summary");
        assertThat(find(".error-summary").getAttribute("data-code")).isEqualTo("ballot.error.too-many");
        assertThat(participants(c, 1)).as("nothing was cast").isEqualTo(before);

        // The API refuses the same ballot too (R-25).
        List<String> six = c.candidateIds.subList(0, 6);
        var api = c.cast(c.voters.get(0), 1, UUID.randomUUID().toString(), six);
        assertThat(api.status()).isEqualTo(422);
        assertThat(participants(c, 1)).isEqualTo(before);
    }

    /** Presses Tab until the focused element matches {@code css}; fails after 40 presses. */
    private void tabTo(String css) {
        for (int i = 0; i < 40; i++) {
            new Actions(driver()).sendKeys(org.openqa.selenium.Keys.TAB).perform();
            if (Boolean.TRUE.equals(driver().executeScript("return document.activeElement.matches(arguments[0]);", css))) return;
        }
        throw new AssertionError("Tab never reached " + css);
    }

    private void press(CharSequence key) {
        new Actions(driver()).sendKeys(key).perform();
    }

    @Test
    void aDelegateVotesWithTheKeyboardAlone() {
        CongressInSession c = sevenCandidatesFiveSeats();
        forgetSession(browser);
        browser.desktop();
        int before = participants(c, 1);
        browser.open(base() + "/vote");
        tabTo("#code");
        press(newCode(c.organiser, c.scenario.congress, c.delegateIds.get(3)));
        press(org.openqa.selenium.Keys.ENTER);
        waitFor("ul.rounds a.button");
        tabTo("ul.rounds a.button");
        press(org.openqa.selenium.Keys.ENTER);
        waitFor("form[data-ballot]");
        tabTo("#c2");
        press(org.openqa.selenium.Keys.SPACE);
        tabTo("#c4");
        press(org.openqa.selenium.Keys.SPACE);
        assertThat(all(".choice input:checked")).hasSize(2);
        tabTo("form[data-ballot] button[type=submit]");
        press(org.openqa.selenium.Keys.ENTER);
        waitFor("#confirm");
        assertThat(all("[data-kept] li")).hasSize(2);
        tabTo("#confirm");
        press(org.openqa.selenium.Keys.ENTER);
        waitFor("#tracking-code");
        assertThat(participants(c, 1)).isEqualTo(before + 1);
    }
}
