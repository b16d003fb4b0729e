package vn.daihoi.term.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import vn.daihoi.support.Ballots;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.Http;
import vn.daihoi.support.PageTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 7 (and the recognition half of acceptance 2): after the congress, its organiser submits the
 * counted elections from the page, an organiser of the upper-level union recognises the committee from the page
 * (a recognition without its decision is refused next to the field and changes nothing), the unit's organiser sees
 * no recognition form, and a resignation is recorded from the page. The API is only read to check.
 */
class TermConsoleBrowserTest extends PageTest {

    @Test
    void aCommitteeIsSubmittedRecognisedFromAboveAndChangedMidTermThroughThePages() {
        CongressInSession c = new CongressInSession(this, 12, 10);
        List<String> p = c.personIds;
        Ballots ballots = new Ballots(c.organiser, c.scenario.congress);
        String chair = p.get(11);
        c.decide("COMMITTEE_SIZE", "Số lượng Ban Chấp hành", List.of(), 5);
        String committee = ballots.elect("EXECUTIVE_COMMITTEE", 5, p.subList(6, 12), List.of(p.get(6), p.get(7), p.get(8), p.get(9), chair),
                c.voters).electionId();
        String chairElection = ballots.elect("CHAIR", 1, List.of(chair), List.of(chair), c.voters).electionId();
        String[] branch = staffAccount("ORGANISER", c.scenario.branch);
        String[] upper = staffAccount("ORGANISER", c.scenario.upper);
        browser.desktop();

        // The branch's organiser submits both counted elections (they are offered, ticked).
        forgetSession(browser);
        signInStaff(browser, branch);
        browser.open(base() + "/console/units/" + c.scenario.branch + "/terms");
        waitFor("[data-submit-form]");
        assertThat(all("[data-submit-form] input[name=electionIds]")).extracting(e -> e.getAttribute("value"))
                .containsExactlyInAnyOrder(committee, chairElection);
        pageChecks(browser, "console-terms-submit");
        find("[data-submit-form] button[type=submit]").click();
        waitFor("[data-term-status]");
        assertThat(find("[data-term-status]").getAttribute("data-status")).isEqualTo("SUBMITTED");
        String leadership = driver().getCurrentUrl().replaceFirst(".*/console/terms/", "");
        assertThat(all("[data-recognise-form]")).as("the unit's own organiser may not recognise it (R-03)").isEmpty();
        Http api = http().as(login(upper[0], upper[1]));
        assertThat(api.get("/api/terms/" + leadership).body().path("electionIds").size()).isEqualTo(2);

        // The upper level's organiser: a recognition without its decision is refused next to the field, nothing written.
        signOut();
        forgetSession(browser);
        signInStaff(browser, upper);
        browser.open(base() + "/console/terms/" + leadership);
        waitFor("[data-recognise-form]");
        pageChecks(browser, "console-term-recognise");
        date("#recognisedOn", "2023-06-15");
        long before = eventCount();
        find("[data-recognise-form] button[type=submit]").click();
        waitFor("[data-field-error]");
        assertThat(find("[data-problem]").getAttribute("data-field")).isEqualTo("decision");
        assertThat(find("[data-field-error]").getAttribute("data-field")).isEqualTo("decision");
        assertThat(find("[data-field-error]").getText()).isNotBlank();
        assertThat(eventCount()).isEqualTo(before);
        checkPage(browser, "console-term-refused-field");

        date("#recognisedOn", "2023-06-15");
        find("#decision").sendKeys("25/QĐ-CĐVC");
        date("#recognise-decision-signedOn", "2023-06-15");
        find("[data-recognise-form] button[type=submit]").click();
        until("[data-term-status]", "data-status", "RECOGNISED", 5000);
        JsonNode holders = api.get("/api/units/" + c.scenario.branch + "/office-holders?on=2024-06-01").body().path("holdings");
        assertThat(holders.findValuesAsText("office")).contains("CHAIR");
        for (JsonNode h : holders) if (h.path("office").asText().equals("CHAIR")) assertThat(h.path("personId").asText()).isEqualTo(chair);

        // Mid-term: the branch's organiser records a resignation; no recognition or appointment form for him.
        signOut();
        forgetSession(browser);
        signInStaff(browser, branch);
        browser.open(base() + "/console/terms/" + leadership);
        waitFor("[data-end-form]");
        assertThat(all("[data-appoint-form]")).isEmpty();
        new org.openqa.selenium.support.ui.Select(find("#end-personId")).selectByValue(p.get(6));
        new org.openqa.selenium.support.ui.Select(find("#end-how")).selectByValue("RESIGNATION");
        date("#end-endedOn", "2025-03-01");
        find("#end-decision").sendKeys("07/QĐ-CĐCS");
        date("#end-decision-signedOn", "2025-02-28");
        find("[data-end-form] button[type=submit]").click();
        waitFor("[data-term-status]");
        assertThat(all("[data-holders] tr[data-person='" + p.get(6) + "']")).isEmpty();
        JsonNode after = api.get("/api/units/" + c.scenario.branch + "/office-holders?on=2025-03-02").body().path("holdings");
        assertThat(after.findValuesAsText("personId")).doesNotContain(p.get(6)).contains(chair);
    }

