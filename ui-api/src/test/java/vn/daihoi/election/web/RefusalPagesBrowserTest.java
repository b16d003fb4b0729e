package vn.daihoi.election.web;

import org.junit.jupiter.api.Test;
import vn.daihoi.support.Bundle;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.PageTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, acceptance 5: every refusal a delegate can meet on the way to his ballot has its own page, in Vietnamese
 * by default and in English with {@code ?lang=en}, saying what to do — never a stack trace, a status code or JSON.
 * (The closed round's page is met in {@link ResultsPagesBrowserTest}, after a count.)
 */
class RefusalPagesBrowserTest extends PageTest {

    private final Bundle vi = Bundle.vietnamese();
    private final Bundle en = Bundle.english();

    private void assertRefusal(String code, String screenshot) {
        waitFor("[data-code]");
        assertThat(find("[data-code]").getAttribute("data-code")).isEqualTo(code);
        assertThat(find("html").getAttribute("lang")).isEqualTo("vi");
        assertThat(find("[data-code] h1").getText()).isEqualTo(vi.text("refusal." + code + ".title"));
        assertThat(find("[data-code] p").getText()).isEqualTo(vi.text("refusal." + code + ".advice"));
        pageChecks(browser, screenshot);
    }

    @Test
    void everyRefusalOnTheWayToTheBallotHasItsOwnVietnamesePageAndAnEnglishOne() {
        CongressInSession c = new CongressInSession(this, 7, 6);
        c.election(5, c.personIds.subList(0, 7));
        assertThat(c.openRound(1, null).status()).isEqualTo(201);
        String ballot = base() + "/vote/elections/" + c.electionId + "/rounds/1";

        // Not on the roll: he checked in after the round opened.
        String late = c.organiser.post(c.path("/delegates/" + c.delegateIds.get(6) + "/check-in"), "").body().path("votingCode").asText();
        forgetSession(browser);
        signIn(browser, late);
        waitFor("ul.rounds");
        assertThat(find("li.round").getAttribute("data-standing")).isEqualTo("NOT_ON_ROLL");
        browser.open(ballot);
        assertRefusal("not-on-round-roll", "refusal-not-on-roll");

        // The same page in English, then back: the choice is remembered in a cookie.
        browser.open(ballot + "?lang=en");
        waitFor("[data-code]");
        assertThat(find("html").getAttribute("lang")).isEqualTo("en");
        assertThat(find("[data-code] h1").getText()).isEqualTo(en.text("refusal.not-on-round-roll.title"));
        assertThat(find("[data-code] p").getText()).isEqualTo(en.text("refusal.not-on-round-roll.advice"));
        browser.open(ballot);
        assertThat(find("html").getAttribute("lang")).isEqualTo("en");
        assertThat(driver().getPageSource()).doesNotContain("Exception", "\"type\":");
        browser.open(ballot + "?lang=vi");

        // A paper ballot was issued to him.
        String paperCode = newCode(c.organiser, c.scenario.congress, c.delegateIds.get(5));
        assertThat(c.organiser.post("/api/elections/" + c.electionId + "/rounds/1/paper-ballots",
                "{\"delegateId\":\"" + c.delegateIds.get(5) + "\"}").status()).isEqualTo(200);
        forgetSession(browser);
        signIn(browser, paperCode);
        waitFor("ul.rounds");
        browser.open(ballot);
        assertRefusal("paper-issued", "refusal-paper-issued");

        // A code already used: the sign-in page says so, with what to do.
        forgetSession(browser);
        signIn(browser, paperCode);
        waitFor(".error-summary");
        assertThat(find(".error-summary").getAttribute("data-code")).isEqualTo("refusal.invalid-voting-code.title");
        assertThat(find(".error-summary h2").getText()).isEqualTo(vi.text("refusal.invalid-voting-code.title"));
        assertThat(find(".error-summary p").getText()).isEqualTo(vi.text("refusal.invalid-voting-code.advice"));
        pageChecks(browser, "refusal-code-used");

        // Revoked while signed in: the next page says his session ended.
        String revoked = newCode(c.organiser, c.scenario.congress, c.delegateIds.get(4));
        forgetSession(browser);
        signIn(browser, revoked);
        waitFor("ul.rounds");
        assertThat(c.organiser.post(c.path("/delegates/" + c.delegateIds.get(4) + "/credential/revoke"), "{\"reason\":\"Thẻ bị mất\"}").status())
                .isEqualTo(200);
        browser.open(ballot);
        assertRefusal("session-ended", "refusal-revoked");
        browser.open(base() + "/vote");
        waitFor("#code");
        assertThat(all("ul.rounds")).as("the dead session shows nothing of the congress").isEmpty();

        // And a form whose session is gone: a page that says nothing was sent.
        forgetSession(browser);
        String fresh = newCode(c.organiser, c.scenario.congress, c.delegateIds.get(3));
        signIn(browser, fresh);
        waitFor("ul.rounds");
        browser.open(ballot);
        waitFor("form[data-ballot]");
        driver().manage().deleteCookieNamed("DAIHOI_SESSION");
        all(".choice label").get(0).click();
        find("form[data-ballot] button[type=submit]").click();
        waitFor("[data-code=form-expired]");
        pageChecks(browser, "refusal-expired");
    }
}
