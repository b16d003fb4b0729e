package vn.daihoi.web;

import java.text.Normalizer;

/**
 * A form field as the pages accept it, by the same rules as the API's edge (ADR 0014): NFC, no control characters
 * (NUL included), bounded length. What does not fit is treated as absent and the page says so.
 */
public final class FormText {

    private FormText() {}

    /** The value stripped and NFC-normalised; {@code null} when absent, too long or holding a control character. */
    public static String line(String value, int max) {
        if (value == null) return null;
        if (value.length() > max * 4) return null;
        String s = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        if (s.length() > max) return null;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) return null;
        }
        return s;
    }
}
