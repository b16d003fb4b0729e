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
 * Issue 12, item 4: at the check-in desk a present delegate can be checked out (he left the hall) and a check-in
 * recorded by mistake corrected with a reason — through the API's own paths, the API's refusal (no reason) shown
 * next to the field; the counter follows.
 */
class DeskCorrectionBrowserTest extends PageTest {

    @Test
    void theDeskChecksADelegateOutAndCorrectsAMistakenCheckInWithAReason() {
        Scenario s = new Scenario(admin()).units();
        String[] staff = staffAccount("ORGANISER", s.branch);
        Http organiser = http().as(login(staff[0], staff[1]));
        assertThat(s.convene(organiser).status()).isEqualTo(201);
        String roll = "/api/congresses/" + s.congress;
        assertThat(organiser.postCsv(roll + "/delegates/import", "ma;ho_ten\nA01;Nguyễn Thị Ánh\nA02;Trần Văn Bình\nA03;Lê Văn Cường\n")
                .body().path("added").asInt()).isEqualTo(3);
        String a01 = delegateOf(organiser, roll, "A01");
        String a02 = delegateOf(organiser, roll, "A02");
        assertThat(organiser.post(roll + "/delegates/" + a01 + "/check-in", "").status()).isEqualTo(200);
        assertThat(organiser.post(roll + "/delegates/" + a02 + "/check-in", "").status()).isEqualTo(200);

        forgetSession(browser);
        browser.phone();
        browser.open(base() + "/staff");
        find("#username").sendKeys(staff[0]);
        find("#password").sendKeys(staff[1]);
        find("form button[type=submit]").click();
        waitFor("form[action$='/staff/sign-out']");
        browser.open(base() + "/desk/" + s.congress);
        until("[data-counter-live]", "data-present", "2", 3000);

        // Check-out: A01 leaves the hall.
        search("a01", a01);
        find("[data-results-list] li[data-delegate='" + a01 + "'] [data-check-out] button").click();
        waitFor("[data-checked-out]");
        assertThat(find("[data-checked-out]").getAttribute("data-delegate")).isEqualTo(a01);
        assertThat(organiser.get(roll).body().path("present").asInt()).isEqualTo(1);
        until("[data-counter-live]", "data-present", "1", 3000);

        // A02 was checked in by mistake: without a reason the API refuses, next to the reason.
        search("a02", a02);
        find("[data-results-list] li[data-delegate='" + a02 + "'] details summary").click();
        find("[data-results-list] li[data-delegate='" + a02 + "'] [data-correction] button").click();
        waitFor("[data-field-error][data-field=reason]");
        assertThat(organiser.get(roll).body().path("present").asInt()).isEqualTo(1);
        assertThat(find("[data-results-list] li[data-delegate='" + a02 + "'] details").getAttribute("open")).isNotNull();
        assertThat(find("#reason").getAttribute("aria-describedby")).isEqualTo("reason-error");
        pageChecks(browser, "desk-correction-refused");
        find("[data-results-list] li[data-delegate='" + a02 + "'] [data-correction] input[name=reason]").sendKeys("Điểm danh nhầm người cùng tên");
        find("[data-results-list] li[data-delegate='" + a02 + "'] [data-correction] button").click();
        waitFor("[data-corrected]");
        assertThat(organiser.get(roll).body().path("present").asInt()).isEqualTo(0);
        until("[data-counter-live]", "data-present", "0", 3000);
    }

    private void search(String typed, String expected) {
        find("#q").clear();
        find("#q").sendKeys(typed);
        new WebDriverWait(driver(), Duration.ofSeconds(3), Duration.ofMillis(50)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("[data-results-list] li")).size() == 1
                        && expected.equals(d.findElement(By.cssSelector("[data-results-list] li")).getAttribute("data-delegate")));
    }

    private static String delegateOf(Http organiser, String roll, String code) {
        for (var d : organiser.get(roll + "/delegates").body().path("delegates")) {
            if (code.equals(d.path("code").asText())) return d.path("delegateId").asText();
        }
        throw new AssertionError("no delegate " + code);
    }
}
