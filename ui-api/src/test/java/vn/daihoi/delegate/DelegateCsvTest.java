package vn.daihoi.delegate;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** the roll's records as Commons CSV reads them (ADR 0026), each with the line it starts on. */
class DelegateCsvTest {

    private static DelegateCsv.Parsed parse(String text) {
        return DelegateCsv.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aQuotedFieldHoldsDoubledQuotesSeparatorsAndLineBreaksAndLaterRowsKeepTheirLines() {
        DelegateCsv.Parsed p = parse("Mã,Họ và tên,Chức vụ\r\n"
                + "Q1,\"Nguyễn Văn \"\"Ba\"\"\",\"Chủ tịch,\r\ncông đoàn\"\r\n"
                + "Q2,,Kế toán\r\n"
                + "Q3,Lê Thị Tư,\r\n");
        assertThat(p.lines()).extracting(DelegateCsv.Line::code).containsExactly("Q1", "Q3");
        DelegateCsv.Line q1 = p.lines().get(0);
        assertThat(q1.line()).isEqualTo(2);
        assertThat(q1.person().fullName()).isEqualTo("Nguyễn Văn \"Ba\"");
        assertThat(q1.position()).isEqualTo("Chủ tịch, công đoàn");
        // The quoted line break makes Q2 the fourth physical line, Q3 the fifth.
        assertThat(p.rejected()).extracting(DelegateCsv.Rejected::line).containsExactly(4);
        assertThat(p.rejected().get(0).reasonEn()).contains("full name is missing");
        assertThat(p.lines().get(1).line()).isEqualTo(5);
    }

    @Test
    void excelsUnicodeTextIsReadWithTabsAndItsHeaderFolded() {
        String text = "Mã\tHọ và tên\tLoại\tChức vụ\r\nT1\tTrần Đức Lộc\tDự khuyết\tPhó chủ tịch, kế toán\r\n";
        DelegateCsv.Parsed p = DelegateCsv.parse(ExcelBytes.utf16leWithBom(text));
        assertThat(p.rejected()).isEmpty();
        assertThat(p.lines()).singleElement().satisfies(l -> {
            assertThat(l.person().fullName()).isEqualTo("Trần Đức Lộc");
            assertThat(l.category()).isEqualTo(DelegateCategory.ALTERNATE);
            assertThat(l.position()).isEqualTo("Phó chủ tịch, kế toán");
        });
    }

    @Test
    void aQuoteLeftOpenIsReportedOnTheLineItOpensAndTheRowsBeforeItStand() {
        DelegateCsv.Parsed p = parse("ma;ho_ten\nO1;Phạm Văn Năm\nO2;\"Võ Thị\nO3;Sáu\n");
        assertThat(p.lines()).extracting(DelegateCsv.Line::code).containsExactly("O1");
        assertThat(p.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.reasonEn()).isEqualTo("A quoted field is not closed.");
        });
    }

    @Test
    void blankLinesAreSkippedAndAQuoteInsideAnUnquotedFieldIsKept() {
        DelegateCsv.Parsed p = parse("ma,ho_ten\n\nB1,Đỗ \"Út\" Bảy\n   \nB2,Hồ Thị Tám");
        assertThat(p.rejected()).isEmpty();
        assertThat(p.lines()).extracting(DelegateCsv.Line::line).containsExactly(3, 5);
        assertThat(p.lines().get(0).person().fullName()).isEqualTo("Đỗ \"Út\" Bảy");
    }

    @Test
    void aNulInACellRefusesThatRowWithItsLine() {
        DelegateCsv.Parsed p = parse("ma,ho_ten\nN1,Trần\u0000Văn\nN2,Lê Văn Chín\n");
        assertThat(p.lines()).extracting(DelegateCsv.Line::code).containsExactly("N2");
        assertThat(p.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reasonEn()).contains("control character");
        });
    }
}
