package vn.daihoi.delegate.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.daihoi.support.Http;
import vn.daihoi.support.PageTest;
import vn.daihoi.support.Scenario;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, acceptance 4: the check-in desk finds "Nguyễn Thị Ánh" from "nguyen thi anh" and from her code, and
 * checks her in with one action after the search; the desk's counter follows a check-in made at another desk.
 */
class CheckInDeskBrowserTest extends PageTest {

    @Test
    void theDeskFindsADelegateWithoutDiacriticsAndByCodeAndChecksHerInWithOneClick() {
        Scenario s = new Scenario(admin()).units();
        String[] staff = staffAccount("ORGANISER", s.branch);
        Http organiser = http().as(login(staff[0], staff[1]));
        assertThat(s.convene(organiser).status()).isEqualTo(201);
        String roll = "/api/congresses/" + s.congress;
        Http.Answer imported = organiser.postCsv(roll + "/delegates/import",
                "ma;ho_ten\nA01;Nguyễn Thị Ánh\nA02;Nguyễn Thị Ngọc Anh\nA03;Trần Văn Bình\nA04;Đặng Thị Ánh Dương\n");
        assertThat(imported.body().path("added").asInt()).as(imported.raw()).isEqualTo(4);

        forgetSession(browser);
        browser.phone();
        browser.open(base() + "/staff");
        find("#username").sendKeys(staff[0]);
        find("#password").sendKeys(staff[1]);
        find("form button[type=submit]").click();
        waitFor("ul.rounds");
        browser.open(base() + "/desk/" + s.congress);
        waitFor("[data-counter-live]");
        until("[data-counter-live]", "data-present", "0", 2000);

        // Typed without diacritics: she comes first; Nguyễn Thị Ngọc Anh (every word typed begins one of hers) after her.
        find("#q").sendKeys("nguyen thi anh");
        until("[data-results-list] li", "data-delegate", delegateOf(organiser, roll, "A01"), 2000);
        assertThat(all("[data-results-list] li")).hasSize(2);
        assertThat(all("[data-results-list] li").get(0).getAttribute("data-delegate")).isEqualTo(delegateOf(organiser, roll, "A01"));
        pageChecks(browser, "desk-search");

        // By code, then one click.
        find("#q").clear();
        find("#q").sendKeys("a01");
        new WebDriverWait(driver(), Duration.ofSeconds(2), Duration.ofMillis(50)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("[data-results-list] li")).size() == 1);
        assertThat(find("[data-results-list] li").getAttribute("data-delegate")).isEqualTo(delegateOf(organiser, roll, "A01"));
        find("[data-results-list] li button").click();
        waitFor("[data-checked-in]");
        assertThat(find("[data-voting-code]").getText()).matches("[A-Z0-9]{4}-[A-Z0-9]{4}");
        pageChecks(browser, "desk-checked-in");
        assertThat(organiser.get(roll).body().path("present").asInt()).isEqualTo(1);

        // Another desk checks someone in: this desk's counter follows without a reload.
        assertThat(organiser.post(roll + "/delegates/" + delegateOf(organiser, roll, "A03") + "/check-in", "").status()).isEqualTo(200);
        until("[data-counter-live]", "data-present", "2", 2000);
    }

    private static String delegateOf(Http organiser, String roll, String code) {
        for (var d : organiser.get(roll + "/delegates").body().path("delegates")) {
            if (code.equals(d.path("code").asText())) return d.path("delegateId").asText();
        }
        throw new AssertionError("no delegate " + code);
    }
}
