package vn.daihoi.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The pages speak Vietnamese unless the reader chose English: first {@code ?lang=} (remembered in a cookie), then
 * the cookie, then the browser's {@code Accept-Language} among the two languages we have, then Vietnamese.
 */
@Configuration
public class Languages implements WebMvcConfigurer {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final Locale ENGLISH = Locale.ENGLISH;
    static final List<Locale> SUPPORTED = List.of(VIETNAMESE, ENGLISH);

    @Bean
    public LocaleResolver localeResolver() {
        CookieLocaleResolver r = new CookieLocaleResolver("DAIHOI_LANG");
        r.setCookieMaxAge(Duration.ofDays(365));
        r.setCookieHttpOnly(true);
        r.setCookieSameSite("Strict");
        r.setDefaultLocaleFunction(Languages::fromBrowser);
        return r;
    }

    static Locale fromBrowser(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) return VIETNAMESE;
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return best == null ? VIETNAMESE : best;
        } catch (IllegalArgumentException malformed) {
            return VIETNAMESE;
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String value) {
                return "en".equalsIgnoreCase(value) ? ENGLISH : VIETNAMESE;
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**", "/actuator/**");
    }
}
