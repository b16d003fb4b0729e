package vn.daihoi.infra.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.Utilities;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes one A4 PDF for people to print and read in Vietnamese: minutes, lists, cut-out slips.
 *
 * <p>The few block kinds here are all our documents need, so callers never meet the PDF library, and a
 * document looks the same whoever renders it. The page follows Vietnamese administrative documents (Decree
 * 30/2020/NĐ-CP, ADR 0022): margins, the {@link #letterhead(Letterhead) letterhead} with the issuing body and the
 * national title, the {@link #title(String, String) title} in bold capitals, and {@link #signatures signatures}
 * under each signer's role, kept on the page of the text they close ({@link #keepTogether}). Liberation Serif
 * (Times New Roman's metrics, SIL OFL 1.1) is embedded, only the glyphs used, because the standard PDF fonts have
 * no Vietnamese letters and a reader's own fallback font would misplace the tone marks. Every text is normalised
 * to NFC first: the font draws each precomposed letter (ế, ữ, Đ) as one glyph, whereas text typed or pasted in
 * decomposed form would otherwise come out with loose marks.
 *
 * <p>One builder makes one document and is not safe to share between threads. Use it in order, then call
 * {@link #toBytes()}; after that it accepts nothing more.
 */
public final class PdfDocumentBuilder {

    private static final float BODY_SIZE = 12f;
    private static final float HEADING_SIZE = 13f;
    private static final float TITLE_SIZE = 14f;
    private static final float LETTERHEAD_SIZE = 12f;
    private static final float MOTTO_SIZE = 13f;
    private static final float TABLE_SIZE = 11f;
    /** Room for a handwritten signature (and a seal) above each signer's printed name. */
    private static final float SIGNATURE_ROOM = 46f;
    private static final float FOOTER_SIZE = 9f;
    private static final float SLIP_TITLE_SIZE = 11f;
    private static final float SLIP_LINE_SIZE = 10f;
    private static final float SLIP_CODE_SIZE = 22f;
    /** Stacked marks (Ấ, Ẫ, Ệ) need more room between lines than Latin text usually gets. */
    private static final float LINE_HEIGHT = 1.45f;
    private static final float CELL_PADDING = 4f;
    private static final float SLIP_PADDING = 10f;
    /** Two across and three down keep a slip large enough to read a code from arm's length. */
    private static final int SLIP_COLUMNS = 2;
    private static final int SLIP_ROWS = 3;
    private static final Color HEADER_FILL = new Color(0xE6, 0xE6, 0xE6);
    private static final Color FOOTER_INK = new Color(0x55, 0x55, 0x55);
    /** A white square, the "missing glyph" box readers know: Liberation has no U+FFFD to draw. */
    private static final char REPLACEMENT = '\u25A1';

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Document document;
    private final PdfWriter writer;
    private final BaseFont regular;
    private final BaseFont bold;
    private final BaseFont italic;
    private final BaseFont mono;
    private boolean empty = true;
    /** Inside {@link #keepTogether}: the blocks gathered to be placed as one. */
    private List<Element> gathering;
    private byte[] bytes;

    /**
     * @param title kept as the PDF's Title, which viewers show in place of the file name and which tells
     *              printed copies apart in a print queue
     */
    public PdfDocumentBuilder(String title) {
        // Parsed per document, sharing only the file bytes: OpenPDF does not promise that one BaseFont can
        // serve documents written at the same time on different threads.
        regular = font("LiberationSerif-Regular.ttf", FontFiles.REGULAR);
        bold = font("LiberationSerif-Bold.ttf", FontFiles.BOLD);
        italic = font("LiberationSerif-Italic.ttf", FontFiles.ITALIC);
        mono = font("LiberationMono-Bold.ttf", FontFiles.MONO_BOLD);

        float mm = Utilities.millimetersToPoints(1);
        // Decree 30/2020/NĐ-CP, appendix I: left 30 mm (binding), right 15 mm, top and bottom 20 mm.
        document = new Document(PageSize.A4, 30 * mm, 15 * mm, 20 * mm, 20 * mm);
        writer = PdfWriter.getInstance(document, out);
        writer.setViewerPreferences(PdfWriter.DisplayDocTitle);
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("vi-VN"));
        writer.setPageEvent(new PageNumbers(new Font(regular, FOOTER_SIZE, Font.NORMAL, FOOTER_INK)));
        document.addTitle(text(title));
        document.open();
    }

    /**
     * The head of an administrative document (Decree 30/2020/NĐ-CP, art. 8 to 11): at the left, the superior body
     * in capitals and under it the issuing body in bold capitals, underlined; at the right, the national title in
     * bold capitals and the motto in bold, underlined; under them the number at the left and the place and date in
     * italics at the right.
     *
     * @param superior     the body above the issuer ("Công đoàn Viên chức tỉnh Sóc Trăng"); empty for none
     * @param issuer       the issuing body ("Công đoàn cơ sở Sở Nội vụ tỉnh Sóc Trăng")
     * @param number       "Số: …" as printed; empty for none (a ballot paper)
     * @param placeAndDate as {@link #placeAndDate(String, LocalDate)} gives it; empty for none
     */
    public record Letterhead(String superior, String issuer, String number, String placeAndDate) {
        public Letterhead {
            superior = superior == null ? "" : superior;
            issuer = issuer == null ? "" : issuer;
            number = number == null ? "" : number;
            placeAndDate = placeAndDate == null ? "" : placeAndDate;
        }
    }

    public static final String NATIONAL_TITLE = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    /** The national title's share of the letterhead's width, in per cent; the issuing body has the rest. */
    private static final float NATIONAL_SIDE = 58f;
    public static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";

    /**
     * "Sóc Trăng, ngày 14 tháng 4 năm 2023" (Decree 30/2020/NĐ-CP, art. 9): days under 10 and the months January
     * and February take a leading zero, so that nobody can add a digit by hand. No place: the date alone.
     */
    public static String placeAndDate(String place, LocalDate date) {
        String day = date.getDayOfMonth() < 10 ? "0" + date.getDayOfMonth() : Integer.toString(date.getDayOfMonth());
        String month = date.getMonthValue() <= 2 ? "0" + date.getMonthValue() : Integer.toString(date.getMonthValue());
        String text = "ngày " + day + " tháng " + month + " năm " + date.getYear();
        return place == null || place.isBlank() ? text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1) : place + ", " + text;
    }

    /** Whether the embedded serif draws {@code codePoint} in both its regular and its bold face (else it prints □). */
    public static boolean drawable(int codePoint) {
        return Coverage.REGULAR.charExists(codePoint) && Coverage.BOLD.charExists(codePoint);
    }

    /** The serif faces parsed once, only to answer {@link #drawable(int)}; never written into a document. */
    private static final class Coverage {
        static final BaseFont REGULAR = font("LiberationSerif-Regular.ttf", FontFiles.REGULAR);
        static final BaseFont BOLD = font("LiberationSerif-Bold.ttf", FontFiles.BOLD);
    }

    /** See {@link Letterhead}. */
    public PdfDocumentBuilder letterhead(Letterhead head) {
        Objects.requireNonNull(head, "letterhead");
        PdfPTable table = new PdfPTable(new float[] {100 - NATIONAL_SIDE, NATIONAL_SIDE});
        table.setWidthPercentage(100);
        table.setSpacingAfter(14f);
        Locale vi = Locale.forLanguageTag("vi");

        PdfPCell left = plainCell();
        if (!head.superior().isBlank()) {
            left.addElement(centred(LETTERHEAD_SIZE, new Chunk(text(head.superior().toUpperCase(vi)), new Font(regular, LETTERHEAD_SIZE))));
        }
        left.addElement(centred(LETTERHEAD_SIZE, new Chunk(text(head.issuer().toUpperCase(vi)), new Font(bold, LETTERHEAD_SIZE))));
        left.addElement(rule(35f));
        PdfPCell right = plainCell();
        right.addElement(centred(LETTERHEAD_SIZE, new Chunk(NATIONAL_TITLE, new Font(bold, LETTERHEAD_SIZE))));
        right.addElement(centred(MOTTO_SIZE, new Chunk(MOTTO, new Font(bold, MOTTO_SIZE))));
        // The rule under the motto is as long as the motto (art. 8).
        right.addElement(rule(bold.getWidthPoint(MOTTO, MOTTO_SIZE) / (NATIONAL_SIDE / 100f * (document.right() - document.left())) * 100f));
        table.addCell(left);
        table.addCell(right);

        if (!head.number().isBlank() || !head.placeAndDate().isBlank()) {
            PdfPCell number = plainCell();
            number.addElement(centred(BODY_SIZE, new Chunk(text(head.number()), new Font(regular, BODY_SIZE))));
            PdfPCell date = plainCell();
            date.addElement(centred(BODY_SIZE, new Chunk(text(head.placeAndDate()), new Font(italic, BODY_SIZE))));
            table.addCell(number);
            table.addCell(date);
        }
        return add(table);
    }

    /** The document's name in bold capitals, centred, and under it what it is about, in bold (art. 10). */
    public PdfDocumentBuilder title(String title, String about) {
        Paragraph p = centred(TITLE_SIZE, new Chunk(text(title.toUpperCase(Locale.forLanguageTag("vi"))), new Font(bold, TITLE_SIZE)));
        add(p);
        if (about != null && !about.isBlank()) {
            add(centred(BODY_SIZE + 1, new Chunk(text(about), new Font(bold, BODY_SIZE + 1))));
        }
        Paragraph line = rule(25f);
        line.setSpacingBefore(3f); // clear of the marks under a bold 13 pt line (ụ, ậ)
        line.setSpacingAfter(8f);
        return add(line);
    }

    /** A line in italics, as the notes and stated grounds of an administrative document are. */
    public PdfDocumentBuilder note(String note) {
        Paragraph p = paragraphOf(BODY_SIZE, new Chunk(text(note), new Font(italic, BODY_SIZE)));
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        p.setSpacingAfter(6f);
        return add(p);
    }

    /**
     * One signer's role and the people who sign under it, each with room for his signature: "TRƯỞNG BAN KIỂM
     * PHIẾU", then "(Ký, ghi rõ họ tên)", then the name.
     */
    public record Signer(String role, List<String> names) {
        public Signer {
            Objects.requireNonNull(role, "role");
            names = List.copyOf(Objects.requireNonNull(names, "names"));
        }
    }

    /**
     * The signature block (Decree 30/2020/NĐ-CP, art. 12): the roles side by side, the last (the one who signs for
     * the body) at the right; with {@code recipients}, the "Nơi nhận" list takes the left. Call it inside
     * {@link #keepTogether} with the last lines it closes, so that it never stands alone on a page.
     */
    public PdfDocumentBuilder signatures(List<String> recipients, List<Signer> signers) {
        Objects.requireNonNull(signers, "signers");
        List<PdfPCell> cells = new ArrayList<>();
        if (recipients != null && !recipients.isEmpty()) {
            PdfPCell cell = plainCell();
            Paragraph head = paragraphOf(BODY_SIZE, new Chunk(text("Nơi nhận:"), new Font(italic, BODY_SIZE - 1, Font.BOLD)));
            cell.addElement(head);
            for (String r : recipients) {
                cell.addElement(paragraphOf(BODY_SIZE - 1, new Chunk(text("- " + r), new Font(regular, BODY_SIZE - 1))));
            }
            cells.add(cell);
        } else if (signers.size() == 1) {
            cells.add(plainCell());
        }
        for (Signer signer : signers) {
            PdfPCell cell = plainCell();
            cell.addElement(centred(BODY_SIZE, new Chunk(text(signer.role().toUpperCase(Locale.forLanguageTag("vi"))), new Font(bold, BODY_SIZE))));
            cell.addElement(centred(BODY_SIZE, new Chunk(text("(Ký, ghi rõ họ tên)"), new Font(italic, BODY_SIZE))));
            for (String name : signer.names()) {
                Paragraph n = centred(BODY_SIZE, new Chunk(text(name), new Font(bold, BODY_SIZE)));
                n.setSpacingBefore(SIGNATURE_ROOM);
                cell.addElement(n);
            }
            cells.add(cell);
        }
        PdfPTable table = new PdfPTable(cells.size());
        table.setWidthPercentage(100);
        table.setSpacingBefore(10f);
        cells.forEach(table::addCell);
        return add(table);
    }

    /**
     * Places what {@code block} adds as one piece: on this page if it fits, else at the top of the next. Used to keep
     * a signature block with the last lines it closes (never alone on a page), and any block shorter than a page
     * whole.
     */
    public PdfDocumentBuilder keepTogether(java.util.function.Consumer<PdfDocumentBuilder> block) {
        ensureOpen();
        if (gathering != null) {
            block.accept(this);
            return this;
        }
        gathering = new ArrayList<>();
        List<Element> gathered;
        try {
            block.accept(this);
        } finally {
            gathered = gathering;
            gathering = null;
        }
        PdfPTable whole = new PdfPTable(1);
        whole.setWidthPercentage(100);
        whole.setKeepTogether(true);
        PdfPCell cell = plainCell();
        gathered.forEach(cell::addElement);
        whole.addCell(cell);
        return add(whole);
    }

    /** A section title: bold and larger, with room above it so sections stand apart. */
    public PdfDocumentBuilder heading(String heading) {
        Paragraph p = paragraphOf(HEADING_SIZE, new Chunk(text(heading), new Font(bold, HEADING_SIZE)));
        p.setSpacingBefore(10f);
        p.setSpacingAfter(4f);
        return add(p);
    }

    /** Running text, justified as in Vietnamese administrative documents. A line feed starts a new line. */
    public PdfDocumentBuilder paragraph(String paragraph) {
        Paragraph p = paragraphOf(BODY_SIZE, new Chunk(text(paragraph), new Font(regular, BODY_SIZE)));
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        p.setSpacingAfter(6f);
        return add(p);
    }

    /**
     * One labelled fact on its own line ("Số đại biểu có mặt: 148"), the label in bold so the eye finds it.
     * Give the label without its colon: the colon is added here so every label looks the same.
     */
    public PdfDocumentBuilder keyValue(String label, String value) {
        Paragraph p = paragraphOf(BODY_SIZE,
                new Chunk(text(label) + ": ", new Font(bold, BODY_SIZE)),
                new Chunk(text(value), new Font(regular, BODY_SIZE)));
        p.setSpacingAfter(2f);
        return add(p);
    }

    /**
     * A full-width ruled table whose bold header row is repeated on every page the table runs onto.
     * Columns get room in proportion to what they hold, but never less than their longest word, so a short
     * column such as "STT" is not squeezed into breaking inside a word. Use "" for an empty cell.
     *
     * @throws IllegalArgumentException when there are no columns or a row has a different number of cells
     */
    public PdfDocumentBuilder table(List<String> headers, List<List<String>> rows) {
        return table(headers, rows, rows, true, 8f);
    }

    /**
     * A {@link #table(List, List) table} whose last {@code lastRows} rows are kept on one page with what {@code closing}
     * adds (the totals, the signatures): they come as a headerless continuation in the same columns, so that when
     * the closing does not fit, the last result lines move to the next page with it rather than leaving the
     * signatures alone there (Decree 30/2020/NĐ-CP: a signature stands on the page of the text it closes).
     */
    public PdfDocumentBuilder table(List<String> headers, List<List<String>> rows, int lastRows,
                                    java.util.function.Consumer<PdfDocumentBuilder> closing) {
        int split = Math.max(0, rows.size() - Math.max(1, lastRows));
        if (split == 0) {
            return keepTogether(b -> {
                b.table(headers, rows);
                closing.accept(b);
            });
        }
        table(headers, rows, rows.subList(0, split), true, 0f);
        return keepTogether(b -> {
            b.table(headers, rows, rows.subList(split, rows.size()), false, 8f);
            closing.accept(b);
        });
    }

    /** {@code sizing}: every row of the table, so that its parts share their column widths. */
    private PdfDocumentBuilder table(List<String> headers, List<List<String>> sizing, List<List<String>> rows, boolean withHeader,
                                     float spacingAfter) {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(rows, "rows");
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        List<String> head = headers.stream().map(this::text).toList();
        List<List<String>> body = rows.stream().map(row -> {
            if (Objects.requireNonNull(row, "row").size() != head.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, the header has " + head.size()
                        + ": " + row);
            }
            return row.stream().map(this::text).toList();
        }).toList();

        List<List<String>> all = sizing == rows ? body : Objects.requireNonNull(sizing, "sizing").stream()
                .map(row -> row.stream().map(this::text).toList()).toList();
        PdfPTable table = new PdfPTable(columnWidths(head, all));
        table.setWidthPercentage(100);
        if (withHeader) {
            table.setHeaderRows(1);
            table.setSpacingBefore(4f);
        }
        table.setSpacingAfter(spacingAfter);
        Font headFont = new Font(bold, TABLE_SIZE);
        Font bodyFont = new Font(regular, TABLE_SIZE);
        if (withHeader) {
            head.forEach(h -> {
                PdfPCell cell = tableCell(h, headFont);
                cell.setBackgroundColor(HEADER_FILL);
                cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
                table.addCell(cell);
            });
        }
        body.forEach(row -> row.forEach(value -> table.addCell(tableCell(value, bodyFont))));
        return add(table);
    }

    /**
     * A QR code of {@code content}, {@code sizeMm} wide, centred, with its quiet zone (error correction M: a
     * creased or smudged sheet still scans).
     */
    public PdfDocumentBuilder qrCode(String content, float sizeMm) {
        return add(qrImage(content, sizeMm));
    }

    private static com.lowagie.text.Image qrImage(String content, float sizeMm) {
        try {
            java.util.Map<com.google.zxing.EncodeHintType, Object> hints = java.util.Map.of(com.google.zxing.EncodeHintType.ERROR_CORRECTION,
                    com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M, com.google.zxing.EncodeHintType.MARGIN, 4);
            com.google.zxing.qrcode.QRCodeWriter writer = new com.google.zxing.qrcode.QRCodeWriter();
            int modules = writer.encode(content, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0, hints).getWidth();
            // Eight pixels a module: the picture is scaled down to print size, never blown up from one pixel a module,
            // so every module keeps its shape whatever the printer's or renderer's grid (a camera then finds the code).
            com.google.zxing.common.BitMatrix m = writer.encode(content, com.google.zxing.BarcodeFormat.QR_CODE, modules * 8, modules * 8, hints);
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(m.getWidth(), m.getHeight(),
                    java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) img.setRGB(x, y, m.get(x, y) ? 0x000000 : 0xffffff);
            }
            com.lowagie.text.Image image = com.lowagie.text.Image.getInstance(img, null);
            float size = Utilities.millimetersToPoints(sizeMm);
            image.scaleAbsolute(size, size);
            image.setAlignment(Element.ALIGN_CENTER);
            return image;
        } catch (com.google.zxing.WriterException | java.io.IOException | com.lowagie.text.DocumentException e) {
            throw new IllegalStateException("a QR code could not be drawn", e);
        }
    }

    /** A code to copy by hand: large monospaced letters, centred. */
    public PdfDocumentBuilder code(String code) {
        Paragraph p = paragraphOf(SLIP_CODE_SIZE * 0.7f, new Chunk(text(code), new Font(mono, SLIP_CODE_SIZE * 0.7f)));
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(6f);
        return add(p);
    }

    /** Ends the current page; does nothing on a page that is still blank, so it never makes empty pages. */
    public PdfDocumentBuilder pageBreak() {
        ensureOpen();
        document.newPage();
        return this;
    }

    /**
     * Cut-out slips, six to an A4 page inside dashed cutting lines. They start on a fresh page and whatever
     * comes after them does too, so cutting never slices through other content. A slip whose text needs more
     * room than a sixth of the page grows rather than losing text.
     */
    public PdfDocumentBuilder slips(List<Slip> slips) {
        Objects.requireNonNull(slips, "slips");
        if (slips.isEmpty()) {
            ensureOpen();
            return this;
        }
        // A point short of a third of the page, or rounding pushes the third row onto the next page.
        float slipHeight = (document.top() - document.bottom()) / SLIP_ROWS - 1f;
        PdfPTable sheet = new PdfPTable(SLIP_COLUMNS);
        sheet.setWidthPercentage(100);
        sheet.setSplitRows(false);
        for (Slip slip : slips) {
            sheet.addCell(slipCell(Objects.requireNonNull(slip, "slip"), slipHeight));
        }
        for (int i = slips.size() % SLIP_COLUMNS; i > 0 && i < SLIP_COLUMNS; i++) {
            PdfPCell filler = new PdfPCell();
            filler.setBorder(Rectangle.NO_BORDER);
            sheet.addCell(filler);
        }
        pageBreak();
        add(sheet);
        document.newPage();
        return this;
    }

    /**
     * Finishes the document. Calling it again gives the same bytes; the builder accepts nothing more.
     * A document given no content still comes out as one blank page rather than failing.
     */
    public byte[] toBytes() {
        if (bytes == null) {
            if (empty) {
                writer.setPageEmpty(false);
            }
            document.close();
            bytes = out.toByteArray();
        }
        return bytes.clone();
    }

    private PdfDocumentBuilder add(Element element) {
        ensureOpen();
        if (gathering != null) {
            gathering.add(element);
            return this;
        }
        document.add(element);
        empty = false;
        return this;
    }

    private static PdfPCell plainCell() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0f);
        return cell;
    }

    private Paragraph centred(float size, Chunk chunk) {
        Paragraph p = paragraphOf(size, chunk);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    /** A thin solid rule, centred, {@code percent} of the width it stands in (the underlines of a letterhead). */
    private Paragraph rule(float percent) {
        // The rule's own line sits 10 pt under the text above and the rule 3 pt over it: clear of the marks under
        // Vietnamese letters (ạ, ậ, ợ).
        // Its font is set too: a chunk left with the default font brings a Helvetica substitute into the file.
        Chunk line = new Chunk(new com.lowagie.text.pdf.draw.LineSeparator(0.6f, Math.min(100f, percent), Color.BLACK,
                Element.ALIGN_CENTER, 3f));
        line.setFont(new Font(regular, 4f));
        Paragraph p = new Paragraph(10f, "", new Font(regular, 4f));
        p.add(line);
        p.setSpacingAfter(2f);
        return p;
    }

    private void ensureOpen() {
        if (bytes != null) {
            throw new IllegalStateException("this PDF has already been turned into bytes; start a new builder");
        }
    }

    /**
     * NFC, then any character the embedded fonts cannot draw becomes a white square (□): without that, OpenPDF would
     * drop it silently, and a name printed with a letter missing is worse than one visibly marked as wrong.
     */
    private String text(String raw) {
        String nfc = Normalizer.normalize(Objects.requireNonNull(raw, "text"), Normalizer.Form.NFC);
        StringBuilder drawable = new StringBuilder(nfc.length());
        nfc.codePoints().forEach(cp -> {
            boolean invisible = Character.isWhitespace(cp) || Character.getType(cp) == Character.CONTROL
                    || Character.getType(cp) == Character.FORMAT;
            if (invisible || (regular.charExists(cp) && bold.charExists(cp))) {
                drawable.appendCodePoint(cp);
            } else {
                drawable.append(REPLACEMENT);
            }
        });
        return drawable.toString();
    }

    /**
     * The paragraph's own font is set too: OpenPDF writes the space above and below a paragraph as a blank in
     * that font, and left at its default it would bring a Helvetica, which is never embedded, into the file.
     */
    private Paragraph paragraphOf(float size, Chunk... chunks) {
        Paragraph p = new Paragraph(size * LINE_HEIGHT, "", new Font(regular, size));
        for (Chunk chunk : chunks) {
            p.add(chunk);
        }
        return p;
    }

    private static PdfPCell tableCell(String value, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(value, font));
        cell.setPadding(CELL_PADDING);
        cell.setPaddingBottom(CELL_PADDING + 2f);
        cell.setLeading(0f, LINE_HEIGHT);
        cell.setBorderWidth(0.5f);
        return cell;
    }

    private float[] columnWidths(List<String> head, List<List<String>> body) {
        int columns = head.size();
        float[] least = new float[columns];
        float[] wanted = new float[columns];
        float extra = 2 * CELL_PADDING + 2f;
        for (int c = 0; c < columns; c++) {
            least[c] = longestWord(head.get(c), bold);
            wanted[c] = longestLine(head.get(c), bold);
            for (List<String> row : body) {
                least[c] = Math.max(least[c], longestWord(row.get(c), regular));
                wanted[c] = Math.max(wanted[c], longestLine(row.get(c), regular));
            }
            least[c] += extra;
            wanted[c] += extra;
        }
        float room = document.right() - document.left();
        float sumLeast = 0;
        float sumWanted = 0;
        for (int c = 0; c < columns; c++) {
            sumLeast += least[c];
            sumWanted += wanted[c];
        }
        if (sumWanted <= room) {
            return wanted;
        }
        if (sumLeast >= room) {
            return least;
        }
        float[] widths = new float[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = least[c] + (room - sumLeast) * (wanted[c] - least[c]) / (sumWanted - sumLeast);
        }
        return widths;
    }

    private static float longestWord(String value, BaseFont font) {
        float longest = 1f;
        for (String word : value.split("\\s+")) {
            longest = Math.max(longest, font.getWidthPoint(word, TABLE_SIZE));
        }
        return longest;
    }

    private static float longestLine(String value, BaseFont font) {
        float longest = 1f;
        for (String line : value.split("\\R")) {
            longest = Math.max(longest, font.getWidthPoint(line, TABLE_SIZE));
        }
        return longest;
    }

    private PdfPCell slipCell(Slip slip, float height) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setCellEvent(PdfDocumentBuilder::cuttingLines);
        cell.setPadding(SLIP_PADDING);
        cell.setMinimumHeight(height);

        if (slip.issuer() != null && !slip.issuer().isBlank()) {
            // The issuing body heads the slip as it heads any document of the union (ADR 0022).
            // No rule under it, unlike a letterhead: a long horizontal stroke next to the QR code misleads camera readers.
            Paragraph issuer = centred(SLIP_LINE_SIZE, new Chunk(text(slip.issuer().toUpperCase(Locale.forLanguageTag("vi"))),
                    new Font(bold, SLIP_LINE_SIZE)));
            issuer.setSpacingAfter(6f);
            cell.addElement(issuer);
        }
        Paragraph title = paragraphOf(SLIP_TITLE_SIZE,
                new Chunk(text(slip.title()), new Font(bold, SLIP_TITLE_SIZE)));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingAfter(6f);
        cell.addElement(title);

        for (String line : slip.lines()) {
            Paragraph p = paragraphOf(SLIP_LINE_SIZE, new Chunk(text(line), new Font(regular, SLIP_LINE_SIZE)));
            p.setAlignment(Element.ALIGN_CENTER);
            cell.addElement(p);
        }

        // Should the fixed-width face lack a letter a code uses, that letter falls back to the bold serif.
        FontSelector codeFonts = new FontSelector();
        codeFonts.addFont(new Font(mono, SLIP_CODE_SIZE));
        codeFonts.addFont(new Font(bold, SLIP_CODE_SIZE));
        Paragraph code = paragraphOf(SLIP_CODE_SIZE);
        code.add(codeFonts.process(text(slip.code())));
        code.setAlignment(Element.ALIGN_CENTER);
        code.setSpacingBefore(10f);
        // Room under the code, so that its letters stay out of the QR code's quiet zone and a camera finds the code.
        code.setSpacingAfter(8f);
        cell.addElement(code);
        if (slip.qr() != null) cell.addElement(qrImage(slip.qr(), SLIP_QR_MM));
        return cell;
    }

    /**
     * A slip's QR code: large enough for an old phone's camera — a module of about 0.8 mm, so that a reader scanning
     * the page every few rows cannot step over the finder patterns' centres.
     */
    private static final float SLIP_QR_MM = 30f;

    /**
     * Each edge is drawn as its own left-to-right or bottom-to-top stroke, so where two slips share an edge
     * both draw the very same dashes and the line stays crisp instead of doubling.
     */
    private static void cuttingLines(PdfPCell cell, Rectangle box, PdfContentByte[] canvases) {
        PdfContentByte canvas = canvases[PdfPTable.LINECANVAS];
        canvas.saveState();
        canvas.setLineWidth(0.6f);
        canvas.setGrayStroke(0.35f);
        canvas.setLineDash(4f, 3f, 0f);
        float left = box.getLeft();
        float right = box.getRight();
        float bottom = box.getBottom();
        float top = box.getTop();
        canvas.moveTo(left, bottom);
        canvas.lineTo(right, bottom);
        canvas.moveTo(left, top);
        canvas.lineTo(right, top);
        canvas.moveTo(left, bottom);
        canvas.lineTo(left, top);
        canvas.moveTo(right, bottom);
        canvas.lineTo(right, top);
        canvas.stroke();
        canvas.restoreState();
    }

    private static BaseFont font(String name, byte[] file) {
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, file, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded font " + name, e);
        }
    }

    /** "Trang N" at the foot of each page, so loose printed pages can be put back in order. */
    private static final class PageNumbers extends PdfPageEventHelper {

        private final Font font;

        PageNumbers(Font font) {
            this.font = font;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            float x = (document.left() + document.right()) / 2;
            float y = document.bottom() / 2;
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
                    new Phrase("Trang " + writer.getPageNumber(), font), x, y, 0);
        }
    }

    /**
     * The Liberation files as shipped in OpenPDF's openpdf-fonts-extra jar (SIL Open Font License 1.1, see the
     * LICENSE next to them; pinned by version and SHA-256 in ui-api/pom.xml, ADR 0022); read once per JVM, on first
     * use, from the classpath so the application jar carries them.
     */
    private static final class FontFiles {

        private static final String FOLDER = "liberation/";
        static final byte[] REGULAR = read("LiberationSerif-Regular.ttf");
        static final byte[] BOLD = read("LiberationSerif-Bold.ttf");
        static final byte[] ITALIC = read("LiberationSerif-Italic.ttf");
        static final byte[] MONO_BOLD = read("LiberationMono-Bold.ttf");

        private static byte[] read(String name) {
            try (InputStream in = PdfDocumentBuilder.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
                if (in == null) {
                    throw new IllegalStateException("font " + FOLDER + name
                            + " is not on the classpath; it comes from com.github.librepdf:openpdf-fonts-extra");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read font " + FOLDER + name, e);
            }
        }
    }
}
