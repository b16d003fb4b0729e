package vn.daihoi.infra.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.daihoi.infra.ProblemTexts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Bounds every request body of the API before anything reads it: a declared Content-Length above the limit is
 * answered 413 at once, and the stream itself stops at the limit (chunked bodies, false lengths). CSV imports
 * have their own, larger limit (docs/operations.md).
 */
public class BodyLimitFilter extends OncePerRequestFilter {

    private final long jsonLimit;
    private final long csvLimit;

    public BodyLimitFilter(long jsonLimit, long csvLimit) {
        this.jsonLimit = jsonLimit;
        this.csvLimit = csvLimit;
    }

    long limitFor(HttpServletRequest request) {
        return request.getRequestURI().endsWith("/delegates/import") ? csvLimit : jsonLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            ProblemTexts texts = ProblemTexts.bundled();
            ProblemWriter.write(response, 413, "payload-too-large", null,
                    texts.vietnamese("problem.payload-too-large.limit", limit), texts.english("problem.payload-too-large.limit", limit));
            return;
        }
        chain.doFilter(new Bounded(request, limit), response);
    }

    private static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) stream = new Stream(super.getInputStream(), limit);
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = StandardCharsets.UTF_8;
            try {
                if (encoding != null) charset = Charset.forName(encoding);
            } catch (IllegalArgumentException unknownCharset) {
                // keep UTF-8: the body is JSON, which is UTF-8 by definition (RFC 8259)
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Stream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Stream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        private void count(long n) throws BodyTooLarge {
            if (n > 0) read += n;
            if (read > limit) throw new BodyTooLarge(limit);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, (int) Math.min(len, limit - read + 1));
            count(n);
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
