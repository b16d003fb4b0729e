package vn.daihoi.election.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.daihoi.support.Browser;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.PageTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, acceptance 8: the whole flow with JavaScript off, as plain form posts — sign in with the typed code, the
 * ballot, the review, the confirmation, the receipt, and finding the ballot after the count.
 */
class NoJavaScriptBrowserTest extends PageTest {

    private static Browser plain;

    @BeforeAll
    static void startPlain() {
        plain = Browser.startWithoutJavaScript();
    }

    @AfterAll
    static void stopPlain() {
        if (plain != null) plain.close();
    }

    private WebElement el(String css) {
        return plain.driver().findElement(By.cssSelector(css));
    }

    @Test
    void aDelegateVotesAndFindsHisBallotWithJavaScriptOff() {
        CongressInSession c = new CongressInSession(this, 7, 7);
        c.election(5, c.personIds.subList(0, 7));
        assertThat(c.openRound(1, null).status()).isEqualTo(201);
        plain.phone();

        // The QR address opens the sign-in form; without a script the code is typed from the slip.
        plain.open(base() + "/vote#code=IGNORED");
        assertThat(el("#code").getAttribute("value")).isEmpty();
        plain.open(base() + "/vote");
        el("#code").sendKeys("WRNG-CODE");
        el("#signin button[type=submit]").click();
        waitFor(plain.driver(), ".error-summary");
        el("#code").sendKeys(newCode(c.organiser, c.scenario.congress, c.delegateIds.get(6)));
        el("#signin button[type=submit]").click();
        waitFor(plain.driver(), "ul.rounds a.button");
        el("ul.rounds a.button").click();

        waitFor(plain.driver(), "form[data-ballot]");
        List<WebElement> labels = plain.driver().findElements(By.cssSelector(".choice label"));
        List<String> kept = new ArrayList<>();
        for (int i : new int[]{0, 4}) {
            labels.get(i).click();
            kept.add(labels.get(i).findElement(By.cssSelector(".name")).getText());
        }
        el("form[data-ballot] button[type=submit]").click();
        waitFor(plain.driver(), "[data-kept]");
        assertThat(plain.driver().findElements(By.cssSelector("[data-kept] li")).stream().map(WebElement::getText).toList())
                .containsExactlyElementsOf(kept);
        // "Change my ballot" keeps the choice, then on to the confirmation.
        plain.driver().findElement(By.xpath("//form[contains(@action,'/edit')]//button")).click();
        waitFor(plain.driver(), "form[data-ballot]");
        assertThat(plain.driver().findElements(By.cssSelector(".choice input:checked"))).hasSize(2);
        el("form[data-ballot] button[type=submit]").click();
        waitFor(plain.driver(), "#confirm");
        el("#confirm").click();
        waitFor(plain.driver(), "#tracking-code");
        String tracking = el("#tracking-code").getText();
        assertThat(plain.driver().findElements(By.cssSelector("[data-copy]")).get(0).isDisplayed()).as("no copy button without a script").isFalse();
        assertThat(c.organiser.get("/api/elections/" + c.electionId + "/rounds/1").body().path("participants").asInt()).isEqualTo(1);

        assertThat(c.close(1).status()).isEqualTo(200);
        plain.open(base() + "/vote");
        el("li.round a").click();
        waitFor(plain.driver(), "[data-results]");
        el("#tracking").sendKeys(tracking);
        el("form[data-find] button[type=submit]").click();
        waitFor(plain.driver(), "[data-found]");
        assertThat(plain.driver().findElements(By.cssSelector("[data-found-kept] li")).stream().map(WebElement::getText).toList())
                .containsExactlyInAnyOrderElementsOf(kept);
        pageChecks(plain, null);
    }
}
