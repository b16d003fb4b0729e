package vn.daihoi.support;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real headless Chromium for tests of the web pages: phone and desktop viewports, a slow network, page weight,
 * screenshots, touch-target sizes and axe-core's accessibility rules.
 *
 * <p>It drives Debian's {@code chromium} through Debian's {@code chromedriver}, both given by path, so Selenium
 * Manager never looks for (or downloads) a browser or a driver: the machines reach no browser download site.
 * If either is missing the test fails, saying what to install; a browser test that skips would pass CI unseen.
 *
 * <p>Starting Chromium costs about a second: share one per test class ({@code @BeforeAll}/{@code @AfterAll}).
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String INSTALL = "apt-get update && apt-get install -y chromium chromium-driver";
    /**
     * Selenium warns at every start that it has no DevTools bindings for this Chromium's version; only
     * executeCdpCommand is used here, which needs none. Held in a field: JUL keeps loggers weakly.
     */
    private static final Logger CDP_VERSION_FINDER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    /** One axe-core rule broken on the page, with the CSS selectors of the offending elements. */
    public record Violation(String id, String impact, String help, List<String> targets) {}

    /** An interactive element smaller than 44×44 CSS px, described for a failure message. */
    public record TouchTarget(String element, double width, double height) {}

    private final ChromeDriver driver;
    private final boolean javaScript;
    private final Path profile;
    private final long startMillis;
    private int viewportWidth;

    private Browser(ChromeDriver driver, boolean javaScript, Path profile, long startMillis) {
        this.driver = driver;
        this.javaScript = javaScript;
        this.profile = profile;
        this.startMillis = startMillis;
    }

    /** Headless Chromium with JavaScript on, at the desktop viewport. */
    public static Browser start() {
        return start(true);
    }

    /** The same with JavaScript off for pages, as for a voter whose phone blocks scripts: the pages must still work. */
    public static Browser startWithoutJavaScript() {
        return start(false);
    }

    private static Browser start(boolean javaScript) {
        for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(p)) {
                throw new AssertionError("Browser tests need " + p + ", which is missing. Install Debian's browser and driver: " + INSTALL);
            }
        }
        long started = System.nanoTime();
        Path profile;
        try {
            // A fresh profile each time: no cache, cookies or service workers left over from another run.
            profile = Files.createTempDirectory("daihoi-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",                     // the tests run as root, where Chromium's sandbox refuses to start
                "--disable-gpu",
                "--disable-dev-shm-usage",          // containers have a small /dev/shm
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",  // no calls home: the machines reach only package registries
                "--disable-component-update",
                "--disable-sync",
                "--lang=vi-VN",
                "--window-size=1366,768",
                "--user-data-dir=" + profile);
        Map<String, Object> prefs = new HashMap<>();
        // --lang sets the interface language; the Accept-Language header comes from this preference.
        prefs.put("intl.accept_languages", "vi-VN,vi");
        if (!javaScript) {
            prefs.put("profile.managed_default_content_settings.javascript", 2); // 2 = block
        }
        options.setExperimentalOption("prefs", prefs);

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw new AssertionError("Chromium did not start through " + CHROMEDRIVER + " (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    + "). The browser and the driver must be Debian's, of the same version: " + INSTALL, e);
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60)); // axe.run on a long page takes seconds
        Browser browser = new Browser(driver, javaScript, profile, (System.nanoTime() - started) / 1_000_000);
        browser.desktop();
        return browser;
    }

    /** How long {@link #start()} took, for test logs. */
    public long startMillis() {
        return startMillis;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    // ---- viewport ------------------------------------------------------------------------------------------------

    /**
     * A 360×640 CSS px phone: device pixel ratio 2, touch events, mobile layout. As on a real phone, a page
     * without {@code <meta name="viewport" content="width=device-width">} is laid out 980 px wide and shrunk.
     */
    public Browser phone() {
        return viewport(360, 640, 2, true);
    }

    /** A 1366×768 laptop screen, the commonest in offices, mouse only. */
    public Browser desktop() {
        return viewport(1366, 768, 1, false);
    }

    /** A 1024×768 screen (an older office monitor, a tablet held landscape), mouse only: the console's narrowest desktop. */
    public Browser smallDesktop() {
        return viewport(1024, 768, 1, false);
    }

    private Browser viewport(int width, int height, int scale, boolean mobile) {
        // The window size counts the (invisible) browser frame, so it never gives the viewport exactly; the
        // DevTools override does, and it stays in force across navigations.
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", scale, "mobile", mobile));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", mobile
                ? Map.of("enabled", true, "maxTouchPoints", 5)
                : Map.of("enabled", false));
        viewportWidth = width;
        return this;
    }

    /**
     * True when the page fits the viewport's width. Measured against the width set here, not only
     * {@code innerWidth}: a phone that zooms out to fit a too-wide page also widens {@code innerWidth}. So a
     * page without a device-width viewport, laid out 980 px wide on the phone, does not fit either.
     */
    public boolean noHorizontalScroll() {
        Number widest = (Number) driver.executeScript(
                "return Math.max(document.documentElement.scrollWidth, window.innerWidth);");
        return widest.doubleValue() <= viewportWidth;
    }

    /**
     * The visible interactive elements smaller than 44×44 CSS px (WCAG 2.5.5, and what a thumb needs): links,
     * buttons, inputs, selects, text areas, summaries, and labels of form controls. Not counted:
     * <ul>
     * <li>links inside running text (display inline, with other text beside them in their parent), which
     *     WCAG exempts and which cannot grow without breaking the sentence;</li>
     * <li>a checkbox or radio button with a label at least 44×44, since tapping the label works too;</li>
     * <li>elements at most 1 px in either direction: hidden, or visually hidden for screen readers.</li>
     * </ul>
     */
    @SuppressWarnings("unchecked")
    public List<TouchTarget> smallTouchTargets() {
        List<Map<String, Object>> found = (List<Map<String, Object>>) driver.executeScript("""
                const big = r => r.width >= 44 && r.height >= 44;
                const inSentence = el => [...el.parentElement.childNodes]
                    .some(n => n !== el && n.textContent.trim().length > 0);
                const describe = el => {
                  let d = el.tagName.toLowerCase();
                  if (el.id) d += '#' + el.id;
                  if (el.type && el.tagName === 'INPUT') d += '[type=' + el.type + ']';
                  const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ');
                  return text ? d + ' "' + text.slice(0, 40) + '"' : d;
                };
                const out = [];
                for (const el of document.querySelectorAll(
                    'a[href], button, input:not([type=hidden]), select, textarea, summary, label')) {
                  if (el.tagName === 'LABEL' && !el.control) continue;
                  const style = getComputedStyle(el);
                  if (style.visibility !== 'visible' || style.display === 'none') continue;
                  const r = el.getBoundingClientRect();
                  if (r.width <= 1 || r.height <= 1) continue;
                  if (el.tagName === 'A' && style.display === 'inline' && inSentence(el)) continue;
                  if ((el.type === 'checkbox' || el.type === 'radio')
                      && [...(el.labels || [])].some(l => big(l.getBoundingClientRect()))) continue;
                  if (!big(r)) out.push({element: describe(el), width: r.width, height: r.height});
                }
                return out;
                """);
        return found.stream()
                .map(m -> new TouchTarget((String) m.get("element"),
                        ((Number) m.get("width")).doubleValue(), ((Number) m.get("height")).doubleValue()))
                .toList();
    }

    // ---- network and page weight ---------------------------------------------------------------------------------

    /** A slow mobile connection (roughly "Fast 3G"): the budget the voting pages are held to. */
    public Browser throttle() {
        return throttle(150, 1600, 750);
    }

    /** Every request waits {@code latencyMs} and moves at most the given kilobits (1000 bits) per second. */
    public Browser throttle(int latencyMs, int downKbit, int upKbit) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of(
                "offline", false,
                "latency", latencyMs,
                "downloadThroughput", downKbit * 1000 / 8,  // bytes per second
                "uploadThroughput", upKbit * 1000 / 8));
        return this;
    }

    public Browser unthrottle() {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of(
                "offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        return this;
    }

    /** Forget cached responses, so that the next load measures a first visit. */
    public Browser clearCache() {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        return this;
    }

    /**
     * Bytes that came over the network for the current page: the document's and every resource's transferSize
     * (headers included, compressed as sent, 0 when served from cache).
     */
    public long transferredBytes() {
        Number total = (Number) driver.executeScript("""
                const nav = performance.getEntriesByType('navigation')[0];
                return performance.getEntriesByType('resource')
                    .reduce((sum, r) => sum + r.transferSize, nav ? nav.transferSize : 0);
                """);
        return total.longValue();
    }

    /**
     * When the page first painted text or an image, in ms from the navigation's start. A page that paints nothing
     * has no such entry; then the end of DOMContentLoaded stands in for it.
     */
    public double firstContentfulPaintMs() {
        // The paint entry can land a frame after the load event that driver.get() waited for: wait up to 2 s.
        // Without JavaScript neither observers nor timers fire in the page, so there it is now or never.
        Number ms = (Number) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const fallback = () => {
                  const nav = performance.getEntriesByType('navigation')[0];
                  done(nav ? nav.domContentLoadedEventEnd : -1);
                };
                const fcp = performance.getEntriesByName('first-contentful-paint')[0];
                if (fcp) { done(fcp.startTime); return; }
                if (!arguments[0]) { fallback(); return; }
                new PerformanceObserver(list => {
                  const e = list.getEntriesByName('first-contentful-paint')[0];
                  if (e) done(e.startTime);
                }).observe({type: 'paint', buffered: true});
                setTimeout(fallback, 2000);
                """, javaScript);
        return ms.doubleValue();
    }

    // ---- accessibility -------------------------------------------------------------------------------------------

    /**
     * Runs axe-core on the current page and returns its serious and critical violations (moderate and minor ones
     * are left to review). The script goes in through DevTools, so the page's Content-Security-Policy, which
     * forbids foreign scripts, does not stop it.
     */
    @SuppressWarnings("unchecked")
    public List<Violation> axe() {
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
            driver.executeScript(AxeCore.source());
        }
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                if (arguments[0]) {
                  // Page scripts are blocked, and with them timers (axe hands over its results in a setTimeout 0);
                  // promise jobs still run. Delayed timers, only axe's own time-outs here, never fire.
                  window.setTimeout = (fn, ms, ...args) => {
                    if (!(ms > 1)) Promise.resolve().then(() => fn(...args));
                    return 0;
                  };
                }
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                targets: v.nodes.map(n => n.target.flat(Infinity).join(' >>> '))}))))
                  .catch(e => done('axe failed: ' + e));
                """, !javaScript);
        if (result instanceof String error) {
            throw new AssertionError(error);
        }
        return ((List<Map<String, Object>>) result).stream()
                .map(v -> new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
                        List.copyOf((List<String>) v.get("targets"))))
                .toList();
    }

    /** Fails listing each serious or critical axe-core violation on the current page and where it is. */
    public void assertNoSeriousAccessibilityViolations(String pageName) {
        List<Violation> violations = axe();
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.stream()
                    .map(v -> "  [" + v.impact() + "] " + v.id() + ": " + v.help() + "\n      at " + String.join(", ", v.targets()))
                    .collect(Collectors.joining("\n",
                            pageName + " (" + driver.getCurrentUrl() + ") has " + violations.size()
                                    + " serious or critical accessibility violation(s) by axe-core " + AxeCore.VERSION + ":\n",
                            "")));
        }
    }

    // ---- screenshots ---------------------------------------------------------------------------------------------

    /** The whole page at the current viewport width, as the repository's {@code docs/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        return screenshot(repositoryRoot().resolve("docs").resolve("screenshots"), name);
    }

    public Path screenshot(Path directory, String name) {
        // Page.captureScreenshot beyond the viewport takes the full length; the driver's own screenshot stops at
        // the fold. Capped at 8000 CSS px, where a page has stopped being a page.
        Number height = (Number) driver.executeScript(
                "return Math.min(8000, Math.max(document.documentElement.scrollHeight, window.innerHeight));");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", viewportWidth, "height", height.intValue(), "scale", 1)));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(name + ".png");
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Surefire runs in ui-api/; an IDE may run in the repository root. */
    private static Path repositoryRoot() {
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return Files.isDirectory(here.resolve("ui-api")) ? here : here.getParent();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A temp profile left behind is harmless.
        }
    }
}
