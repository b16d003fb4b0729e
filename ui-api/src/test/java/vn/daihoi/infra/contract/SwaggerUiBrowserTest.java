package vn.daihoi.infra.contract;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.daihoi.support.PageTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0025: Swagger UI, for staff signed in on the pages, runs under the pages' strict Content-Security-Policy (no
 * inline script, nothing from another host) and shows the API's operations from {@code /v3/api-docs}; a visitor who
 * is not signed in lands on the staff sign-in instead.
 */
class SwaggerUiBrowserTest extends PageTest {

    @Test
    void signedInStaffSeeEveryOperationOfTheContractUnderTheStrictPolicyAndOthersAreSentToSignIn() {
        browser.open(base() + "/api-docs");
        assertThat(driver().getCurrentUrl()).endsWith("/staff");
        assertThat(driver().findElements(By.cssSelector(".swagger-ui"))).isEmpty();

        signInStaff(browser, new String[]{"admin", ADMIN_PASSWORD});
        browser.open(base() + "/api-docs");
        waitFor(".opblock-summary-path");
        List<WebElement> operations = all(".opblock");
        // Every tag is listed open with its operations: the page shows what the contract holds (over ninety).
        assertThat(operations.size()).isGreaterThan(90);
        assertThat(driver().findElement(By.cssSelector(".opblock-summary-path")).getText()).startsWith("/api/");
        // The stylesheet applied (served from this host under style-src 'self'): a POST block is coloured, not default.
        String border = find(".opblock-post").getCssValue("border-top-color");
        assertThat(border).isNotIn("rgba(0, 0, 0, 0)", "rgb(0, 0, 0)", "");
        assertThat(driver().getPageSource()).doesNotContain("petstore");
    }
}
