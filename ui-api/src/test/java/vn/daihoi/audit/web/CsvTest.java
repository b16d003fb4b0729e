package vn.daihoi.audit.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The auditor's CSV files open in Excel with Vietnamese intact, and no cell is ever read as a formula. */
class CsvTest {

    @Test
    void aCellThatASpreadsheetWouldReadAsAFormulaIsKeptAsText() {
        var r = new Csv("ten", "ghi_chu").row("=HYPERLINK(\"http://x\")", "+1").row("-2", "@SUM(A1)").row("Nguyễn Văn \"Ba\"", null).download("x.csv");
        byte[] body = r.getBody();
        assertThat(new byte[]{body[0], body[1], body[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(r.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        String text = new String(body, StandardCharsets.UTF_8).substring(1);
        assertThat(text).isEqualTo("\"ten\",\"ghi_chu\"\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",\"'+1\"\r\n"
                + "\"'-2\",\"'@SUM(A1)\"\r\n"
                + "\"Nguyễn Văn \"\"Ba\"\"\",\"\"\r\n");
    }

    /** ADR 0026: written by Commons CSV, the bytes are those the hand-written writer gave (every cell quoted, CRLF). */
    @Test
    void separatorsLineBreaksSpacesAndNumbersAreQuotedAsBefore() {
        byte[] body = new Csv("a", "b", "c", "d").row(" Lê, Văn ", "dòng 1\ndòng 2", 42, "").download("y.csv").getBody();
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("\uFEFF\"a\",\"b\",\"c\",\"d\"\r\n"
                + "\" Lê, Văn \",\"dòng 1\ndòng 2\",\"42\",\"\"\r\n");
    }
}
