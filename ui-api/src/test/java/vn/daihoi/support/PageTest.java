package vn.daihoi.support;

import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the web pages: the application on a real PostgreSQL, driven by a real headless Chromium
 * (one per test class). Each page a test reaches is checked as the quality bar asks: at phone size no horizontal
 * scroll and no touch target under 44 px, axe-core without a serious or critical violation, and a screenshot for
 * docs/screenshots/.
 */
public abstract class PageTest extends ApiTest {

    protected static Browser browser;

    @Autowired
    private ServletWebServerApplicationContext server;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
        browser = null;
    }

    protected String base() {
        return "http://localhost:" + port;
    }

    protected org.openqa.selenium.chrome.ChromeDriver driver() {
        return browser.driver();
    }

    /** A fresh start: no session, no language cookie. */
    protected void forgetSession(Browser b) {
        b.open(base() + "/assets/icon.svg");
        b.driver().manage().deleteAllCookies();
    }

    protected WebElement find(String css) {
        return driver().findElement(By.cssSelector(css));
    }

    protected List<WebElement> all(String css) {
        return driver().findElements(By.cssSelector(css));
    }

    protected void waitFor(String css) {
        waitFor(driver(), css);
    }

    protected static void waitFor(org.openqa.selenium.WebDriver d, String css) {
        new WebDriverWait(d, Duration.ofSeconds(15)).until(x -> !x.findElements(By.cssSelector(css)).isEmpty());
    }

    /** Types into the field matching {@code css}, replacing what it held. */
    protected void type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
    }

    /** Sets a field's value as a date or time picker would (typing into one depends on the locale). */
    protected void setValue(String css, String value) {
        driver().executeScript("arguments[0].value = arguments[1]", find(css), value);
    }

    /**
     * Clicks the button matching {@code css} and waits until the browser shows the page the post answered with. The
     * page before is marked and the wait is for a document without the mark: an element of the old page read during
     * the navigation may be reported stale, or by Chromium as "not belonging to the document", so none is read.
     */
    protected void submitAndWaitForNewPage(String css) {
        driver().executeScript("document.documentElement.setAttribute('data-page-before', '')");
        find(css).click();
        new WebDriverWait(driver(), Duration.ofSeconds(30), Duration.ofMillis(50))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(driver().executeScript(
                        "return !document.documentElement.hasAttribute('data-page-before') && document.readyState === 'complete'")));
    }

    /** Sends a file through the page's upload form ({@code [data-upload]}) and waits for the page that answers. */
    protected void upload(java.nio.file.Path file) {
        waitFor("[data-upload] #file");
        find("[data-upload] #file").sendKeys(file.toAbsolutePath().toString());
        submitAndWaitForNewPage("[data-upload] button[type=submit]");
        waitFor("[data-upload]");
    }

    /**
     * Milliseconds until an element matching {@code css} has {@code attribute} = {@code value}; fails past
     * {@code limitMs}. A live view swaps its content in as it changes: an element read a moment ago may be gone.
     */
    protected long until(String css, String attribute, String value, long limitMs) {
        long start = System.nanoTime();
        new WebDriverWait(driver(), Duration.ofMillis(limitMs), Duration.ofMillis(50))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> value.equals(e.getAttribute(attribute))));
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The quality bar on the page now shown, at phone size (the viewport is left at phone size). */
    protected void checkPage(Browser b, String screenshot) {
        b.phone();
        b.driver().navigate().refresh();
        pageChecks(b, screenshot);
    }

    /** The same without reloading (for a page that answered a form post). */
    protected void pageChecks(Browser b, String screenshot) {
        b.phone();
        assertThat(b.noHorizontalScroll()).as("no horizontal scroll at 360 px on " + screenshot).isTrue();
        assertThat(b.smallTouchTargets()).as("touch targets under 44 px on " + screenshot).isEmpty();
        b.assertNoSeriousAccessibilityViolations(screenshot);
        assertThat(b.driver().getPageSource()).as("no stack trace or JSON on " + screenshot)
                .doesNotContain("Exception", "at vn.daihoi", "\"type\":\"urn:", "Whitelabel");
        if (screenshot != null) b.screenshot(screenshot);
    }

    /**
     * The credential slip the organisers print for a delegate (its code is reissued), and the address in its QR code,
     * read back from the PDF's picture as a phone's camera would.
     */
    protected String slipAddress(Http organiser, String congressId, String delegateId) throws IOException {
        byte[] pdf = organiser.postForBytes("/api/congresses/" + congressId + "/credential-slips", "{\"delegateIds\":[\"" + delegateId + "\"]}");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            var source = new com.google.zxing.RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels);
            // A phone's camera keeps trying; without TRY_HARDER the reader samples every 18th row of a whole A4 page and
            // whether it finds the code depends on where the slip's text happens to put it (ADR 0022 moved it).
            return new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                    new com.google.zxing.common.HybridBinarizer(source)),
                    java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (com.google.zxing.NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            throw new AssertionError("no readable QR code on the credential slip", e);
        }
    }

    /** A fresh voting code for a delegate (the organisers reissue his credential). */
    protected String newCode(Http organiser, String congressId, String delegateId) {
        Http.Answer a = organiser.post("/api/congresses/" + congressId + "/delegates/" + delegateId + "/credential", "");
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        return a.body().path("votingCode").asText();
    }

    /** Signs in on /vote by typing the code. */
    protected void signIn(Browser b, String code) {
        b.open(base() + "/vote");
        b.driver().findElement(By.id("code")).sendKeys(code);
        b.driver().findElement(By.cssSelector("#signin button[type=submit]")).click();
    }

    /**
     * Signs a staff account in on {@code /staff} (the browser holds no session yet) and waits for the staff home: its
     * sign-out form, which the sign-in page does not have (waiting for any heading raced the post).
     */
    protected void signInStaff(Browser b, String[] account) {
        b.open(base() + "/staff");
        b.driver().findElement(By.id("username")).sendKeys(account[0]);
        b.driver().findElement(By.id("password")).sendKeys(account[1]);
        b.driver().findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(b.driver(), "form[action$='/staff/sign-out']");
    }

    /** A staff account with a known password, for the staff sign-in page. */
    protected String[] staffAccount(String role, String scopeId) {
        String username = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String password = "password-for-" + username;
        Http.Answer a = admin().post("/api/accounts", """
                {"username":"%s","password":"%s","grants":[{"role":"%s","scopeId":"%s"}]}""".formatted(username, password, role, scopeId));
        assertThat(a.status()).as(a.raw()).isEqualTo(201);
        return new String[]{username, password};
    }

    /** What the server's session behind the browser's cookie holds as its token (read from Tomcat, as an operator could). */
    protected String sessionToken(Browser b) {
        Cookie cookie = b.driver().manage().getCookieNamed("DAIHOI_SESSION");
        assertThat(cookie).as("session cookie").isNotNull();
        Context context = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        Manager manager = context.getManager();
        try {
            Session s = manager.findSession(cookie.getValue());
            assertThat(s).as("server session").isNotNull();
            return (String) s.getSession().getAttribute("daihoi.token");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A download with the browser's own session cookie (HttpOnly cookies are readable through WebDriver). */
    protected HttpResponse<byte[]> download(Browser b, String path) throws Exception {
        StringBuilder cookies = new StringBuilder();
        for (Cookie c : b.driver().manage().getCookies()) cookies.append(cookies.length() == 0 ? "" : "; ").append(c.getName()).append('=').append(c.getValue());
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (cookies.length() > 0) r.header("Cookie", cookies.toString());
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
