package vn.daihoi.audit.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A list as a CSV file for a spreadsheet: UTF-8 with a byte-order mark (so Excel shows Vietnamese), every cell
 * quoted, and a cell that a spreadsheet would read as a formula (starting with = + - @, a tab or a return) prefixed
 * with an apostrophe, so a name typed as "=HYPERLINK(…)" stays text. Written by Commons CSV (ADR 0026).
 */
final class Csv {

    /** RFC 4180 (comma, CRLF, doubled quotes) with every cell quoted. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();

    private final StringBuilder out = new StringBuilder("\uFEFF");
    private final CSVPrinter printer;

    Csv(String... header) {
        try {
            printer = new CSVPrinter(out, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        row(Arrays.asList(header));
    }

    Csv row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    Csv row(List<?> cells) {
        try {
            printer.printRecord(cells.stream().map(Csv::safe).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // a StringBuilder does not fail
        }
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
