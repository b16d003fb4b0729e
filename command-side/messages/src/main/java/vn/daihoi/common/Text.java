package vn.daihoi.common;

import java.text.Normalizer;

/**
 * Vietnamese text arrives in both composed and decomposed Unicode (a phone keyboard and a spreadsheet
 * rarely agree); everything the system stores is NFC with folded white space, so that equal names compare equal.
 */
public final class Text {
    private Text() {}

    /** NFC, trimmed, inner white space folded to one space; null stays null. */
    public static String clean(String raw) {
        if (raw == null) return null;
        return Normalizer.normalize(raw, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
