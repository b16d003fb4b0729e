package vn.daihoi.seed;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.daihoi.infra.pdf.PdfDocumentBuilder;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Http;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, acceptance 7 (ADR 0022): the counting minutes and the recognition dossier of the seeded Sóc Trăng
 * congress look like Vietnamese administrative documents (Decree 30/2020/NĐ-CP) — letterhead with the national
 * title and motto, place and date, signatures on the page of the last result line, an embedded serif that draws
 * Vietnamese — and print the 2023 rounds' own times, never the day they are printed. Page images go to
 * docs/screenshots/.
 * <p>
 * Run as {@link SeedLoadingTest.OfficialDocuments}, after the seed-loading tests: the test database is shared by the
 * run and those tests must be the first to load the seeds.
 */
abstract class OfficialDocumentsChecks extends ApiTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    ScenarioLoader loader;

    private Scenario scenario;
    private Http admin;

    @BeforeEach
    void theSeededSocTrangCongress() throws IOException {
        scenario = ScenarioFilesTest.read(ScenarioFilesTest.SOC_TRANG);
        loader.load(scenario); // loading again adds nothing when another test class loaded it first
        admin = admin();
    }

    @Test
    void theCountingMinutesCarryTheNationalHeadingAndTheCongressDaysTimesAndKeepTheSignaturesWithTheLastResultLine()
            throws IOException {
        String round = "/api/elections/" + ScenarioLoader.id(scenario, "election", "snv-x-2023/bch") + "/rounds/1";
        JsonNode view = admin.get(round).body();
        // The seed states 09:30 and 10:15 on 14 April 2023 (Vietnam): the round view carries them, not the loading time.
        assertThat(Instant.parse(view.path("openedAt").asText())).isEqualTo(Instant.parse("2023-04-14T02:30:00Z"));
        assertThat(Instant.parse(view.path("closedAt").asText())).isEqualTo(Instant.parse("2023-04-14T03:15:00Z"));
        JsonNode lines = view.path("lines");
        String lastLine = lines.get(lines.size() - 1).path("fullName").asText();

        byte[] pdf = admin.getBytes(round + "/minutes.pdf");
        List<String> pages = pages(pdf);
        render(pdf, "official-counting-minutes");

        String first = pages.get(0);
        assertThat(first).contains(PdfDocumentBuilder.NATIONAL_TITLE, PdfDocumentBuilder.MOTTO,
                "CÔNG ĐOÀN VIÊN CHỨC TỈNH SÓC TRĂNG", "CÔNG ĐOÀN CƠ SỞ SỞ NỘI VỤ TỈNH SÓC TRĂNG", "Số: /BB-BKP",
                "Sóc Trăng, ngày 14 tháng 4 năm 2023", "BIÊN BẢN KIỂM PHIẾU");
        String all = String.join(" ", pages);
        assertThat(all).contains("Mở hòm phiếu: 09 giờ 30 phút, ngày 14/04/2023",
                "Kết thúc kiểm phiếu: 10 giờ 15 phút, ngày 14/04/2023");
        notTheDayOfPrinting(all);

        // the counting committee signs, the first named in its decision as chair, each under his role.
        int signatures = pageOf(pages, "TRƯỞNG BAN KIỂM PHIẾU");
        assertThat(signatures).as("the signature block is on the page of the last result line (%s)", lastLine)
                .isEqualTo(lastPageOf(pages, lastLine));
        assertThat(pages.get(signatures)).contains("CÁC THÀNH VIÊN BAN KIỂM PHIẾU", "(Ký, ghi rõ họ tên)",
                "Dương Văn Hiếu", "Bùi Thị Thanh Thảo", "Lý Minh Khang");
        assertThat(fontNames(pdf)).as("the date line in italics").anyMatch(n -> n.endsWith("+LiberationSerif-Italic"));
        assertThat(pages.get(signatures).indexOf("TRƯỞNG BAN KIỂM PHIẾU"))
                .as("the signatures close the minutes: nothing of the results follows them")
                .isGreaterThan(pages.get(signatures).indexOf("Tỷ lệ phần trăm"));
        embedsASerifThatDrawsVietnamese(pdf);
    }

    @Test
    void theRecognitionDossierIsSignedByThePresidiumUnderTheMemberListAndItsMinutesKeepThe2023Times() throws IOException {
        String term = ScenarioLoader.id(scenario, "term", "snv-2023-2028");
        byte[] pdf = admin.getBytes("/api/terms/" + term + "/dossier.pdf");
        List<String> pages = pages(pdf);
        render(pdf, "official-recognition-dossier");

        assertThat(pages.get(0)).contains(PdfDocumentBuilder.NATIONAL_TITLE, PdfDocumentBuilder.MOTTO,
                "CÔNG ĐOÀN CƠ SỞ SỞ NỘI VỤ TỈNH SÓC TRĂNG", "Sóc Trăng, ngày 14 tháng 4 năm 2023",
                "HỒ SƠ ĐỀ NGHỊ CÔNG NHẬN BAN CHẤP HÀNH");
        // the congress's presidium signs the dossier, on the page of the member list's last line.
        int presidium = pageOf(pages, "TM. ĐOÀN CHỦ TỊCH ĐẠI HỘI");
        assertThat(pages.get(presidium)).contains("Lâm Thị Ngọc Hân", "Nguyễn Văn Phúc", "Trần Quốc Bảo", "Nơi nhận:");
        String members = pages.get(presidium).substring(0, pages.get(presidium).indexOf("TM. ĐOÀN CHỦ TỊCH ĐẠI HỘI"));
        assertThat(members).as("the member list's last lines stand above the presidium's signatures").contains("Ủy viên");

        // Every set of minutes in the dossier: the signatures on the page of its last result lines (a percentage).
        List<Integer> minutesSignatures = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            if (pages.get(p).contains("TRƯỞNG BAN KIỂM PHIẾU")) minutesSignatures.add(p);
        }
        assertThat(minutesSignatures).as("the congress's round and the first meeting's four").hasSizeGreaterThanOrEqualTo(5);
        for (int p : minutesSignatures) {
            String page = pages.get(p);
            assertThat(page.substring(0, page.indexOf("TRƯỞNG BAN KIỂM PHIẾU"))).as("page %d", p + 1).containsPattern("\\d+,\\d\\d %");
        }
        String all = String.join(" ", pages);
        assertThat(all).contains("Mở hòm phiếu: 09 giờ 30 phút, ngày 14/04/2023", "Mở hòm phiếu: 14 giờ 00 phút, ngày 14/04/2023",
                "Kết thúc kiểm phiếu: 15 giờ 35 phút, ngày 14/04/2023");
        notTheDayOfPrinting(all);
        embedsASerifThatDrawsVietnamese(pdf);
    }

    @Test
    void aBallotPaperIsHeadedByTheUnitAndTheNationalTitleInTheSameSerif() throws IOException {
        String round = "/api/elections/" + ScenarioLoader.id(scenario, "election", "snv-x-2023/bch") + "/rounds/1";
        byte[] pdf = admin.getBytes(round + "/ballot-papers.pdf?copies=1");
        List<String> pages = pages(pdf);
        render(pdf, "official-ballot-paper");

        assertThat(pages).hasSize(1);
        assertThat(pages.get(0)).contains(PdfDocumentBuilder.NATIONAL_TITLE, PdfDocumentBuilder.MOTTO,
                "CÔNG ĐOÀN CƠ SỞ SỞ NỘI VỤ TỈNH SÓC TRĂNG", "PHIẾU BẦU CỬ", "Ngô Thanh Phong", "Dấu của Ban kiểm phiếu");
        embedsASerifThatDrawsVietnamese(pdf);
    }

    @Test
    void theSeededConfidenceMinutesOfCaoBangCarryTheir2021TimesAndTheirSignaturesWithTheLastOfficial() throws IOException {
        Scenario caoBang = ScenarioFilesTest.read(ScenarioFilesTest.CAO_BANG);
        loader.load(caoBang);
        String vote = "/api/confidence-votes/" + ScenarioLoader.id(caoBang, "election", "hn-giua-nhiem-ky-2021/tin-nhiem-2021");
        byte[] pdf = admin.getBytes(vote + "/rounds/1/minutes.pdf");
        List<String> pages = pages(pdf);
        render(pdf, "official-confidence-minutes");

        assertThat(pages.get(0)).contains(PdfDocumentBuilder.NATIONAL_TITLE, PdfDocumentBuilder.MOTTO,
                "LIÊN ĐOÀN LAO ĐỘNG TỈNH CAO BẰNG", "Cao Bằng, ngày 25 tháng 6 năm 2021",
                "BIÊN BẢN KIỂM PHIẾU LẤY PHIẾU TÍN NHIỆM");
        String all = String.join(" ", pages);
        assertThat(all).contains("Mở hòm phiếu: 09 giờ 30 phút, ngày 25/06/2021", "Kết thúc kiểm phiếu: 10 giờ 20 phút, ngày 25/06/2021");
        notTheDayOfPrinting(all);
        assertThat(pageOf(pages, "TRƯỞNG BAN KIỂM PHIẾU")).as("signatures on the page of the last official's line")
                .isEqualTo(lastPageOf(pages, "Lương Văn Cường"));
        embedsASerifThatDrawsVietnamese(pdf);
    }

    /** ADR 0022: a past congress's document never shows the printing day, in any of the forms dates take on it. */
    private static void notTheDayOfPrinting(String text) {
        LocalDate today = LocalDate.now(VIETNAM);
        assertThat(text).doesNotContain("năm " + today.getYear(), "/" + today.getYear(),
                String.format("%02d/%02d/%d", today.getDayOfMonth(), today.getMonthValue(), today.getYear()));
    }

    /** Every font is embedded, and the text is set in a subset of Liberation Serif, which has every Vietnamese letter. */
    private static void embedsASerifThatDrawsVietnamese(byte[] pdf) throws IOException {
        List<String> names = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as("%s is embedded", font.getName()).isTrue();
                    assertThat(font.getName()).as("a subset, only the glyphs used").matches("[A-Z]{6}\\+.+");
                    if (font instanceof PDType0Font type0) {
                        PDFontDescriptor descriptor = type0.getDescendantFont().getFontDescriptor();
                        assertThat(descriptor.getFontFile2()).as("%s carries its TrueType program", font.getName()).isNotNull();
                    }
                    names.add(font.getName());
                }
            }
            String text = new PDFTextStripper().getText(document);
            assertThat(text).as("no letter replaced by the missing-glyph box").doesNotContain("\u25A1");
            for (char letter : "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐ".toCharArray()) {
                assertThat(PdfDocumentBuilder.drawable(letter)).as("the embedded serif draws %s", letter).isTrue();
            }
        }
        assertThat(names).anyMatch(n -> n.endsWith("+LiberationSerif")).anyMatch(n -> n.endsWith("+LiberationSerif-Bold"))
                .as("no face but the serif (and the fixed-width one for codes)")
                .allMatch(n -> n.matches("[A-Z]{6}\\+Liberation(Serif(-Bold|-Italic)?|Mono-Bold)"));
    }

    private static List<String> fontNames(byte[] pdf) throws IOException {
        List<String> names = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) names.add(page.getResources().getFont(name).getName());
            }
        }
        return names;
    }

    /** The text of each page, NFC, whitespace folded. */
    private static List<String> pages(byte[] pdf) throws IOException {
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(Normalizer.normalize(stripper.getText(document), Normalizer.Form.NFC).replaceAll("\\s+", " "));
            }
        }
        return pages;
    }

    private static int pageOf(List<String> pages, String text) {
        for (int p = 0; p < pages.size(); p++) {
            if (pages.get(p).contains(text)) return p;
        }
        throw new AssertionError("no page has " + text);
    }

    private static int lastPageOf(List<String> pages, String text) {
        for (int p = pages.size() - 1; p >= 0; p--) {
            if (pages.get(p).contains(text)) return p;
        }
        throw new AssertionError("no page has " + text);
    }

    /** docs/screenshots/&lt;name&gt;-&lt;page&gt;.png, at a resolution that shows the tone marks. */
    private static void render(byte[] pdf, String name) throws IOException {
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path dir = (Files.isDirectory(here.resolve("ui-api")) ? here : here.getParent()).resolve("docs").resolve("screenshots");
        Files.createDirectories(dir);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int p = 0; p < document.getNumberOfPages(); p++) {
                ImageIO.write(renderer.renderImageWithDPI(p, 110), "png", dir.resolve(name + "-" + (p + 1) + ".png").toFile());
            }
        }
    }
}
