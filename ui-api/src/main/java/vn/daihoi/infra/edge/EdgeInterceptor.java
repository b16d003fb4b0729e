package vn.daihoi.infra.edge;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides, once the endpoint is known and before its arguments are read or any command runs, whether the
 * request can be answered at all: an {@code Accept} that admits no JSON (nor PDF where the endpoint makes
 * one) is a 406, a body of a wrong, wildcard or unparseable {@code Content-Type} a 415, a path variable or
 * query parameter that no column could store a 400. Refusing afterwards would be too late: the command would
 * already have run (issue 9, finding 5).
 */
public class EdgeInterceptor implements HandlerInterceptor {

    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
    private static final List<MediaType> JSON_OR_PDF = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON,
            MediaType.APPLICATION_PDF);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod method)) return true;
        Endpoint endpoint = endpoints.computeIfAbsent(method.getMethod(), m -> Endpoint.of(method));
        acceptable(request, endpoint.makesPdf() ? JSON_OR_PDF : JSON);
        contentType(request, endpoint);
        parameters(request);
        return true;
    }

    /** What the checks need to know of an endpoint, read once from its method (not on every request). */
    record Endpoint(boolean makesPdf, boolean readsBody, boolean declaresConsumes) {
        static Endpoint of(HandlerMethod method) {
            RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequestMapping.class);
            return new Endpoint(EdgeInterceptor.makesPdf(method), EdgeInterceptor.readsBody(method), mapping != null && mapping.consumes().length > 0);
        }
    }

    private final Map<Method, Endpoint> endpoints = new ConcurrentHashMap<>();

    /**
     * An endpoint that answers {@code ResponseEntity<byte[]>} writes a PDF (slips, minutes, dossiers, ballot papers),
     * also when the answer comes later, once its read model caught up ({@code CompletableFuture<ResponseEntity<byte[]>>},
     * ADR 0027).
     */
    static boolean makesPdf(HandlerMethod method) {
        ResolvableType type = ResolvableType.forMethodReturnType(method.getMethod());
        if (java.util.concurrent.CompletionStage.class.isAssignableFrom(type.toClass())) type = type.getGeneric(0);
        return ResponseEntity.class.isAssignableFrom(type.toClass()) && type.getGeneric(0).toClass() == byte[].class;
    }

    private static void acceptable(HttpServletRequest request, List<MediaType> offered) throws HttpMediaTypeNotAcceptableException {
        List<String> headers = Collections.list(request.getHeaders("Accept"));
        if (headers.isEmpty()) return;
        String accept = String.join(",", headers);
        if (accept.isBlank()) return;
        List<MediaType> wanted;
        try {
            wanted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException(offered);
        }
        for (MediaType w : wanted) {
            if (w.getQualityValue() <= 0) continue;
            for (MediaType o : offered) if (w.includes(o)) return;
        }
        throw new HttpMediaTypeNotAcceptableException(offered);
    }

    private static void contentType(HttpServletRequest request, Endpoint endpoint) throws HttpMediaTypeNotSupportedException {
        String header = request.getContentType();
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        MediaType type = null;
        if (header != null) {
            try {
                type = MediaType.parseMediaType(header);
            } catch (InvalidMediaTypeException e) {
                throw new HttpMediaTypeNotSupportedException("unparseable Content-Type");
            }
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                throw new HttpMediaTypeNotSupportedException("wildcard Content-Type");
            }
            try {
                type.getCharset(); // an unknown charset would otherwise fail deep inside the converters (a 500)
            } catch (IllegalArgumentException e) {
                throw new HttpMediaTypeNotSupportedException("unknown charset");
            }
        }
        if (!hasBody || !endpoint.readsBody()) return;
        if (type == null) throw new HttpMediaTypeNotSupportedException("missing Content-Type");
        if (endpoint.declaresConsumes()) return; // the mapping's own condition has checked it
        if (!MediaType.APPLICATION_JSON.isCompatibleWith(type) && !"json".equals(type.getSubtypeSuffix())) {
            throw new HttpMediaTypeNotSupportedException("not JSON");
        }
    }

    /** The handler reads the request body ({@code @RequestBody}); the API contract documents a body for the same ones. */
    public static boolean readsBody(HandlerMethod method) {
        for (MethodParameter p : method.getMethodParameters()) if (p.hasParameterAnnotation(RequestBody.class)) return true;
        return false;
    }

    @SuppressWarnings("unchecked")
    private static void parameters(HttpServletRequest request) {
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (vars instanceof Map<?, ?> map) {
            for (Map.Entry<String, String> e : ((Map<String, String>) map).entrySet()) {
                String v = e.getValue();
                if (v == null || v.isBlank() || !TextShape.fits(v, Limits.PATH_VARIABLE, false)) throw new InvalidParameter(e.getKey());
            }
        }
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            if (!TextShape.fits(e.getKey(), Limits.QUERY_PARAMETER, false)) throw new InvalidParameter("?");
            for (String v : e.getValue()) {
                if (v != null && !TextShape.fits(v, Limits.QUERY_PARAMETER, false)) throw new InvalidParameter(e.getKey());
            }
        }
    }
}
