package vn.daihoi.support;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over one kept-alive socket bound to a chosen source address (any of 127.0.0.0/8 on
 * Linux), so that a test can play a client at another address than the rest of the suite. Not thread-safe: one per
 * thread.
 */
public final class RawHttp implements AutoCloseable {

    private final int port;
    private final InetAddress from;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public RawHttp(int port, String sourceAddress) throws IOException {
        this.port = port;
        this.from = InetAddress.getByName(sourceAddress);
    }

    public record Reply(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public Reply postJson(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "Accept: application/json, application/problem+json\r\nContent-Length: " + body.length + "\r\n\r\n";
        for (int attempt = 0; ; attempt++) {
            try {
                connect();
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                Reply r = read();
                if ("close".equalsIgnoreCase(r.header("connection"))) disconnect();
                return r;
            } catch (IOException e) {
                // The server closed a kept-alive connection (its keep-alive limit): one fresh connection, once.
                disconnect();
                if (attempt > 0) throw e;
            }
        }
    }

    private void connect() throws IOException {
        if (socket != null) return;
        socket = new Socket(InetAddress.getLoopbackAddress(), port, from, 0);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        in = new java.io.BufferedInputStream(socket.getInputStream());
        out = new java.io.BufferedOutputStream(socket.getOutputStream());
    }

    private Reply read() throws IOException {
        String status = line();
        if (status.isEmpty()) throw new EOFException("no answer");
        int code = Integer.parseInt(status.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line().strip(), 16); size > 0; size = Integer.parseInt(line().strip(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        }
        return new Reply(code, headers, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                if (b.isEmpty()) throw new EOFException("connection closed");
                break;
            }
            if (c != '\r') b.append((char) c);
        }
        return b.toString();
    }

    private void disconnect() {
        try {
            if (socket != null) socket.close();
        } catch (IOException ignored) {
            // closing a dead connection
        }
        socket = null;
    }

    @Override
    public void close() {
        disconnect();
    }
}
