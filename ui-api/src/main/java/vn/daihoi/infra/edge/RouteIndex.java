package vn.daihoi.infra.edge;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spring MVC's request mappings with a quick first test (ADR 0030). For a path with variables Spring MVC tries
 * every mapping of the application in turn — about 200 here — and a request is looked up twice (by Spring Security's
 * request matchers and by the dispatcher): the lookups were a sixth of the CPU of a cast ballot. This mapping first
 * compares the request's path with the literal start of each mapping's patterns ({@code /api/elections/} for
 * {@code /api/elections/{electionId}/rounds/{round}/ballots}) and leaves to Spring's full test only the mappings
 * whose start fits.
 *
 * <p>The quick test only ever says "cannot match", and only where that is certain: a path that every pattern of a
 * mapping must begin with, compared case-sensitively as the patterns are, and never for a path with
 * percent-encoded characters (a pattern matches decoded segments: {@code /api/el%65ctions} is
 * {@code /api/elections}) or an empty segment, which goes to the full test as before. A mapping whose patterns cannot be read (no
 * parsed patterns) has no start and is always tested in full. The answer is therefore the one Spring gives without
 * the index; {@code RouteIndexTest} checks it for every mapping of the application.
 */
public class RouteIndex extends RequestMappingHandlerMapping {

    /** The lookup path of the lookup running on this thread; null outside one or when the quick test is off for it. */
    private static final ThreadLocal<String> LOOKUP = new ThreadLocal<>();

    /** Per mapping, the literal starts of its patterns (a path must begin with one of them), or absent: test in full. */
    private final Map<RequestMappingInfo, String[]> starts = new ConcurrentHashMap<>();

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        String[] s = starts(mapping);
        if (s != null) starts.put(mapping, s);
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        starts.remove(mapping);
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        String outer = LOOKUP.get();
        LOOKUP.set(indexable(lookupPath) ? lookupPath : null);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            if (outer == null) LOOKUP.remove(); else LOOKUP.set(outer);
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = LOOKUP.get();
        if (path != null) {
            String[] s = starts.get(info);
            if (s != null && !startsWithAny(path, s)) return null;
        }
        return super.getMatchingMapping(info, request);
    }

    /** The same lookup without the quick test: what Spring alone answers (for {@code RouteIndexTest}). */
    HandlerMethod lookUpInFull(String lookupPath, HttpServletRequest request) throws Exception {
        String outer = LOOKUP.get();
        LOOKUP.remove();
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            if (outer != null) LOOKUP.set(outer);
        }
    }

    /** The mappings that have a literal start, with it (for {@code RouteIndexTest}). */
    Map<RequestMappingInfo, String[]> starts() {
        return Map.copyOf(starts);
    }

    private boolean indexable(String lookupPath) {
        PathPatternParser parser = getPatternParser();
        return parser != null && parser.isCaseSensitive() && lookupPath.indexOf('%') < 0 && !lookupPath.contains("//");
    }

    private static boolean startsWithAny(String path, String[] starts) {
        for (String s : starts) if (path.startsWith(s)) return true;
        return false;
    }

    /** The literal start of every pattern of {@code info}; null when one of them has none or they cannot be read. */
    static String[] starts(RequestMappingInfo info) {
        if (info.getPathPatternsCondition() == null) return null;
        Set<PathPattern> patterns = info.getPathPatternsCondition().getPatterns();
        if (patterns.isEmpty()) return null;
        String[] s = new String[patterns.size()];
        int i = 0;
        for (PathPattern p : patterns) {
            String start = literalStart(p.getPatternString());
            if (start == null) return null;
            s[i++] = start;
        }
        return s;
    }

    /** The characters of a pattern before its first variable or wildcard; null unless it begins with "/". */
    static String literalStart(String pattern) {
        if (!pattern.startsWith("/")) return null;
        int end = pattern.length();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?' || c == '\\' || c == '%') {
                end = i;
                break;
            }
        }
        return pattern.substring(0, end);
    }
}
