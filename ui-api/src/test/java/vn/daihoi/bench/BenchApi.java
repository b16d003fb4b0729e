package vn.daihoi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small JSON client over {@link HttpClient} (HTTP/1.1) for the benchmark's setup calls. */
final class BenchApi {

    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient client;
    final String base;

    BenchApi(HttpClient client, String base) {
        this.client = client;
        this.base = base;
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    record Reply(int status, JsonNode body, String raw) {
        Reply expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": expected HTTP " + expected + ", got " + status + ": "
                        + (raw.length() > 400 ? raw.substring(0, 400) + "…" : raw));
            }
            return this;
        }
    }

    HttpRequest.Builder request(String token, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    Reply post(String token, String path, String json) {
        return send(request(token, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    Reply postCsv(String token, String path, String csv) {
        return send(request(token, path).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build());
    }

    Reply get(String token, String path) {
        return send(request(token, path).GET().build());
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String raw = r.body() == null ? "" : r.body();
            JsonNode body = raw.isBlank() ? JSON.nullNode() : parse(raw);
            return new Reply(r.statusCode(), body, raw);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (IOException notJson) {
            return JSON.nullNode();
        }
    }

    /** A JSON string literal. */
    static String q(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String array(Iterable<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (String s : items) b.append(b.length() == 1 ? "" : ",").append(q(s));
        return b.append(']').toString();
    }
}
