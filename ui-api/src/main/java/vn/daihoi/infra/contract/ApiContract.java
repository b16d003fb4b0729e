package vn.daihoi.infra.contract;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;
import vn.daihoi.account.SecurityConfiguration;
import vn.daihoi.infra.edge.Line;
import vn.daihoi.infra.edge.Note;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ADR 0025: the HTTP API's contract, generated at run time from the controllers and their request and response
 * records (springdoc, {@code /v3/api-docs}). What reflection cannot see is added here once, for every operation,
 * instead of by hand on each method: the bearer token (and which operations need none), the problems a request can
 * be refused with ({@code application/problem+json}, one shared {@code Problem} schema with the fields
 * {@link vn.daihoi.infra.Problems} really writes), a {@code 204} where a handler answers no body, the PDF answers,
 * and the constraints the application's validator checks (the edge's {@link Line} and {@link Note} as {@code maxLength},
 * the programmatic limits of reused message records).
 */
@Configuration
public class ApiContract {

    public static final String PROBLEM_JSON = "application/problem+json";
    static final String BEARER = "bearer";

    /** The refusals, by status: each a reference to one shared response whose body is a {@code Problem}. */
    private static final Map<String, String[]> REFUSALS = new LinkedHashMap<>();

    static {
        REFUSALS.put("400", new String[]{"BadRequest",
                "Yêu cầu sai dạng (thân JSON, trường thiếu hoặc quá dài, tham số) · malformed request, missing or too long field, bad parameter"});
        REFUSALS.put("401", new String[]{"Unauthenticated", "Chưa đăng nhập · no valid bearer token"});
        REFUSALS.put("403", new String[]{"Forbidden", "Không có quyền trong phạm vi này · the caller's grants do not reach this data"});
        REFUSALS.put("404", new String[]{"NotFound", "Không tìm thấy · nothing with this id"});
        REFUSALS.put("406", new String[]{"NotAcceptable", "Accept không nhận JSON · Accept admits no type this endpoint answers"});
        REFUSALS.put("409", new String[]{"Conflict", "Trái quy tắc hoặc trạng thái hiện tại (xem rule) · refused by a rule or the current state (see rule)"});
        REFUSALS.put("413", new String[]{"PayloadTooLarge", "Thân yêu cầu quá lớn · request body above the limit"});
        REFUSALS.put("415", new String[]{"UnsupportedMediaType", "Content-Type không được nhận · Content-Type not accepted"});
        REFUSALS.put("422", new String[]{"RuleViolation", "Không hợp lệ theo quy tắc (xem rule, field) · invalid by a rule (see rule, field)"});
        REFUSALS.put("429", new String[]{"TooManyAttempts", "Quá nhiều lần thử, chờ retryAfterSeconds · too many attempts, wait retryAfterSeconds"});
        REFUSALS.put("503", new String[]{"Unavailable", "Cơ sở dữ liệu tạm thời không truy cập được, thử lại · database unreachable for now, retry"});
    }

    /** Sign-in endpoints: the only ones with a rate limit per address (ADR 0015). */
    private static final List<String> SIGN_IN = List.of("/api/auth/login", "/api/auth/voting-code");

