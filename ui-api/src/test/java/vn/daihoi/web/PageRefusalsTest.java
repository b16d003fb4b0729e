package vn.daihoi.web;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import vn.daihoi.support.LogCapture;

import java.io.IOException;
import java.lang.reflect.Method;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live view whose reader went away (a desk that moved to another page, a phone that slept) ends with Spring's
 * AsyncRequestNotUsableException on the next event: the pages' advice takes it as the end it is, not as an
 * "unexpected failure on a page" logged at ERROR (the pilot congress test logged some fifty per run).
 */
class PageRefusalsTest {

    @Test
    void aDisconnectedLiveViewIsNotAnErrorInTheLog() throws Exception {
        AsyncRequestNotUsableException gone = new AsyncRequestNotUsableException("ServletOutputStream failed to flush",
                new IOException("Broken pipe"));
        Method handler = new ExceptionHandlerMethodResolver(PageRefusals.class).resolveMethodByThrowable(gone);
        assertThat(handler).isNotNull();
        assertThat(handler.getName()).as("not the catch-all that logs an unexpected failure").isNotEqualTo("unexpected");

        LogCapture log = LogCapture.begin();
        try {
            handler.setAccessible(true);
            handler.invoke(new PageRefusals(new StaticMessageSource()), gone);
            assertThat(log.text()).doesNotContain("unexpected failure").doesNotContain("ERROR");
        } finally {
            log.stop();
        }
    }
}
