package vn.daihoi.infra.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Http;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0025: {@code GET /v3/api-docs} describes every endpoint of the HTTP API the application really maps — its
 * request body when the handler reads one, a success answer with a schema (or 204), and its refusals as
 * {@code application/problem+json} with the shared {@code Problem} schema — and nothing else (no page, no actuator).
 * The contract it fetched is written to {@code target/api-contract/openapi.json}, from which the build generates a
 * Java client and compiles it (ui-api/pom.xml, {@code api-client}, {@code api-client-compiles}).
 */
class ApiContractTest extends ApiTest {

    static final Path CONTRACT = Path.of("target", "api-contract", "openapi.json");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode contract() throws Exception {
        Http.Answer a = anonymous().get("/v3/api-docs");
        assertThat(a.status()).as("the contract is public").isEqualTo(200);
        assertThat(a.contentType()).startsWith("application/json");
        Files.createDirectories(CONTRACT.getParent());
        Files.writeString(CONTRACT, a.raw(), StandardCharsets.UTF_8);
        return json.readTree(a.raw());
    }

    /** Every {@code /api/**} handler the application maps: "METHOD pattern" → its handler method. */
    private Map<String, HandlerMethod> apiHandlers() {
        Map<String, HandlerMethod> handlers = new TreeMap<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getMethodsCondition().getMethods().forEach(m ->
                info.getPatternValues().forEach(p -> {
                    if (p.startsWith("/api/")) handlers.put(m.name() + " " + p, method);
                })));
        return handlers;
    }

    @Test
    void everyMappedApiEndpointIsInTheContractWithItsBodyItsAnswerAndItsProblems() throws Exception {
        JsonNode contract = contract();
        Map<String, HandlerMethod> handlers = apiHandlers();
        assertThat(handlers).as("the API's handlers").hasSizeGreaterThan(90);

        Set<String> described = new TreeSet<>();
        contract.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (Set.of("get", "post", "put", "patch", "delete").contains(method)) described.add(method.toUpperCase() + " " + path.getKey());
        }));
        assertThat(described).as("the contract describes exactly the API's endpoints").isEqualTo(handlers.keySet());

        List<String> defects = new ArrayList<>();
        handlers.forEach((endpoint, handler) -> {
            String[] mp = endpoint.split(" ", 2);
            JsonNode op = contract.path("paths").path(mp[1]).path(mp[0].toLowerCase());
            boolean readsBody = Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
            if (readsBody) {
                JsonNode content = op.path("requestBody").path("content");
                if (content.isEmpty()) defects.add(endpoint + ": no request body");
                content.forEach(media -> {
                    if (!hasSchema(contract, media.path("schema"))) defects.add(endpoint + ": a request body without a schema");
                });
            } else if (op.has("requestBody")) {
                defects.add(endpoint + ": a request body the handler does not read");
            }
            boolean success = false;
            boolean problem = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = op.path("responses").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> r = it.next();
                JsonNode response = resolve(contract, r.getValue());
                if (r.getKey().equals("204")) success = true;
                else if (r.getKey().startsWith("2")) {
                    JsonNode content = response.path("content");
                    if (!content.isEmpty() && content.elements().next().has("schema") && hasSchema(contract, content.elements().next().path("schema"))) {
                        success = true;
                    }
                    if (content.has("*/*")) defects.add(endpoint + ": answers */*, not a stated media type");
                } else if (r.getKey().startsWith("4")) {
                    JsonNode schema = response.path("content").path(ApiContract.PROBLEM_JSON).path("schema");
                    if (schema.path("$ref").asText().equals("#/components/schemas/Problem")) problem = true;
                    else defects.add(endpoint + ": " + r.getKey() + " is not an application/problem+json Problem");
                }
            }
            if (!success) defects.add(endpoint + ": no 2xx answer with a schema (or 204)");
            if (!problem) defects.add(endpoint + ": no 4xx application/problem+json answer");
            boolean open = Arrays.stream(vn.daihoi.account.SecurityConfiguration.PUBLIC).anyMatch(p -> endpoint.equals(p[0] + " " + p[1]));
            if (open != (op.has("security") && op.path("security").isEmpty())) {
                defects.add(endpoint + ": its security in the contract is not the security chain's (public: " + open + ")");
            }
        });
        assertThat(defects).as("operations the contract does not fully describe").isEmpty();

        List<String> ids = new ArrayList<>();
        contract.path("paths").forEach(path -> path.forEach(op -> ids.add(op.path("operationId").asText())));
        assertThat(ids).as("operation ids, as a generated client names its methods").doesNotHaveDuplicates()
                .noneMatch(id -> id.isEmpty() || id.contains("_"));
    }

    @Test
    void whatReflectionCannotSeeIsStatedCreatedAnswersRepeatsRawUploadsAndFiles() throws Exception {
        JsonNode paths = contract().path("paths");
        JsonNode register = paths.path("/api/units").path("post").path("responses");
        assertThat(names(register)).contains("201").doesNotContain("200");
        assertThat(register.path("201").path("content").path("application/json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/UnitWithAncestors");
        JsonNode cast = paths.path("/api/elections/{electionId}/rounds/{round}/ballots").path("post");
        assertThat(names(cast.path("responses"))).contains("200", "201");
        assertThat(cast.path("responses").path("200").path("content").path("application/json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/Receipt");
        assertThat(cast.path("parameters").findValuesAsText("name")).contains("Idempotency-Key");
        JsonNode csv = paths.path("/api/congresses/{congressId}/delegates/import").path("post").path("requestBody").path("content");
        assertThat(csv.path("text/csv").path("schema").path("type").asText()).isEqualTo("string");
        assertThat(csv.path("text/csv").path("schema").has("format")).as("the file as sent, not base64").isFalse();
        assertThat(csv.path("application/octet-stream").path("schema").path("format").asText()).isEqualTo("binary");
        JsonNode pdf = paths.path("/api/elections/{electionId}/rounds/{round}/minutes.pdf").path("get").path("responses").path("200").path("content");
        assertThat(names(pdf)).containsExactly("application/pdf");
        JsonNode zip = paths.path("/api/congresses/{congressId}/bundle").path("get").path("responses").path("200").path("content");
        assertThat(names(zip)).containsExactly("application/zip");
        assertThat(names(paths.path("/api/auth/logout").path("post").path("responses"))).contains("204");
        assertThat(paths.path("/api/operations/replay").path("post").path("responses").path("200").path("content")
                .path("application/json").path("schema").path("$ref").asText()).isEqualTo("#/components/schemas/Replayed");
    }

    /**
     * The contract names a schema by its class's simple name: two records of one name in the API's signatures (an
     * election's and a confidence vote's {@code PaperEntry}) would silently share one schema. Each name is one class.
     */
    @Test
    void noTwoClassesOfTheApiShareASchemaName() {
        Map<String, Set<String>> byName = new TreeMap<>();
        Set<Class<?>> seen = new java.util.HashSet<>();
        apiHandlers().values().forEach(h -> {
            walk(org.springframework.core.ResolvableType.forMethodReturnType(h.getMethod()), seen, byName);
            for (var p : h.getMethodParameters()) {
                if (p.hasParameterAnnotation(RequestBody.class)) walk(org.springframework.core.ResolvableType.forMethodParameter(p), seen, byName);
            }
        });
        byName.values().removeIf(classes -> classes.size() < 2);
        assertThat(byName).as("schema names shared by several classes (add the name to ApiContract.SHARED_NAMES)").isEmpty();
    }

    private static void walk(org.springframework.core.ResolvableType type, Set<Class<?>> seen, Map<String, Set<String>> byName) {
        Class<?> c = type.toClass();
        for (org.springframework.core.ResolvableType g : type.getGenerics()) walk(g, seen, byName);
        if (c.isArray()) {
            walk(type.getComponentType(), seen, byName);
            return;
        }
        if (c.isPrimitive() || c.getName().startsWith("java.") || c.getName().startsWith("org.springframework.") || !seen.add(c)) return;
        io.swagger.v3.oas.annotations.media.Schema named = c.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        String name = named != null && !named.name().isEmpty() ? named.name() : ApiContract.schemaName(c);
        byName.computeIfAbsent(name, k -> new TreeSet<>()).add(c.getName());
        if (c.isRecord()) {
            for (var component : c.getRecordComponents()) walk(org.springframework.core.ResolvableType.forType(component.getGenericType(),
                    type), seen, byName);
        }
    }

    @Test
    void theRequestRecordsCarryTheirBeanValidationConstraintsAndTheEdgesLengths() throws Exception {
        JsonNode schemas = contract().path("components").path("schemas");
        // ElectionController.Nomination: @NotBlank @Line(max = ID) personId, @NotNull source, @Line(max = NAME) applicationReference.
        JsonNode nomination = schemas.path("Nomination");
        assertThat(names(nomination.path("required"))).contains("personId", "source");
        assertThat(nomination.path("properties").path("personId").path("maxLength").asInt()).isEqualTo(64);
        assertThat(nomination.path("properties").path("applicationReference").path("maxLength").asInt()).isEqualTo(255);
        assertThat(names(nomination.path("properties").path("source").path("enum"))).isNotEmpty();
        // ListApproval: the optional noSurplusDecisionId (R-22) beside the required listDecisionId.
        JsonNode approval = schemas.path("ListApproval");
        assertThat(names(approval.path("required"))).contains("listDecisionId").doesNotContain("noSurplusDecisionId");
        assertThat(approval.path("properties").path("noSurplusDecisionId").path("maxLength").asInt()).isEqualTo(64);
        // PaperEntry: @Min(1) sheet, @Note(max = REASON) correctionReason, the invalid reasons as an enum.
        JsonNode entry = schemas.path("ElectionControllerPaperEntry");
        assertThat(entry.path("properties").path("sheet").path("minimum").asInt()).isEqualTo(1);
        assertThat(entry.path("properties").path("correctionReason").path("maxLength").asInt()).isEqualTo(1000);
        JsonNode invalid = resolve(contract(), entry.path("properties").path("invalid"));
        assertThat(names(invalid.path("enum"))).isNotEmpty();
        assertThat(entry.path("properties").path("keptCandidateIds").path("maxItems").asInt()).isEqualTo(200);
        // A message record reused by request records (a term's decisions): its limits come from the validator's
        // programmatic mapping (EdgeConfiguration), which no annotation on the record shows.
        assertThat(schemas.path("Decision").path("properties").path("number").path("maxLength").asInt()).isEqualTo(120);
        assertThat(schemas.path("Decision").path("properties").path("issuedBy").path("maxLength").asInt()).isEqualTo(255);
        // A type-use constraint on a list's items: NewRound.candidateIds is List<@NotBlank @Line(max = ID) String>.
        assertThat(schemas.path("NewRound").path("properties").path("candidateIds").path("items").path("maxLength").asInt()).isEqualTo(64);
        // The confidence vote's paper entry is another record: its own schema, not the election's under one name.
        assertThat(schemas.has("ConfidenceVoteControllerPaperEntry")).isTrue();
        assertThat(schemas.has("PaperEntry")).isFalse();
    }

    @Test
    void theProblemSchemaHasEveryMemberARealProblemCarries() throws Exception {
        JsonNode problem = contract().path("components").path("schemas").path("Problem").path("properties");
        Set<String> documented = new TreeSet<>(names(problem));
        assertThat(documented).contains("type", "title", "status", "detail", "code", "titleEn", "rule", "field", "errors");
        // Real refusals: a body missing its required fields (errors, field), a rule (rule), no token at all.
        Http.Answer missing = admin().post("/api/units", "{}");
        Http.Answer rule = admin().post("/api/units", """
                {"code":"HC-%s","name":"Công đoàn hư cấu","kind":"BRANCH_UNION","parentUnitId":"no-such-unit",
                 "effectiveOn":"2018-01-01","decision":{"number":"1/QĐ"}}""".formatted(System.nanoTime() % 1_000_000_000L));
        assertThat(rule.body().path("rule").asText()).as(rule.raw()).isEqualTo("R-01");
        Http.Answer anonymous = anonymous().get("/api/units");
        for (Http.Answer a : List.of(missing, rule, anonymous)) {
            assertThat(a.status()).as(a.raw()).isBetween(400, 499);
            assertThat(a.contentType()).startsWith(ApiContract.PROBLEM_JSON);
            assertThat(documented).as(a.raw()).containsAll(names(a.body()));
        }
        assertThat(missing.body().has("errors")).as(missing.raw()).isTrue();
        assertThat(names(problem.path("errors").path("items").path("properties")))
                .containsAll(names(missing.body().path("errors").get(0)));
    }

    @Test
    void onlyTheApiIsInTheContractAndNothingElseSpringdocCouldShow() throws Exception {
        JsonNode contract = contract();
        assertThat(names(contract.path("paths"))).isNotEmpty().allMatch(p -> p.startsWith("/api/"));
        assertThat(contract.path("openapi").asText()).startsWith("3.0");
        assertThat(contract.path("components").path("securitySchemes").path("bearer").path("scheme").asText()).isEqualTo("bearer");
        HttpResponse<String> yaml = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs.yaml"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.body()).startsWith("openapi: 3.0");
    }

    @Test
    void swaggerUiIsOnlyForStaffSignedInOnThePages() throws Exception {
        HttpClient anyone = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : List.of("/api-docs", "/swagger-ui/index.html", "/swagger-ui/swagger-initializer.js")) {
            HttpResponse<String> r = get(anyone, path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).as(path).endsWith("/staff");
            assertThat(r.body()).as(path).doesNotContain("swagger");
        }
        // A bearer token is no page session: the UI is a page.
        HttpResponse<String> withToken = anyone.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/swagger-ui/index.html"))
                .header("Authorization", "Bearer " + login("admin", ADMIN_PASSWORD)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).isEqualTo(302);

        HttpClient staff = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(staff, "/staff").body());
        assertThat(csrf.find()).isTrue();
        String form = "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&username=admin&password="
                + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> signIn = staff.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/staff"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(302);
        HttpResponse<String> ui = get(staff, "/api-docs");
        assertThat(ui.statusCode()).isEqualTo(302);
        String index = URI.create(ui.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(index).startsWith("/swagger-ui/");
        HttpResponse<String> page = get(staff, index);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        HttpResponse<String> initializer = get(staff, "/swagger-ui/swagger-initializer.js");
        assertThat(initializer.statusCode()).isEqualTo(200);
        assertThat(initializer.body()).contains("/v3/api-docs").doesNotContain("petstore");
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html,*/*").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode resolve(JsonNode contract, JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (!ref.startsWith("#/")) return node;
        JsonNode target = contract;
        for (String part : ref.substring(2).split("/")) target = target.path(part);
        return target;
    }

    /** A schema that says something: a reference that resolves, a type, or a composition. */
    private static boolean hasSchema(JsonNode contract, JsonNode schema) {
        if (schema.isMissingNode() || schema.isEmpty()) return false;
        if (schema.has("$ref")) return !resolve(contract, schema).isMissingNode();
        // An object that names no property says nothing (what a ResponseEntity<?> becomes when nobody states it).
        if (schema.path("type").asText().equals("object")) return schema.has("properties") || schema.has("additionalProperties");
        return schema.has("type") || schema.has("oneOf") || schema.has("allOf") || schema.has("anyOf");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isArray()) node.forEach(n -> names.add(n.asText()));
        else node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
