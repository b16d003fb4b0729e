package vn.daihoi.support;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.text.Normalizer;

/** The text of a PDF as a reader sees it: NFC, with line wraps and runs of spaces folded to one space. */
public final class PdfText {
    private PdfText() {}

    public static String of(byte[] pdf) throws IOException {
        try (var doc = Loader.loadPDF(pdf)) {
            return Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC).replaceAll("\\s+", " ");
        }
    }

    public static int pages(byte[] pdf) throws IOException {
        try (var doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }
}
