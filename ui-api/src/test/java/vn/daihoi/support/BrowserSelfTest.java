package vn.daihoi.support;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The browser helper against small pages served here, no Spring context: each check is shown to pass on a page
 * that should pass and to fail on one that should fail, so a browser test that passes means something.
 */
class BrowserSelfTest {
    private static final String HEAD = """
            <!doctype html><html lang="vi"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title></head><body>
            """;
    private static final int HEAVY_BYTES = 200_000;

    private static HttpServer server;
    private static String base;
    private static Browser browser;
    /** The bodies of /heavy and its stylesheet. */
    private static int heavyBytes;
    private static final Map<String, String> acceptLanguage = new ConcurrentHashMap<>();

    @BeforeAll
    static void serveAndStart() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        page("/clean", "", html("Bầu cử", """
                <main><h1>Bỏ phiếu bầu Ban Chấp hành</h1>
                <p>Đánh dấu người bạn chọn rồi bấm <a href="/help">xem hướng dẫn</a> nếu cần.</p>
                <form><label for="code">Mã phiếu</label><input id="code" name="code" style="height:48px">
                <button style="min-width:48px;min-height:48px">Gửi phiếu</button></form></main>"""));
        page("/broken", "", html("Lỗi", """
                <main><h1>Trang lỗi</h1><img src="/photo.png"><input name="code"></main>"""));
        // The policy forbids inline scripts: the title changes only if it is not enforced.
        page("/csp", "default-src 'self'", html("Chưa chạy", """
                <main><h1>Có CSP</h1><img src="/photo.png"><script>document.title = 'inline ran';</script></main>"""));
        page("/script", "", html("Script", """
                <main><h1 id="state">tĩnh</h1><script>document.getElementById('state').textContent = 'đã chạy';</script></main>"""));
        page("/wide", "", html("Rộng", """
                <main><h1>Rộng</h1><div style="width:600px">bảng quá rộng cho điện thoại</div></main>"""));
        page("/targets", "", html("Nút", """
                <main><h1>Nút</h1>
                <p>Một câu có <a href="/x" id="inline">liên kết</a> ở giữa.</p>
                <button id="tiny" style="width:20px;height:20px;padding:0">x</button>
                <button id="roomy" style="width:48px;height:48px">OK</button>
                <label for="agree" style="display:inline-block;min-height:48px;min-width:48px">Đồng ý</label>
                <input type="checkbox" id="agree">
                <nav><a href="/home" id="navlink">Trang chủ</a></nav></main>"""));
        // ~200 kB of render-blocking stylesheet, cheap to parse (one comment), so the time goes to the network.
        StringBuilder css = new StringBuilder("main { max-width: 40rem; }\n/*\n");
        for (int n = 1; css.length() < HEAVY_BYTES; n++) {
            css.append("padding line ").append(n).append('\n'); // numbered: nothing to compress or deduplicate
        }
        resource("/heavy.css", "text/css", css.append("*/\n").toString());
        resource("/heavy", "text/html; charset=utf-8", html("Nặng", """
                <link rel="stylesheet" href="/heavy.css"><main><h1>Trang nặng</h1><p>Phiếu bầu đã nhận.</p></main>"""));
        StringBuilder lines = new StringBuilder();
        for (int n = 1; n <= 60; n++) {
            lines.append("<p>Đại biểu số ").append(n).append(" đã nhận phiếu bầu Ban Chấp hành.</p>\n");
        }
        page("/long", "", html("Dài", "<main><h1>Danh sách</h1>" + lines + "</main>"));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();

        browser = Browser.start();
        System.out.println("browser: started in " + browser.startMillis() + " ms");
        AxeCore.source();
        System.out.println("axe-core " + AxeCore.VERSION + ": " + AxeCore.provenance);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    private static String html(String title, String body) {
        return HEAD.formatted(title) + body + "\n</body></html>\n";
    }

    private static void page(String path, String csp, String html) {
        serve(path, "text/html; charset=utf-8", csp, html);
    }

    private static void resource(String path, String type, String content) {
        heavyBytes += content.getBytes(StandardCharsets.UTF_8).length;
        serve(path, type, "", content);
    }

