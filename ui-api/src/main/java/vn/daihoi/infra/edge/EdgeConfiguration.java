package vn.daihoi.infra.edge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.core.StandardHost;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.cfg.GenericConstraintDef;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.daihoi.congress.TermShift;
import vn.daihoi.delegate.RecordCredentialsReportCommand;
import vn.daihoi.organisation.Decision;

import java.io.IOException;
import java.text.Normalizer;
import java.util.List;

/** Wires the edge (ADR 0014): body limits, media types, text shape and NFC, and problems for every refusal. */
@Configuration
public class EdgeConfiguration implements WebMvcConfigurer {

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimits(@Value("${daihoi.limits.json-body-bytes:1048576}") long json,
                                                       @Value("${daihoi.limits.csv-body-bytes:2097152}") long csv) {
        FilterRegistrationBean<BodyLimitFilter> r = new FilterRegistrationBean<>(new BodyLimitFilter(json, csv));
        r.addUrlPatterns("/api/*");
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return r;
    }

    /** ADR 0030: the application's request mappings, with the quick first test of {@link RouteIndex}. */
    @Bean
    WebMvcRegistrations routeIndex() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new RouteIndex();
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new EdgeInterceptor()).addPathPatterns("/api/**").order(Ordered.HIGHEST_PRECEDENCE);
    }

    /**
     * Text is NFC from the moment it enters (a phone keyboard and a spreadsheet rarely agree): only in the web
     * converter's mapper, never in the event store's, so that stored events are read back exactly as written.
     */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        SimpleModule nfc = new SimpleModule("nfc-strings");
        nfc.addDeserializer(String.class, new NfcStrings());
        for (HttpMessageConverter<?> c : converters) {
            if (c instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(json.getObjectMapper().copy().registerModule(nfc));
            }
        }
    }

    static final class NfcStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = super.deserialize(p, ctxt);
            return s == null || Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
        }
    }

    /** Request records reuse a few message records (decisions, term shifts, rejections): their limits are declared here. */
    @Bean
    ValidationConfigurationCustomizer messageRecordLimits() {
        return configuration -> {
            if (!(configuration instanceof HibernateValidatorConfiguration hibernate)) return;
            ConstraintMapping m = hibernate.createConstraintMapping();
            m.type(Decision.class)
                    .field("number").constraint(new GenericConstraintDef<>(Line.class).param("max", Limits.DECISION_NUMBER))
                    .field("issuedBy").constraint(new GenericConstraintDef<>(Line.class).param("max", Limits.NAME));
            m.type(TermShift.class).field("decision").valid();
            m.type(RecordCredentialsReportCommand.Rejection.class)
                    .field("delegateId").constraint(new GenericConstraintDef<>(Line.class).param("max", Limits.ID))
                    .field("reason").constraint(new GenericConstraintDef<>(Note.class).param("max", Limits.REASON));
            hibernate.addMapping(m);
        };
    }

    /** What Tomcat refuses before any servlet runs is answered as a problem too (see {@link ProblemReportValve}). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) host.setErrorReportValveClass(ProblemReportValve.class.getName());
        });
    }

    /**
     * The voting-code key is otherwise created by the first credential a request issues — even by a request that
     * is then refused. Created at start, a refused request writes nothing at all (issue 9, acceptance point 4).
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void votingCodeKeyBeforeTheFirstRequest(org.springframework.boot.context.event.ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBeanProvider(vn.daihoi.account.Secrets.class).ifAvailable(s -> s.hashVotingCode(""));
    }

    /** Spring Security's firewall (encoded slashes, {@code ..}, {@code ;}, non-printable characters): a 400 problem. */
    @Bean
    RequestRejectedHandler requestRejected() {
        return (request, response, e) -> {
            String[] p = ProblemWriter.byStatus(HttpServletResponse.SC_BAD_REQUEST);
            ProblemWriter.write(response, 400, p[0], null, p[1], p[2]);
        };
    }
}