    /** the level above appoints a provisional committee from the page; without its seats it is refused at the field. */
    @Test
    void theLevelAboveAppointsAProvisionalCommitteeFromThePage() {
        CongressInSession c = new CongressInSession(this, 6, 3);
        List<String> p = c.personIds;
        String[] upper = staffAccount("ORGANISER", c.scenario.upper);
        String[] branch = staffAccount("ORGANISER", c.scenario.branch);
        browser.desktop();

        forgetSession(browser);
        signInStaff(browser, branch);
        browser.open(base() + "/console/units/" + c.scenario.branch + "/terms");
        waitFor("main h1");
        assertThat(all("[data-provisional-form]")).as("the unit's own organiser does not appoint (R-52)").isEmpty();

        signOut();
        forgetSession(browser);
        signInStaff(browser, upper);
        browser.open(base() + "/console/units/" + c.scenario.branch + "/terms");
        waitFor("[data-provisional-form]");
        find("#startYear").sendKeys("2023");
        find("#endYear").sendKeys("2028");
        new org.openqa.selenium.support.ui.Select(find("#reason")).selectByValue("COMMITTEE_DISSOLVED");
        date("#provisional-appointedOn", "2024-03-01");
        find("#provisional-decision").sendKeys("31/QĐ-CĐVC");
        date("#provisional-decision-signedOn", "2024-03-01");
        new org.openqa.selenium.support.ui.Select(find("select[name=member0]")).selectByValue(p.get(0));
        new org.openqa.selenium.support.ui.Select(find("select[name=office0]")).selectByValue("CHAIR");
        new org.openqa.selenium.support.ui.Select(find("select[name=member1]")).selectByValue(p.get(1));
        new org.openqa.selenium.support.ui.Select(find("select[name=office1]")).selectByValue("COMMITTEE_MEMBER");
        new org.openqa.selenium.support.ui.Select(find("select[name=member2]")).selectByValue(p.get(2));
        new org.openqa.selenium.support.ui.Select(find("select[name=office2]")).selectByValue("COMMITTEE_MEMBER");
        long before = eventCount();
        find("[data-provisional-form] button[type=submit]").click();
        waitFor("[data-field-error]");
        assertThat(find("[data-field-error]").getAttribute("data-field")).isEqualTo("seats");
        assertThat(eventCount()).isEqualTo(before);
        pageChecks(browser, "console-terms-provisional-refused");

        // The page kept nothing typed in a refused form: fill it again, with the seats.
        find("#startYear").sendKeys("2023");
        find("#endYear").sendKeys("2028");
        new org.openqa.selenium.support.ui.Select(find("#reason")).selectByValue("COMMITTEE_DISSOLVED");
        date("#appointedOn", "2024-03-01");
        find("#decision").sendKeys("31/QĐ-CĐVC");
        date("#provisional-decision-signedOn", "2024-03-01");
        find("#seats").sendKeys("3");
        new org.openqa.selenium.support.ui.Select(find("select[name=member0]")).selectByValue(p.get(0));
        new org.openqa.selenium.support.ui.Select(find("select[name=office0]")).selectByValue("CHAIR");
        new org.openqa.selenium.support.ui.Select(find("select[name=member1]")).selectByValue(p.get(1));
        new org.openqa.selenium.support.ui.Select(find("select[name=office1]")).selectByValue("COMMITTEE_MEMBER");
        find("[data-provisional-form] button[type=submit]").click();
        until("[data-term-status]", "data-status", "PROVISIONAL", 5000);
        Http api = http().as(login(upper[0], upper[1]));
        JsonNode holders = api.get("/api/units/" + c.scenario.branch + "/office-holders?on=2024-06-01").body().path("holdings");
        assertThat(holders.findValuesAsText("personId")).contains(p.get(0), p.get(1));
        for (JsonNode h : holders) if (h.path("office").asText().equals("CHAIR")) assertThat(h.path("personId").asText()).isEqualTo(p.get(0));
    }


    /** A date input filled as a person's picker would (the typed form depends on the browser's locale). */
    private void date(String css, String iso) {
        driver().executeScript("arguments[0].value = arguments[1]", find(css), iso);
    }

    private void signOut() {
        browser.open(base() + "/staff");
        driver().findElement(By.cssSelector("form[action$='/staff/sign-out'] button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver(), java.time.Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("form[action$='/staff/sign-out']")).isEmpty());
    }
}
