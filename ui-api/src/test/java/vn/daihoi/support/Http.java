package vn.daihoi.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A tiny HTTP client for tests: every call answers status, content type and the parsed JSON body. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RestClient client;
    private final String token;

    Http(RestClient client) {
        this(client, null);
    }

    private Http(RestClient client, String token) {
        this.client = client;
        this.token = token;
    }

    /** The same client, sending {@code Authorization: Bearer token}. */
    public Http as(String token) {
        return new Http(client.mutate().defaultHeader("Authorization", "Bearer " + token).build(), token);
    }

    /** The bearer token this client sends; null when it sends none. */
    public String token() {
        return token;
    }

    /** The same client without a token. */
    public Http anonymous() {
        return new Http(client.mutate().defaultHeaders(h -> h.remove("Authorization")).build());
    }

    public Answer postWithHeader(String path, String json, String header, String value) {
        var spec = client.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (value != null) spec = spec.header(header, value);
        return exchange(spec.body(json.getBytes(StandardCharsets.UTF_8)));
    }

    public Answer postCsv(String path, String csv) {
        return exchange(client.post().uri(path).contentType(MediaType.parseMediaType("text/csv"))
                .body(csv.getBytes(StandardCharsets.UTF_8)));
    }

    public byte[] getBytes(String path) {
        return client.get().uri(path).retrieve().body(byte[].class);
    }

    public byte[] postForBytes(String path, String json) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_PDF)
                .body(json.getBytes(StandardCharsets.UTF_8)).retrieve().body(byte[].class);
    }

    public static Http to(String baseUrl) {
        return new Http(RestClient.builder().baseUrl(baseUrl).build());
    }

    public record Answer(int status, String contentType, JsonNode body, String raw) {}

    public Answer get(String path) {
        return exchange(client.get().uri(path));
    }

    public Answer post(String path, String json) {
        return exchange(client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** A POST that asks for a PDF (or a problem): the answer's body is parsed only when it is JSON. */
    public Answer postForPdf(String path, String json) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_PDF, MediaType.APPLICATION_PROBLEM_JSON)
                .body(json.getBytes(StandardCharsets.UTF_8)).exchange((req, res) -> {
                    String type = res.getHeaders().getContentType() == null ? null : res.getHeaders().getContentType().toString();
                    byte[] bytes = res.getBody().readAllBytes();
                    boolean isJson = type != null && type.contains("json");
                    String raw = isJson ? new String(bytes, StandardCharsets.UTF_8) : "";
                    return new Answer(res.getStatusCode().value(), type, parse(raw), raw);
                });
    }

    private Answer exchange(RestClient.RequestHeadersSpec<?> spec) {
        return spec.exchange((req, res) -> {
            HttpStatusCode status = res.getStatusCode();
            String raw = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
            String type = res.getHeaders().getContentType() == null ? null : res.getHeaders().getContentType().toString();
            return new Answer(status.value(), type, parse(raw), raw);
        });
    }

    private static JsonNode parse(String raw) throws IOException {
        return raw.isBlank() ? JSON.nullNode() : JSON.readTree(raw);
    }
}
