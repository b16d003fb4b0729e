package vn.daihoi.delegate.web;

import org.junit.jupiter.api.Test;
import vn.daihoi.support.Ballots;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.Http;
import vn.daihoi.support.PageTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 7: the upper-level union's organiser brings the delegates a branch congress elected onto his
 * congress's roll from the page, once (a second time adds nobody); the branch's own organiser may not open the page.
 */
class UpperDelegatesBrowserTest extends PageTest {

    @Test
    void theUpperCongressTakesTheDelegatesTheBranchElectedFromThePage() {
        CongressInSession branch = new CongressInSession(this, 10, 10);
        List<String> p = branch.personIds;
        Ballots.Result delegates = new Ballots(branch.organiser, branch.scenario.congress)
                .elect("UPPER_CONGRESS_DELEGATES", 2, List.of(p.get(7), p.get(8), p.get(9)), List.of(p.get(7), p.get(8)), branch.voters);
        String[] upper = staffAccount("ORGANISER", branch.scenario.upper);
        Http upperApi = http().as(login(upper[0], upper[1]));
        Http.Answer convened = upperApi.post("/api/congresses", """
                {"unitId":"%s","ordinal":5,"term":{"startYear":2023,"endYear":2028},"kind":"DELEGATE","date":"2023-08-01",
                 "venue":"Hội trường Liên đoàn Lao động tỉnh","announcedSeats":9}""".formatted(branch.scenario.upper));
        assertThat(convened.status()).as(convened.raw()).isEqualTo(201);
        String upperCongress = convened.body().path("congress").path("congressId").asText();

        browser.desktop();
        forgetSession(browser);
        signInStaff(browser, upper);
        browser.open(base() + "/console/congresses/" + upperCongress + "/upper-delegates");
        waitFor("[data-offered]");
        assertThat(all("[data-offered] tr[data-election]")).extracting(e -> e.getAttribute("data-election"))
                .containsExactly(delegates.electionId());
        pageChecks(browser, "console-upper-delegates");
        find("[data-offered] tr[data-election] button").click();
        until("[data-report]", "data-added", "2", 5000);
        assertThat(upperApi.get("/api/congresses/" + upperCongress + "/delegates").body().path("delegates").findValuesAsText("personId"))
                .containsExactlyInAnyOrder(p.get(7), p.get(8));
        find("[data-offered] tr[data-election] button").click();
        until("[data-report]", "data-already", "2", 5000);
        assertThat(find("[data-report]").getAttribute("data-added")).isEqualTo("0");

        // The branch's organiser does not organise the upper congress: the refusal page, not the form.
        String[] own = staffAccount("ORGANISER", branch.scenario.branch);
        forgetSession(browser);
        signInStaff(browser, own);
        browser.open(base() + "/console/congresses/" + upperCongress + "/upper-delegates");
        waitFor(".refusal");
        assertThat(find(".refusal").getAttribute("data-code")).isEqualTo("forbidden");
        assertThat(all("[data-offered]")).isEmpty();
    }

}
