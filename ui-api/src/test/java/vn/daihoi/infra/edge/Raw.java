package vn.daihoi.infra.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, so that nothing between the test and the server normalises the path, the
 * headers or the body: {@code %00}, {@code ..%2F..}, {@code Content-Type: *}{@code /*} arrive exactly as written.
 */
final class Raw {
    private Raw() {}

    record Answer(int status, String contentType, String body) {
        boolean isProblem() {
            return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    static Answer send(int port, String method, String path, Map<String, String> headers, byte[] body) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Host", "localhost:" + port);
            h.put("Connection", "close");
            if (body != null && !headers.containsKey("Transfer-Encoding")) h.put("Content-Length", String.valueOf(body.length));
            h.putAll(headers);
            h.forEach((k, v) -> { if (v != null) head.append(k).append(": ").append(v).append("\r\n"); });
            head.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            try {
                if (body != null) {
                    for (int off = 0; off < body.length; off += 65_536) out.write(body, off, Math.min(65_536, body.length - off));
                }
                out.flush();
            } catch (IOException refusedEarly) {
                // the server answered before reading the whole body: its answer is what counts
            }
            return parse(readAll(s.getInputStream()));
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + ": " + e, e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[16_384];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) b.write(buf, 0, n);
        } catch (IOException reset) {
            if (b.size() == 0) throw reset;
        }
        return b.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        int end = -1;
        for (int i = 0; i + 3 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n' && raw[i + 2] == '\r' && raw[i + 3] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) throw new AssertionError("no HTTP answer: " + new String(raw, StandardCharsets.ISO_8859_1));
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String type = null;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            String name = lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(c + 1).trim();
            if (name.equals("content-type")) type = value;
            if (name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked")) chunked = true;
        }
        int start = end + 4;
        byte[] body = java.util.Arrays.copyOfRange(raw, start, raw.length);
        if (chunked) body = dechunk(body);
        return new Answer(status, type, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] s) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length) {
            int eol = i;
            while (eol + 1 < s.length && !(s[eol] == '\r' && s[eol + 1] == '\n')) eol++;
            if (eol + 1 >= s.length) break;
            int size = Integer.parseInt(new String(s, i, eol - i, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) break;
            int from = eol + 2;
            int to = Math.min(s.length, from + size);
            b.write(s, from, to - from);
            i = to + 2;
        }
        return b.toByteArray();
    }
}
