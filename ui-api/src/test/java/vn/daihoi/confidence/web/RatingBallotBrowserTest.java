package vn.daihoi.confidence.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.ConfidenceVote;
import vn.daihoi.support.PageTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, acceptance 4: a rating ballot with one person left unrated cannot be submitted — not by
 * the page, not by a forced post — and a complete one is counted.
 */
class RatingBallotBrowserTest extends PageTest {

    private int participants(ConfidenceVote v) {
        return v.congress.organiser.get(v.round(1)).body().path("participants").asInt();
    }

    @Test
    void aRatingBallotWithOnePersonUnratedCannotBeSubmittedAndACompleteOneIsCounted() {
        CongressInSession c = new CongressInSession(this, 7, 7);
        ConfidenceVote v = new ConfidenceVote(c, c.personIds.subList(0, 3), List.of("Chủ tịch", "Phó Chủ tịch", "Ủy viên Ban Thường vụ"));
        assertThat(v.openRound(1).status()).isEqualTo(201);

        forgetSession(browser);
        browser.phone();
        signIn(browser, newCode(c.organiser, c.scenario.congress, c.delegateIds.get(6)));
        waitFor("ul.rounds a.button");
        find("ul.rounds a.button").click();
        waitFor("form[data-rating]");
        pageChecks(browser, "rating-ballot");
        assertThat(all("fieldset.person")).hasSize(3);

        find("label[for='r1-HIGH']").click();
        find("label[for='r2-LOW']").click();
        assertThat(find("form[data-rating] button[type=submit]").isEnabled()).as("two of three rated: no review").isFalse();

        driver().executeScript("var b=document.querySelector('form[data-rating] button[type=submit]');b.disabled=false;"
                + "document.querySelector('form[data-rating]').submit();");
        waitFor(".error-summary");
        assertThat(find(".error-summary").getAttribute("data-code")).isEqualTo("ballot.error.unrated");
        assertThat(all("fieldset.person.has-error")).hasSize(1);
        driver().executeScript("var f=document.querySelector('form[data-rating]');f.action=f.action.replace('/review','/cast');f.submit();");
        waitFor(".error-summary");
        assertThat(find(".error-summary").getAttribute("data-code")).isEqualTo("ballot.error.unrated");
        assertThat(participants(v)).as("nothing was cast").isZero();

        find("label[for='r3-CONFIDENCE']").click();
        assertThat(find("form[data-rating] button[type=submit]").isEnabled()).isTrue();
        find("form[data-rating] button[type=submit]").click();
        waitFor("dl.ratings");
        pageChecks(browser, "rating-review");
        assertThat(all("dl.ratings dd")).hasSize(3);
        find("#confirm").click();
        waitFor("#tracking-code");
        assertThat(participants(v)).isEqualTo(1);

        assertThat(v.close(1).status()).isEqualTo(200);
        JsonNode results = v.results(c.organiser, 1);
        JsonNode people = results.path("people");
        assertThat(results.path("collected").asInt()).isEqualTo(1);
        assertThat(people.get(0).path("high").asInt()).isEqualTo(1);
        assertThat(people.get(1).path("low").asInt()).isEqualTo(1);
        assertThat(people.get(2).path("confidence").asInt()).isEqualTo(1);
    }
}
