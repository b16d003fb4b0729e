package vn.daihoi.congress.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import vn.daihoi.support.Ballots;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.Http;
import vn.daihoi.support.PageTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 7: the congress's organiser convenes the new committee's first meeting from the page — a
 * convening without a venue is refused next to the field and writes nothing — and summons the elected members onto
 * its roll with one button. The API is only read to check.
 */
class FirstMeetingBrowserTest extends PageTest {

    @Test
    void theFirstMeetingIsConvenedAndTheElectedCommitteeSummonedFromThePage() {
        CongressInSession c = new CongressInSession(this, 12, 10);
        List<String> p = c.personIds;
        Ballots ballots = new Ballots(c.organiser, c.scenario.congress);
        c.decide("COMMITTEE_SIZE", "Số lượng Ban Chấp hành", List.of(), 5);
        List<String> elected = List.of(p.get(6), p.get(7), p.get(8), p.get(9), p.get(10));
        ballots.elect("EXECUTIVE_COMMITTEE", 5, p.subList(6, 12), elected, c.voters).electionId();
        String[] organiser = staffAccount("ORGANISER", c.scenario.branch);
        Http api = http().as(login(organiser[0], organiser[1]));

        browser.desktop();
        forgetSession(browser);
        browser.open(base() + "/staff");
        find("#username").sendKeys(organiser[0]);
        find("#password").sendKeys(organiser[1]);
        find("form button[type=submit]").click();
        waitFor("main h1");
        browser.open(base() + "/console/congresses/" + c.scenario.congress + "/first-meeting");
        waitFor("[data-convene-meeting]");
        assertThat(new Select(find("#convenerPersonId")).getOptions()).extracting(o -> o.getAttribute("value"))
                .containsExactlyInAnyOrderElementsOf(elected);
        pageChecks(browser, "console-first-meeting");

        long before = eventCount();
        find("#venue").clear();
        find("[data-convene-meeting] button[type=submit]").click();
        waitFor("[data-field-error]");
        assertThat(find("[data-field-error]").getAttribute("data-field")).isEqualTo("venue");
        assertThat(eventCount()).isEqualTo(before);

        new Select(find("#convenerPersonId")).selectByValue(p.get(7));
        find("#venue").sendKeys("Phòng họp Sở Nội vụ tỉnh Sóc Trăng");
        find("[data-convene-meeting] button[type=submit]").click();
        waitFor("[data-meeting] [data-summon]");
        String meeting = find("[data-meeting]").getAttribute("data-meeting-id");
        JsonNode convened = api.get("/api/congresses/" + meeting).body().path("congress");
        assertThat(convened.path("purpose").asText()).isEqualTo("FIRST_MEETING");
        assertThat(convened.path("convenerPersonId").asText()).isEqualTo(p.get(7));
        assertThat(convened.path("ofCongressId").asText()).isEqualTo(c.scenario.congress);

        find("[data-summon] button").click();
        until("[data-meeting]", "data-summoned", "5", 5000);
        assertThat(all("[data-summon]")).isEmpty();
        List<String> summoned = api.get("/api/congresses/" + meeting + "/delegates").body().path("delegates").findValuesAsText("personId");
        assertThat(summoned).containsExactlyInAnyOrderElementsOf(elected);
        pageChecks(browser, "console-first-meeting-summoned");
    }
}
