package vn.daihoi.congress.web;

import org.junit.jupiter.api.Test;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.PageTest;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, acceptance 7: the hall screen follows a check-in and a cast ballot within 2 s, without a reload, shows
 * an open round's turnout and never its interim result, then the counted result and the public link's QR code.
 */
class HallScreenBrowserTest extends PageTest {

    @Test
    void theHallScreenFollowsCheckInAndTurnoutLiveAndShowsResultsOnlyAfterTheCount() {
        CongressInSession c = new CongressInSession(this, 7, 5);
        c.election(5, c.personIds.subList(0, 7));
        String[] staff = staffAccount("ORGANISER", c.scenario.branch);

        forgetSession(browser);
        browser.desktop();
        browser.open(base() + "/staff");
        pageChecks(browser, "staff-sign-in");
        browser.desktop();
        find("#username").sendKeys(staff[0]);
        find("#password").sendKeys(staff[1]);
        find("form button[type=submit]").click();
        waitFor("ul.rounds");
        pageChecks(browser, "staff-home");
        browser.desktop();
        find("a[href^='/hall/" + c.scenario.congress + "']").click();
        waitFor("[data-attendance]");
        Object page = driver().executeScript("return window.performance.timeOrigin;");
        until("[data-attendance]", "data-present", "5", 2000);

        assertThat(c.organiser.post(c.path("/delegates/" + c.delegateIds.get(5) + "/check-in"), "").status()).isEqualTo(200);
        long checkIn = until("[data-attendance]", "data-present", "6", 2000);

        assertThat(c.openRound(1, null).status()).isEqualTo(201);
        until("[data-open-round]", "data-turnout", "0", 2000);
        assertThat(c.cast(c.voters.get(0), 1, UUID.randomUUID().toString(), c.candidateIds.subList(0, 3)).status()).isEqualTo(201);
        long turnout = until("[data-open-round]", "data-turnout", "1", 2000);
        assertThat(c.cast(c.voters.get(1), 1, UUID.randomUUID().toString(), c.candidateIds.subList(1, 4)).status()).isEqualTo(201);
        until("[data-open-round]", "data-turnout", "2", 2000);
        assertThat(all("[data-counted-round]")).as("no result while the round is open").isEmpty();
        assertThat(all("td.n")).as("no vote counts on the screen while open").isEmpty();
        assertThat(driver().executeScript("return window.performance.timeOrigin;")).as("the page was never reloaded").isEqualTo(page);
        browser.screenshot("hall-open-round");
        browser.assertNoSeriousAccessibilityViolations("hall screen, round open");

        assertThat(c.close(1).status()).isEqualTo(200);
        waitFor("[data-counted-round]");
        assertThat(all("[data-open-round]")).isEmpty();
        assertThat(all("[data-counted-round] tr")).hasSize(7);
        assertThat(c.organiser.post("/api/elections/" + c.electionId + "/rounds/1/results-link", "").status()).isEqualTo(201);
        waitFor("[data-public-link] svg");
        assertThat(driver().executeScript("return window.performance.timeOrigin;")).isEqualTo(page);
        browser.screenshot("hall-results");
        browser.assertNoSeriousAccessibilityViolations("hall screen, results");
        pageChecks(browser, "hall-results-phone"); // a phone in the hall can follow the screen too
        System.out.printf("hall screen: check-in shown after %d ms, a cast ballot's turnout after %d ms%n", checkIn, turnout);
    }
}
