package vn.daihoi.infra.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PdfDocumentBuilderTest {

    private static final String TITLE =
            "Biên bản kiểm phiếu bầu Ban Chấp hành Công đoàn cơ sở Sở Nội vụ tỉnh Sóc Trăng, nhiệm kỳ 2023–2028";
    private static final String DELEGATE = "Nguyễn Thị Thu Hường — Đại biểu chính thức";
    private static final String CODE = "K7QF-M2XD";
    /** Every lower-case Vietnamese vowel with every tone, plus đ, and the same in capitals. */
    private static final String ALL_LETTERS = "aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ "
            + "uùúủũụ ưừứửữự yỳýỷỹỵ đ";

    @Test
    void vietnameseTextSurvivesARoundTripThroughThePdf() throws IOException {
        byte[] pdf = minutesWithSlips();

        String text = textOf(pdf);

        assertThat(text).contains(TITLE, DELEGATE, CODE, ALL_LETTERS, ALL_LETTERS.toUpperCase(Locale.ROOT),
                "Họ và tên", "Số phiếu bầu", "Trần Văn Bảy", "Lê Thị Ánh Tuyết",
                "Số đại biểu có mặt: 148", "Đại hội Công đoàn cơ sở Sở Nội vụ");
    }

    @Test
    void everyFontIsEmbeddedSoThePrintLooksTheSameOnAnyReader() throws IOException {
        try (PDDocument document = Loader.loadPDF(minutesWithSlips())) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }

            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded())
                    .as("%s is embedded", font.getName()).isTrue());
            // ADR 0022: a serif with every Vietnamese letter, subset-embedded.
            assertThat(fonts).extracting(PDFont::getName).anyMatch(n -> n.endsWith("+LiberationSerif"))
                    .anyMatch(n -> n.endsWith("+LiberationSerif-Bold"));
        }
    }

    @Test
    void theTitleIsKeptInTheDocumentsMetadata() throws IOException {
        try (PDDocument document = Loader.loadPDF(minutesWithSlips())) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(TITLE);
        }
    }

    @Test
    void textTypedInDecomposedFormComesOutPrecomposed() throws IOException {
        String decomposed = Normalizer.normalize("Nguyễn Thị Thu Hường", Normalizer.Form.NFD);
        assertThat(decomposed).hasSizeGreaterThan("Nguyễn Thị Thu Hường".length());

        byte[] pdf = new PdfDocumentBuilder(decomposed).paragraph(decomposed).toBytes();

        // No normalising on this side: what the PDF says must already be NFC.
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Nguyễn Thị Thu Hường");
        }
    }

    @Test
    void sixSlipsFitOnOnePageAndASeventhStartsAnother() throws IOException {
        assertThat(pagesOf(new PdfDocumentBuilder("Thẻ").slips(slips(6)).toBytes())).isEqualTo(1);
        assertThat(pagesOf(new PdfDocumentBuilder("Thẻ").slips(slips(7)).toBytes())).isEqualTo(2);
    }

    @Test
    void aSlipIsHeadedByTheUnionBodyThatIssuesIt() throws IOException {
        byte[] pdf = new PdfDocumentBuilder("Thẻ").slips(List.of(new Slip("Thẻ biểu quyết điện tử", List.of(DELEGATE), CODE, null,
                "Công đoàn cơ sở Sở Nội vụ tỉnh Sóc Trăng"))).toBytes();

        assertThat(textOf(pdf)).contains("CÔNG ĐOÀN CƠ SỞ SỞ NỘI VỤ TỈNH SÓC TRĂNG", "Thẻ biểu quyết điện tử", DELEGATE, CODE);
    }

    @Test
    void slipsNeverSharePagesWithTheTextAroundThem() throws IOException {
        byte[] pdf = new PdfDocumentBuilder("Thẻ").paragraph("Trước").slips(slips(2)).paragraph("Sau").toBytes();

        assertThat(pagesOf(pdf)).isEqualTo(3);
    }

    @Test
    void everyPageIsNumberedInVietnamese() throws IOException {
        byte[] pdf = new PdfDocumentBuilder("Thẻ").paragraph("Một").pageBreak().paragraph("Hai").toBytes();

        assertThat(textOf(pdf)).contains("Trang 1", "Trang 2");
    }

    @Test
    void aLetterTheFontCannotDrawIsMarkedRatherThanDroppedSilently() throws IOException {
        byte[] pdf = new PdfDocumentBuilder("Thẻ").paragraph("Tên: Lý 李 Văn").toBytes();

        assertThat(textOf(pdf)).contains("Tên: Lý \u25A1 Văn");
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefused() {
        PdfDocumentBuilder builder = new PdfDocumentBuilder("Bảng");

        assertThatThrownBy(() -> builder.table(List.of("STT", "Họ và tên"), List.of(List.of("1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells");
    }

    @Test
    void aFinishedDocumentAcceptsNothingMoreButGivesItsBytesAgain() {
        PdfDocumentBuilder builder = new PdfDocumentBuilder("Trống");
        byte[] first = builder.toBytes();

        assertThat(builder.toBytes()).isEqualTo(first);
        assertThat(new String(first, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThatThrownBy(() -> builder.paragraph("muộn")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDateLineWritesDaysUnderTenAndJanuaryAndFebruaryWithALeadingZero() {
        // Decree 30/2020/NĐ-CP, art. 9: nobody can add a digit by hand.
        assertThat(PdfDocumentBuilder.placeAndDate("Sóc Trăng", java.time.LocalDate.of(2023, 4, 14)))
                .isEqualTo("Sóc Trăng, ngày 14 tháng 4 năm 2023");
        assertThat(PdfDocumentBuilder.placeAndDate("Cao Bằng", java.time.LocalDate.of(2021, 2, 5)))
                .isEqualTo("Cao Bằng, ngày 05 tháng 02 năm 2021");
        assertThat(PdfDocumentBuilder.placeAndDate("", java.time.LocalDate.of(2023, 12, 1))).isEqualTo("Ngày 01 tháng 12 năm 2023");
    }

    @Test
    void theLetterheadNamesTheIssuingBodyUnderItsSuperiorBesideTheNationalTitleAndMotto() throws IOException {
        byte[] pdf = new PdfDocumentBuilder("Biên bản").letterhead(new PdfDocumentBuilder.Letterhead("Công đoàn Viên chức tỉnh Sóc Trăng",
                "Công đoàn cơ sở Sở Nội vụ tỉnh Sóc Trăng", "Số: 01/BB-BKP", "Sóc Trăng, ngày 14 tháng 4 năm 2023"))
                .title("Biên bản kiểm phiếu", "Bầu Ban Chấp hành").toBytes();

        assertThat(textOf(pdf)).contains("CÔNG ĐOÀN VIÊN CHỨC TỈNH SÓC TRĂNG", "CÔNG ĐOÀN CƠ SỞ SỞ NỘI VỤ TỈNH SÓC TRĂNG",
                "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 01/BB-BKP",
                "Sóc Trăng, ngày 14 tháng 4 năm 2023", "BIÊN BẢN KIỂM PHIẾU", "Bầu Ban Chấp hành");
    }

    @Test
    void signaturesNeverStandAloneOnAPageTheLastResultLinesMoveWithThem() throws IOException {
        boolean moved = false;
        // However much text comes before, the signatures share a page with the table's last two rows.
        for (int filler = 0; filler < 40; filler++) {
            PdfDocumentBuilder builder = new PdfDocumentBuilder("Biên bản");
            for (int i = 0; i < filler; i++) builder.keyValue("Dòng " + i, "nội dung");
            List<List<String>> rows = IntStream.rangeClosed(1, 10).mapToObj(i -> List.of(Integer.toString(i), "Hàng " + i + ",")).toList();
            builder.table(List.of("TT", "Họ và tên"), rows, 2, end -> end.signatures(null, List.of(
                    new PdfDocumentBuilder.Signer("Các thành viên", List.of("Bùi Thị Thanh Thảo", "Lý Minh Khang")),
                    new PdfDocumentBuilder.Signer("Trưởng Ban kiểm phiếu", List.of("Dương Văn Hiếu")))));
            byte[] pdf = builder.toBytes();
            try (PDDocument document = Loader.loadPDF(pdf)) {
                int signed = -1;
                for (int p = 1; p <= document.getNumberOfPages(); p++) {
                    PDFTextStripper stripper = new PDFTextStripper();
                    stripper.setStartPage(p);
                    stripper.setEndPage(p);
                    String page = stripper.getText(document);
                    if (page.contains("TRƯỞNG BAN KIỂM PHIẾU")) {
                        signed = p;
                        assertThat(page).as("filler %d", filler).contains("Hàng 9,", "Hàng 10,", "Dương Văn Hiếu", "Lý Minh Khang");
                        if (p > 1 && !page.contains("Hàng 8,")) moved = true;
                    }
                }
                assertThat(signed).as("filler %d", filler).isPositive();
            }
        }
        assertThat(moved).as("some filler pushes the signatures over, and the last two rows go with them").isTrue();
    }

    private static byte[] minutesWithSlips() {
        return new PdfDocumentBuilder(TITLE)
                .heading(TITLE)
                .paragraph("Hôm nay, tại hội trường Sở Nội vụ, Ban Kiểm phiếu đã tiến hành kiểm phiếu bầu Ban Chấp hành. "
                        + "Bảng chữ: " + ALL_LETTERS + " — " + ALL_LETTERS.toUpperCase(Locale.ROOT) + ".")
                .keyValue("Số đại biểu có mặt", "148")
                .keyValue("Đại biểu", DELEGATE)
                .table(List.of("STT", "Họ và tên", "Số phiếu bầu", "Tỷ lệ"), List.of(
                        List.of("1", "Trần Văn Bảy", "140", "94,59%"),
                        List.of("2", "Lê Thị Ánh Tuyết", "131", "88,51%"),
                        List.of("3", "Nguyễn Thị Thu Hường", "97", "65,54%")))
                .slips(List.of(
                        new Slip("Đại hội Công đoàn cơ sở Sở Nội vụ", List.of(DELEGATE, "Tổ 3 · Ghế 12"), CODE),
                        new Slip("Đại hội Công đoàn cơ sở Sở Nội vụ", List.of("Trần Văn Bảy — Đại biểu chính thức"),
                                "P4TR-9HWN")))
                .toBytes();
    }

    private static List<Slip> slips(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> new Slip("Đại hội Công đoàn cơ sở", List.of("Đại biểu số " + i, "Ưu tiên ghế đầu"),
                        "CODE-" + i))
                .toList();
    }

    /** Text as a reader would copy it: NFC, and with line breaks and runs of spaces folded into one space. */
    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ");
        }
    }

    private static int pagesOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }
}
