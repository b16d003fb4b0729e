package vn.daihoi.audit.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A list as a CSV file for a spreadsheet: UTF-8 with a byte-order mark (so Excel shows Vietnamese), every cell
 * quoted, and a cell that a spreadsheet would read as a formula (starting with = + - @, a tab or a return) prefixed
 * with an apostrophe, so a name typed as "=HYPERLINK(…)" stays text.
 */
final class Csv {

    private final StringBuilder out = new StringBuilder("\uFEFF");

    Csv(String... header) {
        row(Arrays.asList(header));
    }

    Csv row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            out.append('"').append(safe(cells.get(i)).replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
        return this;
    }

    static String safe(Object cell) {
        String v = cell == null ? "" : cell.toString();
        return !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    }

    ResponseEntity<byte[]> download(String fileName) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
