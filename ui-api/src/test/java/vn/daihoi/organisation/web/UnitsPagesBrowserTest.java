package vn.daihoi.organisation.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.daihoi.support.ConsolePages;
import vn.daihoi.support.Http;
import vn.daihoi.support.PageTest;
import vn.daihoi.support.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 1: an organiser of the province keeps the unit registry from the console. He
 * registers a branch union (a refusal first, shown next to its field), renames it from a date, is refused a move
 * that breaks the levels of R-01 (the API's title next to the parent field), and the tree on a date before the
 * rename still shows the old name. Every change goes through the API's own path: the API then reads the same.
 */
class UnitsPagesBrowserTest extends PageTest {

    @Test
    void anOrganiserRegistersRenamesIsRefusedAMoveAndSeesTheOldNameOnAnEarlierDate() {
        Scenario s = new Scenario(admin()).units();
        String[] staff = staffAccount("ORGANISER", s.province);
        Http organiser = http().as(login(staff[0], staff[1]));

        forgetSession(browser);
        browser.desktop();
        browser.open(base() + "/staff");
        find("#username").sendKeys(staff[0]);
        find("#password").sendKeys(staff[1]);
        find("form button[type=submit]").click();
        waitFor("[data-staff-links]");
        find("[data-link=units]").click();
        waitFor("[data-units-tree]");
        assertThat(all("[data-unit='" + s.branch + "']")).hasSize(1);
        ConsolePages.check(browser, "units-tree");

        // Register: first without a name — the edge's refusal next to the name field, nothing registered.
        find("a[href$='/console/units/new']").click();
        waitFor("form[data-unit-form=register]");
        String code = "LL-" + s.run;
        typeId("code", code);
        new Select(driver().findElement(By.id("kind"))).selectByValue("BRANCH_UNION");
        new Select(driver().findElement(By.id("parentUnitId"))).selectByValue(s.upper);
        date("effectiveOn", "2020-01-01");
        typeId("decision.number", "15/QĐ-CĐVC");
        date("decision.signedOn", "2019-12-20");
        submit();
        waitFor("[data-problem]");
        assertThat(find("[data-field-error]").getAttribute("data-field")).isEqualTo("name");
        assertThat(driver().findElement(By.id("name")).getAttribute("aria-describedby")).isEqualTo("name-error");
        assertThat(driver().findElement(By.id("code")).getAttribute("value")).as("what he typed is kept").isEqualTo(code);
        ConsolePages.check(browser, "units-register-refused");
        assertThat(organiser.get("/api/units/by-code/" + code).status()).isEqualTo(404);

        typeId("name", "Công đoàn cơ sở Trường THPT Lê Lợi");
        submit();
        waitFor("[data-unit-page]");
        String unitId = find("[data-unit-page]").getAttribute("data-unit-page");
        assertThat(find("h1").getText()).isEqualTo("Công đoàn cơ sở Trường THPT Lê Lợi");
        assertThat(organiser.get("/api/units/" + unitId + "?asOf=2020-01-01").body().path("unit").path("parentUnitId").asText()).isEqualTo(s.upper);

        // Rename from 2024-01-01.
        find("[data-action=rename]").click();
        waitFor("form[data-unit-form=rename]");
        typeId("name", "Công đoàn cơ sở Trường THPT Lê Lợi, thành phố Sóc Trăng");
        date("effectiveOn", "2024-01-01");
        typeId("decision.number", "3/QĐ-CĐVC");
        ConsolePages.check(browser, "units-rename");
        submit();
        waitFor("[data-unit-page]");
        assertThat(find("h1").getText()).isEqualTo("Công đoàn cơ sở Trường THPT Lê Lợi, thành phố Sóc Trăng");
        assertThat(all("tr[data-change]")).extracting(r -> r.getAttribute("data-change")).containsExactly("REGISTERED_FOUNDED", "RENAMED");
        ConsolePages.check(browser, "units-unit");

        // A move under another branch union breaks R-01's levels: the API's title next to the parent field.
        find("[data-action=move]").click();
        waitFor("form[data-unit-form=move]");
        new Select(driver().findElement(By.id("newParentUnitId"))).selectByValue(s.branch);
        date("effectiveOn", "2024-06-01");
        typeId("decision.number", "9/QĐ-CĐVC");
        submit();
        waitFor("[data-problem]");
        assertThat(find("[data-problem]").getAttribute("data-type")).isEqualTo("unit-level-mismatch");
        assertThat(find("[data-problem]").getAttribute("data-rule")).isEqualTo("R-01");
        WebElement error = find("[data-field-error]");
        assertThat(error.getAttribute("data-field")).isEqualTo("newParentUnitId");
        assertThat(error.getText()).isNotBlank();
        assertThat(driver().findElement(By.id("newParentUnitId")).getAttribute("aria-describedby")).isEqualTo("newParentUnitId-error");
        ConsolePages.check(browser, "units-move-refused");
        assertThat(organiser.get("/api/units/" + unitId).body().path("unit").path("parentUnitId").asText()).as("not moved").isEqualTo(s.upper);

        // The tree on 2023-06-01 shows the old name; today, the new one.
        browser.open(base() + "/console/units");
        waitFor("[data-units-tree]");
        assertThat(find("[data-unit='" + unitId + "']").getText()).isEqualTo("Công đoàn cơ sở Trường THPT Lê Lợi, thành phố Sóc Trăng");
        date("on", "2023-06-01");
        find("form[data-asof] button[type=submit]").click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver(), java.time.Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("on=2023-06-01"));
        waitFor("[data-unit='" + unitId + "']");
        assertThat(find("[data-unit='" + unitId + "']").getText()).isEqualTo("Công đoàn cơ sở Trường THPT Lê Lợi");
        ConsolePages.check(browser, "units-tree-before");
        // Before it was registered it is not on the tree at all.
        browser.open(base() + "/console/units?on=2019-06-01");
        waitFor("[data-units-tree]");
        assertThat(all("[data-unit='" + unitId + "']")).isEmpty();
    }

    @Test
    void mergeSplitAndDissolveArePostedThroughTheApisOwnCommands() {
        Scenario s = new Scenario(admin()).units();
        String[] staff = staffAccount("ORGANISER", s.province);
        Http organiser = http().as(login(staff[0], staff[1]));
        String kept = s.unit("A", "Công đoàn cơ sở Trường Tiểu học A", "BRANCH_UNION", s.upper);
        String merged = s.unit("B", "Công đoàn cơ sở Trường Tiểu học B", "BRANCH_UNION", s.upper);
        String split = s.unit("C", "Công đoàn cơ sở Bệnh viện C", "BRANCH_UNION", s.upper);
        String dissolved = s.unit("D", "Công đoàn cơ sở Công ty D", "BRANCH_UNION", s.upper);

        forgetSession(browser);
        browser.desktop();
        browser.open(base() + "/staff");
        find("#username").sendKeys(staff[0]);
        find("#password").sendKeys(staff[1]);
        find("form button[type=submit]").click();
        waitFor("[data-staff-links]");

        // B merges into A: A's history tells it took B in, B ends.
        browser.open(base() + "/console/units/" + merged + "/merge");
        waitFor("form[data-unit-form=merge]");
        new Select(driver().findElement(By.id("intoUnitId"))).selectByValue(kept);
        date("effectiveOn", "2024-07-01");
        typeId("decision.number", "20/QĐ-CĐVC");
        ConsolePages.check(browser, "units-merge");
        submit();
        waitFor("[data-unit-page='" + kept + "']");
        assertThat(all("tr[data-change]")).extracting(r -> r.getAttribute("data-change")).contains("ABSORBED");
        assertThat(organiser.get("/api/units/" + merged + "/history").body().path("status").asText()).isEqualTo("MERGED");

        // C splits into two new units and ends; without a second unit's code the API names the field.
        browser.open(base() + "/console/units/" + split + "/split");
        waitFor("form[data-unit-form=split]");
        typeId("into[0].code", "C1-" + s.run);
        typeId("into[0].name", "Công đoàn cơ sở Khoa Nội, Bệnh viện C");
        new Select(driver().findElement(By.id("into[0].kind"))).selectByValue("BRANCH_UNION");
        typeId("into[1].name", "Công đoàn cơ sở Khoa Ngoại, Bệnh viện C");
        new Select(driver().findElement(By.id("into[1].kind"))).selectByValue("BRANCH_UNION");
        date("effectiveOn", "2024-07-01");
        typeId("decision.number", "21/QĐ-CĐVC");
        submit();
        waitFor("[data-problem]");
        assertThat(find("[data-field-error]").getAttribute("data-field")).isEqualTo("into[1].code");
        typeId("into[1].code", "C2-" + s.run);
        submit();
        waitFor("[data-unit-page='" + split + "']");
        assertThat(all("[data-not-active]")).as("split on its effective date: ended").hasSize(1);
        assertThat(organiser.get("/api/units/by-code/C2-" + s.run + "?asOf=2024-07-01").body().path("unit").path("parentUnitId").asText())
                .isEqualTo(s.upper);

        // D is dissolved.
        browser.open(base() + "/console/units/" + dissolved + "/dissolve");
        waitFor("form[data-unit-form=dissolve]");
        date("effectiveOn", "2024-08-01");
        typeId("decision.number", "22/QĐ-CĐVC");
        submit();
        waitFor("[data-unit-page='" + dissolved + "']");
        assertThat(all("tr[data-change]")).extracting(r -> r.getAttribute("data-change")).containsExactly("REGISTERED_FOUNDED", "DISSOLVED");
        assertThat(organiser.get("/api/units/" + dissolved + "/history").body().path("status").asText()).isEqualTo("DISSOLVED");
    }

    private void typeId(String id, String text) {
        WebElement e = driver().findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    /** A date as the date picker sets it. */
    private void date(String id, String iso) {
        driver().executeScript("arguments[0].value = arguments[1];", driver().findElement(By.id(id)), iso);
    }

    private void submit() {
        find("form[data-unit-form] button[type=submit]").click();
    }
}
