package vn.daihoi.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The delegates' web pages (issue 11) as a phone drives them, without a browser: the session cookie
 * {@value #COOKIE} carried by hand (the shared {@link HttpClient} has no cookie handler and follows no redirect),
 * the {@code _csrf} hidden field read from the page's form, and form posts.
 */
final class BenchPages {

    static final String COOKIE = "DAIHOI_SESSION";
    private static final Pattern CSRF_FIELD = Pattern.compile("<input\\b[^>]*\\bname=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");
    /** What only a receipt page shows (templates/election/receipt.html). */
    static final byte[] RECEIPT_MARK = "id=\"tracking-code\"".getBytes(StandardCharsets.UTF_8);

    final HttpClient client;
    final String base;

    BenchPages(HttpClient client, String base) {
        this.client = client;
        this.base = base;
    }

    /** A signed-in page session: its cookie value and a CSRF token rendered for it. */
    record Session(String cookie, String csrf) {}

    /** Steps 1–3: {@code GET /vote} (a new session), {@code POST /vote} with the code (a new session id), {@code GET /vote}. */
    Session signIn(String votingCode) {
        HttpResponse<String> first = send(HttpRequest.newBuilder(uri("/vote")).GET(), null);
        expect(first, 200, "GET /vote (anonymous)");
        String anonymous = setCookie(first);
        if (anonymous == null) throw new IllegalStateException("GET /vote set no " + COOKIE + " cookie");
        String csrf = csrf(first.body(), "GET /vote (anonymous)");

        HttpResponse<String> posted = send(HttpRequest.newBuilder(uri("/vote"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf) + "&code=" + enc(votingCode))), anonymous);
        expect(posted, 302, "POST /vote (sign-in)");
        String location = posted.headers().firstValue("Location").orElse("");
        if (!location.endsWith("/vote")) throw new IllegalStateException("POST /vote redirected to " + location + ", not /vote");
        String signedIn = setCookie(posted);
        if (signedIn == null || signedIn.equals(anonymous)) {
            throw new IllegalStateException("POST /vote did not change the session id (" + (signedIn == null ? "no cookie set" : "same id") + ")");
        }

        HttpResponse<String> home = send(HttpRequest.newBuilder(uri("/vote")).GET(), signedIn);
        expect(home, 200, "GET /vote (signed in)");
        if (setCookie(home) != null) throw new IllegalStateException("GET /vote signed in set a new session cookie");
        if (!home.body().contains("/vote/sign-out")) throw new IllegalStateException("GET /vote after the sign-in shows no signed-in page");
        return new Session(signedIn, csrf(home.body(), "GET /vote (signed in)"));
    }

    /**
     * Step 4, the cast as the ballot's confirmation form posts it: the session's CSRF token, a fresh idempotency key
     * (the page's own are 24 characters; a UUID is 36) and the names kept, in the body.
     */
    HttpRequest cast(Session s, String electionId, int round, List<String> kept) {
        StringBuilder form = new StringBuilder("_csrf=").append(enc(s.csrf())).append("&key=").append(UUID.randomUUID());
        for (String id : kept) form.append("&kept=").append(enc(id));
        return HttpRequest.newBuilder(uri("/vote/elections/" + electionId + "/rounds/" + round + "/cast"))
                .timeout(Duration.ofSeconds(60))
                .header("Cookie", COOKIE + "=" + s.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString(), StandardCharsets.UTF_8))
                .build();
    }

    /** Whether an answer's body is a receipt page (a 201 that is not one counts as an error). */
    static boolean isReceipt(byte[] body) {
        outer:
        for (int i = 0; i + RECEIPT_MARK.length <= body.length; i++) {
            for (int j = 0; j < RECEIPT_MARK.length; j++) if (body[i + j] != RECEIPT_MARK[j]) continue outer;
            return true;
        }
        return false;
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder b, String cookie) {
        b.timeout(Duration.ofSeconds(60)).header("Accept", "text/html");
        if (cookie != null) b.header("Cookie", COOKIE + "=" + cookie);
        HttpRequest r = b.build();
        try {
            return client.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(r.method() + " " + r.uri().getPath() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            String body = r.body() == null ? "" : r.body();
            throw new IllegalStateException(what + ": expected HTTP " + status + ", got " + r.statusCode()
                    + r.headers().firstValue("Location").map(l -> " → " + l).orElse("") + ": "
                    + (body.length() > 400 ? body.substring(0, 400) + "…" : body));
        }
    }

    /** The value of the session cookie this answer sets, or null. */
    static String setCookie(HttpResponse<?> r) {
        for (String h : r.headers().allValues("Set-Cookie")) {
            String first = h.split(";", 2)[0].strip();
            if (first.startsWith(COOKIE + "=")) return first.substring(COOKIE.length() + 1);
        }
        return null;
    }

    static String csrf(String html, String what) {
        Matcher field = CSRF_FIELD.matcher(html);
        if (!field.find()) throw new IllegalStateException(what + ": no _csrf field on the page");
        Matcher v = VALUE.matcher(field.group());
        if (!v.find() || v.group(1).isEmpty()) throw new IllegalStateException(what + ": _csrf field without a value");
        return v.group(1).replace("&#45;", "-").replace("&#61;", "=").replace("&amp;", "&");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
