package vn.daihoi.infra.edge;

/** The one definition of text the system accepts, shared by the constraints, the path check and the CSV reader. */
public final class TextShape {
    private TextShape() {}

    /** At most {@code max} characters, no control character (but line breaks and tabs when {@code multiLine}), no lone surrogate. */
    public static boolean fits(CharSequence s, int max, boolean multiLine) {
        if (s.length() > max) return false;
        return firstBadChar(s, multiLine) < 0;
    }

    /** The index of the first character that may not be stored, or -1. */
    public static int firstBadChar(CharSequence s, boolean multiLine) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (multiLine && (c == '\n' || c == '\r' || c == '\t')) continue;
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') return i;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) return i;
        }
        return -1;
    }
}
