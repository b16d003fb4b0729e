package vn.daihoi.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/** The application log of the test JVM from {@link #begin()} on, every event as its formatted line (issue 10). */
public final class LogCapture extends AppenderBase<ILoggingEvent> {

    private final StringBuffer lines = new StringBuffer();

    public static LogCapture begin() {
        LogCapture c = new LogCapture();
        c.setName("issue-10-attacker");
        c.start0();
        return c;
    }

    private void start0() {
        setContext((ch.qos.logback.core.Context) LoggerFactory.getILoggerFactory());
        super.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent e) {
        lines.append(e.getTimeStamp()).append(' ').append(e.getLevel()).append(' ').append(e.getThreadName()).append(' ')
                .append(e.getLoggerName()).append(' ').append(e.getFormattedMessage());
        // Structured fields (the request log's route, status, request id …) and the MDC are part of what is written.
        if (e.getKeyValuePairs() != null) e.getKeyValuePairs().forEach(kv -> lines.append(' ').append(kv.key).append('=').append(kv.value));
        if (e.getMDCPropertyMap() != null) e.getMDCPropertyMap().forEach((k, v) -> lines.append(' ').append(k).append('=').append(v));
        if (e.getThrowableProxy() != null) lines.append(' ').append(e.getThrowableProxy().getClassName()).append(": ").append(e.getThrowableProxy().getMessage());
        lines.append('\n');
    }

    public String text() {
        return lines.toString();
    }

    @Override
    public void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(this);
        super.stop();
    }
}
