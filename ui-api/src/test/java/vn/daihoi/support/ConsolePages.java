package vn.daihoi.support;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality bar of a console page (organiser, auditor) at its target size, the 1366×768 desktop: no horizontal
 * scroll, axe-core without a serious or critical violation, no stack trace, and a screenshot for docs/screenshots/.
 */
public final class ConsolePages {
    private ConsolePages() {}

    public static void check(Browser b, String screenshot) {
        b.desktop();
        assertThat(b.noHorizontalScroll()).as("no horizontal scroll at 1366 px on " + screenshot).isTrue();
        b.assertNoSeriousAccessibilityViolations(screenshot);
        assertThat(b.driver().getPageSource()).as("no stack trace or JSON on " + screenshot)
                .doesNotContain("Exception", "at vn.daihoi", "\"type\":\"urn:", "Whitelabel");
        if (screenshot != null) b.screenshot(screenshot);
    }

    /**
     * A page that only reads: no form posts (every form asks with GET: a date, a term) and no button outside such a
     * form, so nothing on it can change anything.
     */
    public static void assertReadOnly(Browser b) {
        List<WebElement> forms = b.driver().findElements(By.tagName("form"));
        for (WebElement f : forms) {
            assertThat(f.getAttribute("method")).as("form " + f.getAttribute("action") + " on " + b.driver().getCurrentUrl()).isEqualToIgnoringCase("get");
        }
        int buttons = b.driver().findElements(By.cssSelector("button, input[type=submit], input[type=button]")).size();
        int inGetForms = b.driver().findElements(By.cssSelector("form[method=get] button, form[method=get] input[type=submit]")).size();
        assertThat(buttons).as("every button on " + b.driver().getCurrentUrl() + " sits in a GET form").isEqualTo(inGetForms);
    }
}
