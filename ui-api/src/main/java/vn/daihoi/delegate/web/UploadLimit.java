package vn.daihoi.delegate.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A roll uploaded on the console larger than the API's CSV limit is turned away before anything reads it — before
 * the multipart parser and the CSRF check, which would otherwise fail on it and send the organiser to "your
 * session ended". He lands back on the roll page, which says how large a file may be. The page itself checks the
 * file's size again once it was read ({@link RollConsole}).
 */
@Configuration
public class UploadLimit {

    static final Pattern IMPORT = Pattern.compile("^/console/congresses/([A-Za-z0-9-]{1,64})/roll/import$");
    /** Room for the form's own fields and the multipart boundaries around the file. */
    static final long ENVELOPE = 64 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> rollUploadLimit(@Value("${daihoi.limits.csv-body-bytes:2097152}") long csvLimit) {
        FilterRegistrationBean<OncePerRequestFilter> r = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Matcher m = IMPORT.matcher(request.getRequestURI());
                if (m.matches() && "POST".equals(request.getMethod()) && request.getContentLengthLong() > csvLimit + ENVELOPE) {
                    response.setHeader("Cache-Control", "no-store");
                    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                    response.setHeader("Location", request.getContextPath() + "/console/congresses/" + m.group(1) + "/roll?refused=too-large");
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        r.addUrlPatterns("/console/*");
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        r.setName("rollUploadLimit");
        return r;
    }
}