    @Bean
    OpenAPI daihoiContract() {
        Components components = new Components()
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("Mã truy cập (token) nhận từ POST /api/auth/login hoặc /api/auth/voting-code · the token a sign-in gives"))
                .addSchemas("Problem", problemSchema());
        REFUSALS.forEach((status, r) -> components.addResponses(r[0], new ApiResponse().description(r[1])
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))))));
        return new OpenAPI()
                .info(new Info().title("Đại hội API").version("1")
                        .description("Đại hội công đoàn: triệu tập, đại biểu, bầu cử, nhiệm kỳ, kiểm tra · trade-union congresses: "
                                + "convening, delegates, elections, terms, audit. Lỗi là application/problem+json (RFC 9457). "
                                + "Errors are application/problem+json (RFC 9457). Prose and examples: docs/api.md."))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** RFC 9457 with the members {@code vn.daihoi.infra.Problems} adds; {@code type} is a stable {@code urn:daihoi:problem:…}. */
    static Schema<?> problemSchema() {
        Schema<?> error = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("problem", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details · chi tiết lỗi")
                .addProperty("type", new StringSchema().format("uri").description("urn:daihoi:problem:<code>, stable"))
                .addProperty("title", new StringSchema().description("Tiếng Việt"))
                .addProperty("status", new IntegerSchema().format("int32"))
                .addProperty("detail", new StringSchema().description("English"))
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("code", new StringSchema().description("the last part of type, e.g. missing-field"))
                .addProperty("titleEn", new StringSchema().description("English"))
                .addProperty("rule", new StringSchema().description("the rule id of the domain guide, e.g. R-26"))
                .addProperty("field", new StringSchema().description("the offending field or parameter"))
                .addProperty("errors", new ArraySchema().items(error).description("every invalid field of a request body"))
                .addProperty("retryAfterSeconds", new IntegerSchema().format("int64").description("429 only"))
                .addProperty("caughtUp", new ObjectSchema().additionalProperties(new io.swagger.v3.oas.models.media.BooleanSchema())
                        .description("replay-failed only: each processor, caught up or not"))
                .addProperty("inError", new ArraySchema().items(new StringSchema()).description("replay-failed only: processors in error"))
                .required(List.of("type", "title", "status", "code", "titleEn"));
    }

    /**
     * Per operation: who may call it, its success answer where the return type does not say it, and the refusals
     * its kind of request can meet. Only the HTTP API is in the contract ({@code springdoc.paths-to-match}).
     */
    @Bean
    OperationCustomizer refusalsAndAnswers() {
        return (operation, handler) -> {
            String path = path(handler);
            String method = httpMethod(handler);
            boolean open = isPublic(method, path);
            if (open) operation.setSecurity(List.of());
            String feature = feature(handler);
            operation.setTags(List.of(feature));
            operation.setOperationId(feature + Character.toUpperCase(handler.getMethod().getName().charAt(0)) + handler.getMethod().getName().substring(1));
            rawBody(operation, handler);
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            answer(operation, handler, responses);
            boolean body = vn.daihoi.infra.edge.EdgeInterceptor.readsBody(handler);
            boolean command = !"GET".equals(method);
            List<String> statuses = new java.util.ArrayList<>(List.of("400"));
            if (!open) statuses.addAll(List.of("401", "403"));
            if (path.contains("{")) statuses.add("404");
            statuses.add("406");
            if (command) statuses.addAll(List.of("409", "422"));
            if (body) statuses.addAll(List.of("413", "415"));
            if (SIGN_IN.contains(path)) statuses.add("429");
            statuses.add("503");
            for (String s : statuses) {
                if (!responses.containsKey(s)) responses.addApiResponse(s, new ApiResponse().$ref("#/components/responses/" + REFUSALS.get(s)[0]));
            }
            return operation;
        };
    }

    /** The feature a handler belongs to, by its package ({@code vn.daihoi.election…} → election); plumbing is "operations". */
    static String feature(HandlerMethod handler) {
        String[] parts = handler.getBeanType().getPackageName().split("\\.");
        String feature = parts.length > 2 ? parts[2] : "daihoi";
        return feature.equals("infra") ? "operations" : feature;
    }

    /** A body read as bytes (the roll's CSV) is the file as sent, not base64: text for text types, binary otherwise. */
    private static void rawBody(Operation operation, HandlerMethod handler) {
        boolean bytes = Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class) && p.getParameterType() == byte[].class);
        if (!bytes || operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) return;
        operation.getRequestBody().getContent().forEach((type, media) ->
                media.setSchema(type.startsWith("text/") ? new StringSchema() : new BinarySchema()));
    }

    /** A handler that answers no body says so with {@code 204}; one that writes bytes writes a PDF unless it says otherwise. */
    private static void answer(Operation operation, HandlerMethod handler, ApiResponses responses) {
        ResolvableType returned = ResolvableType.forMethodReturnType(handler.getMethod());
        Class<?> raw = returned.toClass();
        ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ResponseStatus.class);
        boolean noBody = raw == void.class || raw == Void.class
                || (ResponseEntity.class.isAssignableFrom(raw) && returned.getGeneric(0).toClass() == Void.class);
        if (noBody) {
            int code = status != null && status.code().is2xxSuccessful() ? status.code().value() : 204;
            responses.keySet().removeIf(k -> k.startsWith("2"));
            responses.addApiResponse(String.valueOf(code), new ApiResponse().description("Đã thực hiện · done, no content"));
            return;
        }
        boolean bytes = raw == byte[].class || (ResponseEntity.class.isAssignableFrom(raw) && returned.getGeneric(0).toClass() == byte[].class);
        if (!bytes) return;
        responses.forEach((code, r) -> {
            if (!code.startsWith("2") || r.getContent() == null) return;
            boolean declared = r.getContent().keySet().stream().anyMatch(t -> !t.equals("*/*") && !t.equals("application/json"));
            if (declared) {
                r.getContent().remove("*/*");
                r.getContent().remove("application/json");
                r.getContent().values().forEach(m -> m.setSchema(new BinarySchema()));
            } else {
                r.setContent(new Content().addMediaType("application/pdf", new MediaType().schema(new BinarySchema())));
            }
        });
    }

    /**
     * Simple names that several classes in the API's signatures share (an election's and a confidence vote's
     * {@code PaperEntry}, a unit's and a term's {@code Change}, …): the contract would silently give them one schema.
     * A nested class of one of these names is named with its enclosing class ({@code ElectionControllerPaperEntry}).
     * ApiContractTest fails when another name is shared.
     */
    static final Set<String> SHARED_NAMES = Set.of("Attendance", "Ballot", "Change", "Minutes", "PaperEntry", "PersonBody",
            "Recognition", "Report");

    static String schemaName(Class<?> c) {
        Class<?> outer = c.getEnclosingClass();
        return outer != null && SHARED_NAMES.contains(c.getSimpleName()) ? outer.getSimpleName() + c.getSimpleName() : c.getSimpleName();
    }

    /**
     * Names the schemas ({@link #schemaName}) and writes into each the constraints the API really validates it with,
     * read from the application's own {@link Validator}: the Jakarta annotations and the edge's {@code @Line} /
     * {@code @Note} (ADR 0014) on request records, and the programmatic limits of the message records they reuse
     * ({@code Decision}, {@code TermShift}, {@code Rejection}: EdgeConfiguration), which no annotation shows.
     */
    @Bean
    ModelConverter namesAndConstraints(Validator validator) {
        return new ModelConverter() {
            @Override
            public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
                Class<?> raw = type.getType() == null ? null : Json.mapper().constructType(type.getType()).getRawClass();
                if (raw != null && type.getName() == null) {
                    String name = schemaName(raw);
                    if (!name.equals(raw.getSimpleName())) type.name(name);
                }
                Schema<?> resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
                if (resolved != null && raw != null && !raw.isPrimitive() && !raw.isArray() && !raw.isEnum() && !raw.getName().startsWith("java.")) {
                    Schema<?> model = resolved.get$ref() == null ? resolved
                            : context.getDefinedModels().get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
                    if (model != null && model.getProperties() != null) constrain(model, validator.getConstraintsForClass(raw));
                }
                return resolved;
            }
        };
    }

    private static void constrain(Schema<?> model, BeanDescriptor bean) {
        if (!bean.isBeanConstrained()) return;
        for (PropertyDescriptor p : bean.getConstrainedProperties()) {
            Schema<?> property = model.getProperties().get(p.getPropertyName());
            if (property == null) continue;
            for (ConstraintDescriptor<?> c : p.getConstraintDescriptors()) {
                Annotation a = c.getAnnotation();
                Integer max = a instanceof Line l ? Integer.valueOf(l.max()) : a instanceof Note n ? Integer.valueOf(n.max()) : null;
                if (max != null && property.get$ref() == null && !"array".equals(property.getType())) maxLength(property, max);
                boolean required = a instanceof NotNull || a instanceof NotBlank || a instanceof NotEmpty;
                if (required && (model.getRequired() == null || !model.getRequired().contains(p.getPropertyName()))) {
                    model.addRequiredItem(p.getPropertyName());
                }
            }
            if (property.getItems() == null) continue;
            for (ContainerElementTypeDescriptor element : p.getConstrainedContainerElementTypes()) {
                for (ConstraintDescriptor<?> c : element.getConstraintDescriptors()) {
                    Annotation a = c.getAnnotation();
                    if (a instanceof Line l) maxLength(property.getItems(), l.max());
                    if (a instanceof Note n) maxLength(property.getItems(), n.max());
                }
            }
        }
    }

    private static void maxLength(Schema<?> property, int max) {
        if (property.getMaxLength() == null || property.getMaxLength() > max) property.setMaxLength(max);
    }

    private static String path(HandlerMethod handler) {
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        RequestMapping m = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        String prefix = type == null || type.path().length == 0 ? "" : type.path()[0];
        String own = m == null || m.path().length == 0 ? "" : m.path()[0];
        return prefix + own;
    }

    private static String httpMethod(HandlerMethod handler) {
        RequestMapping m = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return m == null || m.method().length == 0 ? "GET" : m.method()[0].name();
    }

    /** The same list the API's security chain opens ({@link SecurityConfiguration#PUBLIC}). */
    static boolean isPublic(String method, String path) {
        return Arrays.stream(SecurityConfiguration.PUBLIC).anyMatch(p -> p[0].equals(method) && p[1].equals(path));
    }
}