    private static void serve(String path, String type, String csp, String content) {
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            acceptLanguage.put(path, String.valueOf(exchange.getRequestHeaders().getFirst("Accept-Language")));
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (!csp.isEmpty()) {
                exchange.getResponseHeaders().set("Content-Security-Policy", csp);
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @Test
    void axeFindsMissingAltTextAndUnlabelledInput() {
        browser.desktop().open(base + "/broken");
        long started = System.nanoTime();
        List<Browser.Violation> violations = browser.axe();
        System.out.println("axe-core: broken page checked in " + (System.nanoTime() - started) / 1_000_000 + " ms");

        assertThat(violations).extracting(Browser.Violation::id).contains("image-alt", "label");
        assertThat(violations).allSatisfy(v -> assertThat(v.impact()).isIn("serious", "critical"));
        assertThat(violations).filteredOn(v -> v.id().equals("image-alt"))
                .singleElement().satisfies(v -> assertThat(v.targets()).containsExactly("img"));
        assertThatThrownBy(() -> browser.assertNoSeriousAccessibilityViolations("The broken page"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("The broken page")
                .hasMessageContaining("image-alt")
                .hasMessageContaining("label");
    }

    @Test
    void aCleanVietnamesePageHasNoSeriousViolations() {
        browser.desktop().open(base + "/clean");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Bỏ phiếu bầu Ban Chấp hành");
        long started = System.nanoTime();
        browser.assertNoSeriousAccessibilityViolations("The clean page");
        System.out.println("axe-core: clean page checked in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        assertThat(acceptLanguage.get("/clean")).startsWith("vi-VN");
    }

    @Test
    void axeRunsDespiteTheContentSecurityPolicy() {
        browser.desktop().open(base + "/csp");
        assertThat(browser.driver().getTitle()).as("the CSP is enforced").isEqualTo("Chưa chạy");
        assertThat(browser.axe()).extracting(Browser.Violation::id).contains("image-alt");
    }

    @Test
    void phoneAndDesktopViewportsAreExact() {
        try {
            browser.phone().open(base + "/clean");
            assertThat(browser.driver().executeScript("return [window.innerWidth, window.innerHeight, window.devicePixelRatio, navigator.maxTouchPoints];"))
                    .isEqualTo(List.of(360L, 640L, 2L, 5L));
            assertThat(browser.noHorizontalScroll()).isTrue();

            browser.open(base + "/wide");
            assertThat(browser.noHorizontalScroll()).as("a 600 px block on a 360 px phone").isFalse();
        } finally {
            browser.desktop();
        }
        browser.open(base + "/clean");
        assertThat(browser.driver().executeScript("return [window.innerWidth, window.innerHeight, navigator.maxTouchPoints];"))
                .isEqualTo(List.of(1366L, 768L, 0L));
        browser.open(base + "/wide");
        assertThat(browser.noHorizontalScroll()).isTrue();
    }

    @Test
    void smallTouchTargetsAreFoundAndInlineLinksAreExempt() {
        try {
            browser.phone().open(base + "/targets");
            assertThat(browser.smallTouchTargets()).extracting(Browser.TouchTarget::element)
                    .containsExactlyInAnyOrder("button#tiny \"x\"", "a#navlink \"Trang chủ\"");
        } finally {
            browser.desktop();
        }
    }

    @Test
    void screenshotWritesTheWholePageAsPng(@TempDir Path dir) throws IOException {
        try {
            browser.phone().open(base + "/long");
            Path png = browser.screenshot(dir, "long-phone");
            assertThat(png).isEqualTo(dir.resolve("long-phone.png"));
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).as("360 CSS px at device pixel ratio 2").isEqualTo(720);
            assertThat(image.getHeight()).as("the whole page, not only the first screen").isGreaterThan(2 * 640);
            assertThat(browser.driver().executeScript("return window.innerWidth;")).as("viewport kept after the capture").isEqualTo(360L);
        } finally {
            browser.desktop();
        }
    }

    @Test
    void aSlowNetworkSlowsTheLoadAndTheBytesAreCounted() {
        browser.desktop().clearCache();
        long fastMs = timedLoad(base + "/heavy");
        long fastBytes = browser.transferredBytes();
        double fastFcp = browser.firstContentfulPaintMs();
        long slowMs;
        long slowBytes;
        double slowFcp;
        try {
            browser.throttle().clearCache();
            slowMs = timedLoad(base + "/heavy");
            slowBytes = browser.transferredBytes();
            slowFcp = browser.firstContentfulPaintMs();
        } finally {
            browser.unthrottle();
        }
        System.out.printf("network: %d B page and stylesheet, unthrottled %d ms (FCP %.0f ms, %d B), throttled %d ms (FCP %.0f ms, %d B)%n",
                heavyBytes, fastMs, fastFcp, fastBytes, slowMs, slowFcp, slowBytes);

        assertThat(slowMs - fastMs).as("200 kB at 1.6 Mbit/s").isGreaterThan(800);
        assertThat(List.of(fastBytes, slowBytes)).allSatisfy(bytes ->
                assertThat(bytes).as("body plus headers").isBetween((long) heavyBytes, heavyBytes + 8_000L));
        assertThat(fastFcp).isPositive();
        assertThat(slowFcp).as("no paint before the 200 kB stylesheet is in").isGreaterThan(1000);
    }

    @Test
    void withoutJavaScriptPageScriptsDoNotRun() {
        browser.desktop().open(base + "/script");
        assertThat(browser.driver().findElement(By.id("state")).getText()).as("control: scripts run normally").isEqualTo("đã chạy");
        try (Browser noScript = Browser.startWithoutJavaScript()) {
            System.out.println("browser without JavaScript: started in " + noScript.startMillis() + " ms");
            noScript.open(base + "/script");
            assertThat(noScript.driver().findElement(By.id("state")).getText()).isEqualTo("tĩnh");
            noScript.assertNoSeriousAccessibilityViolations("The static page");
        }
    }

    @Test
    void aTamperedAxeCacheIsNotTrusted(@TempDir Path cache) throws IOException {
        String source = AxeCore.source(); // fills the real cache if it was empty
        Files.writeString(cache.resolve("axe.min.js"), source);
        Files.copy(AxeCore.defaultCacheDir().resolve("axe.min.js.sha256"), cache.resolve("axe.min.js.sha256"));
        assertThat(AxeCore.readVerified(cache)).isPresent();

        Files.writeString(cache.resolve("axe.min.js"), source.replace("axe", "axf"));
        assertThat(AxeCore.readVerified(cache)).isEmpty();
        assertThatThrownBy(() -> AxeCore.checkIntegrity("not the tarball".getBytes(StandardCharsets.UTF_8),
                "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="))
                .isInstanceOf(AssertionError.class).hasMessageContaining("integrity");
    }

    private static long timedLoad(String url) {
        long started = System.nanoTime();
        browser.open(url);
        return (System.nanoTime() - started) / 1_000_000;
    }
}
