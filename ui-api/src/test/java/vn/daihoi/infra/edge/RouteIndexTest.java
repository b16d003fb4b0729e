package vn.daihoi.infra.edge;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import vn.daihoi.support.ApiTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0030: the application's request mappings are a {@link RouteIndex}, and its quick first test never changes
 * which handler answers: for every mapping of the application, a request made to fit it finds that handler, and
 * finds what Spring's full lookup finds; near misses (another method, an encoded letter, another case, a path one
 * letter short) get Spring's own answer too.
 */
class RouteIndexTest extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private RouteIndex index() {
        assertThat(mappings).as("the application's request mappings").isInstanceOf(RouteIndex.class);
        return (RouteIndex) mappings;
    }

    /** A lookup's outcome: the handler's method, or the refusal Spring raised (405, 415, 406…), or nothing. */
    private record Outcome(String handler, String refusal) {
        static Outcome of(Lookup lookup) {
            try {
                HandlerMethod h = lookup.run();
                return new Outcome(h == null ? null : h.getMethod().toGenericString(), null);
            } catch (Exception e) {
                return new Outcome(null, e.getClass().getName());
            }
        }
    }

    private interface Lookup {
        HandlerMethod run() throws Exception;
    }

    private static MockHttpServletRequest request(String method, String path, RequestMappingInfo info) {
        MockHttpServletRequest r = new MockHttpServletRequest(method, path);
        if (info != null) {
            var consumes = info.getConsumesCondition().getConsumableMediaTypes();
            if (!consumes.isEmpty()) {
                r.setContentType(concrete(consumes.iterator().next()).toString());
                r.setContent(new byte[]{'{', '}'});
            }
            var produces = info.getProducesCondition().getProducibleMediaTypes();
            if (!produces.isEmpty()) r.addHeader("Accept", concrete(produces.iterator().next()).toString());
        }
        ServletRequestPathUtils.parseAndCache(r);
        return r;
    }

    private static MediaType concrete(MediaType t) {
        return t.isWildcardType() || t.isWildcardSubtype() ? MediaType.APPLICATION_JSON : t;
    }

    private Outcome[] both(MockHttpServletRequest request) {
        RouteIndex index = index();
        String lookupPath = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
        Outcome quick = Outcome.of(() -> index.lookupHandlerMethod(lookupPath, request));
        Outcome full = Outcome.of(() -> index.lookUpInFull(lookupPath, request));
        return new Outcome[]{quick, full};
    }

    /** A path that fits {@code pattern}: each variable a short value, each wildcard one or two segments. */
    static String fitting(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]+}", "a/b").replaceAll("\\{[^}]+}", "x1").replace("**", "a/b").replace("*", "a");
    }

    @Test
    void everyMappingIsFoundByTheQuickTestAsByTheFullLookup() {
        RouteIndex index = index();
        Map<RequestMappingInfo, HandlerMethod> all = index.getHandlerMethods();
        assertThat(all).as("the application's mappings").hasSizeGreaterThan(150);
        assertThat(index.starts()).as("mappings with a literal start (the quick test applies)").hasSizeGreaterThan(all.size() * 9 / 10);

        List<String> differ = new ArrayList<>();
        int found = 0;
        for (var e : all.entrySet()) {
            RequestMappingInfo info = e.getKey();
            var methods = info.getMethodsCondition().getMethods();
            List<String> verbs = methods.isEmpty() ? List.of("GET") : methods.stream().map(Enum::name).toList();
            for (PathPattern p : Objects.requireNonNull(info.getPathPatternsCondition()).getPatterns()) {
                for (String verb : verbs) {
                    String path = fitting(p.getPatternString());
                    Outcome[] o = both(request(verb, path, info));
                    if (!o[0].equals(o[1])) differ.add(verb + " " + path + ": quick " + o[0] + ", full " + o[1]);
                    if (e.getValue().getMethod().toGenericString().equals(o[0].handler())) found++;
                }
            }
        }
        assertThat(differ).as("lookups where the quick test changed the answer").isEmpty();
        assertThat(found).as("requests made to fit a mapping that found its own handler").isGreaterThan(all.size() * 9 / 10);
    }

    @Test
    void nearMissesGetSpringsOwnAnswer() {
        String ballots = "/api/elections/e1/rounds/1/ballots";
        List<Outcome[]> cases = List.of(
                both(request("POST", ballots, null)),
                both(request("DELETE", ballots, null)),                         // a 405 from the full lookup
                both(request("POST", "/api/el%65ctions/e1/rounds/1/ballots", null)), // an encoded letter: no quick test
                both(request("POST", "/API/elections/e1/rounds/1/ballots", null)),   // patterns are case-sensitive
                both(request("POST", "/api/election/e1/rounds/1/ballots", null)),    // one letter short
                both(request("GET", "/api", null)),
                both(request("GET", "/", null)),
                both(request("GET", "/api//elections/e1", null)));
        for (Outcome[] o : cases) assertThat(o[0]).isEqualTo(o[1]);
        assertThat(cases.get(0)[0].handler()).as("the cast is found").contains("ElectionController.cast(");
        assertThat(cases.get(1)[0].refusal()).as("another method is refused as Spring refuses it")
                .isEqualTo("org.springframework.web.HttpRequestMethodNotSupportedException");
        assertThat(cases.get(2)[0].handler()).as("an encoded letter still reaches the cast (the full lookup decodes)")
                .contains("ElectionController.cast(");
    }

    @Test
    void theLiteralStartOfAPatternEndsAtItsFirstVariableOrWildcard() {
        assertThat(RouteIndex.literalStart("/api/elections/{electionId}/rounds")).isEqualTo("/api/elections/");
        assertThat(RouteIndex.literalStart("/assets/**")).isEqualTo("/assets/");
        assertThat(RouteIndex.literalStart("/api/units")).isEqualTo("/api/units");
        assertThat(RouteIndex.literalStart("/{*path}")).isEqualTo("/");
        assertThat(RouteIndex.literalStart("api/units")).as("not a full path: always tested in full").isNull();
    }
}
