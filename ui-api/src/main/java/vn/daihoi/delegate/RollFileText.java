package vn.daihoi.delegate;

import vn.daihoi.common.RuleViolation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;

/**
 * how the bytes of an uploaded roll become text (ADR 0026). Excel in Vietnam saves a sheet three ways, none of
 * which names itself: "CSV UTF-8" (UTF-8 with a byte-order mark), "CSV" (the Windows code page, Windows-1258 on a
 * Vietnamese Windows, which writes most tone marks as combining characters after the letter) and "Unicode Text"
 * (UTF-16LE with a byte-order mark, tab-separated). A byte-order mark settles it; otherwise a charset the request
 * states; otherwise UTF-8 when every byte is UTF-8, Windows-1258 when the text reads as Vietnamese in it, and a
 * refusal ({@code csv-encoding-unknown}) when neither. Text is returned in NFC, so names compare and print alike
 * whichever way the file wrote their marks.
 */
public final class RollFileText {

    private RollFileText() {}

    public static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

    /** The text (NFC, without byte-order mark) and the charset it was read in. */
    public record Decoded(String text, Charset charset) {}

    /**
     * @param stated the charset the request's Content-Type states, or null when it states none
     * @throws RuleViolation {@code csv-encoding} (bytes that are not text in the stated or evident charset, with
     *                       the line), {@code csv-encoding-unknown} (the charset cannot be told)
     */
    public static Decoded decode(byte[] bytes, Charset stated) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) return strict(bytes, 3, StandardCharsets.UTF_8);
        if (startsWith(bytes, 0xFF, 0xFE)) return strict(bytes, 2, StandardCharsets.UTF_16LE);
        if (startsWith(bytes, 0xFE, 0xFF)) return strict(bytes, 2, StandardCharsets.UTF_16BE);
        if (stated != null) return strict(bytes, 0, stated);
        if (wide(bytes)) throw unknown();
        Scan utf8 = scanUtf8(bytes);
        if (utf8.firstBadLine < 0) return strict(bytes, 0, StandardCharsets.UTF_8);
        // More well-formed UTF-8 sequences than broken bytes: a UTF-8 file with a damaged byte, refused where it is.
        // (Vietnamese in Windows-1258 puts a letter byte after a lead byte, so it makes almost no UTF-8 sequence.)
        if (utf8.wellFormed >= utf8.malformed) {
            throw RuleViolation.invalid("csv-encoding", "R-11", "line " + utf8.firstBadLine, StandardCharsets.UTF_8.name(), utf8.firstBadLine);
        }
        Decoded cp1258;
        try {
            cp1258 = strict(bytes, 0, WINDOWS_1258);
        } catch (RuleViolation e) {
            throw unknown();
        }
        if (!readsAsVietnamese(cp1258.text())) throw unknown();
        return cp1258;
    }

    private static RuleViolation unknown() {
        return RuleViolation.invalid("csv-encoding-unknown", "R-11", null);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((bytes[i] & 0xFF) != prefix[i]) return false;
        return true;
    }

    /**
     * Text in a two- or four-byte form without its byte-order mark (UTF-16 or UTF-32 saved by a tool that omits it):
     * a quarter or more of the bytes are NUL, which no roll in a one-byte form holds. A stray NUL is left to the row
     * check, which refuses the row with its line.
     */
    static boolean wide(byte[] bytes) {
        int nul = 0;
        for (byte b : bytes) if (b == 0) nul++;
        return bytes.length > 0 && nul * 4L >= bytes.length;
    }

    /** How the bytes fare as UTF-8: sequences of two to four bytes read, bytes refused, and the line of the first refused. */
    record Scan(int wellFormed, int malformed, int firstBadLine) {}

    static Scan scanUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        int wellFormed = 0;
        int malformed = 0;
        int firstBadLine = -1;
        int lines = 1;
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            out.flip();
            while (out.hasRemaining()) {
                char c = out.get();
                if (c == '\n') lines++;
                else if (c > 0x7F && !Character.isLowSurrogate(c)) wellFormed++;
            }
            out.clear();
            if (r.isUnderflow()) break;
            if (r.isError()) {
                if (firstBadLine < 0) firstBadLine = lines;
                malformed += r.length();
                in.position(in.position() + r.length());
            }
        }
        return new Scan(wellFormed, malformed, firstBadLine);
    }

    /** Strict decoding: a byte that is not text in the charset refuses the file with its line (never mangled). */
    static Decoded strict(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16, (long) bytes.length * 2 + 16));
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) r = decoder.flush(out);
        if (r.isError()) {
            int line = 1;
            for (int i = 0; i < out.position(); i++) if (out.get(i) == '\n') line++;
            throw RuleViolation.invalid("csv-encoding", "R-11", "line " + line, charset.name(), line);
        }
        out.flip();
        String text = out.toString();
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        return new Decoded(Normalizer.normalize(text, Normalizer.Form.NFC), charset);
    }

    /** Letters of the Vietnamese alphabet with their tone marks, composed (NFC). */
    private static final Set<Integer> VIETNAMESE = new HashSet<>();
    /** What else a roll typed on a Vietnamese Windows may hold: no-break space, typographic quotes and dashes, ₫, €. */
    private static final String PUNCTUATION = "\u00A0\u2018\u2019\u201C\u201D\u2013\u2014\u2026\u2022\u00B0\u00B7\u00AB\u00BB\u20AB\u20AC";

    static {
        String[] tones = {"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"};
        for (char base : "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY".toCharArray()) {
            for (String tone : tones) {
                String letter = Normalizer.normalize(base + tone, Normalizer.Form.NFC);
                if (letter.length() != 1) throw new IllegalStateException("no composed form for " + base + tone);
                VIETNAMESE.add((int) letter.charAt(0));
            }
        }
        VIETNAMESE.add((int) 'đ');
        VIETNAMESE.add((int) 'Đ');
    }

    /**
     * Text read as Windows-1258 is taken only when every character outside ASCII is a Vietnamese letter or the
     * punctuation above: a mark left over after composing, a letter of another language (Ä, ß, Ñ) or a symbol
     * (†, ‰, ™) means the file was in some other charset, which would give wrong names rather than none.
     */
    static boolean readsAsVietnamese(String nfc) {
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (c < 0x80) continue;
            if (!VIETNAMESE.contains((int) c) && PUNCTUATION.indexOf(c) < 0) return false;
        }
        return true;
    }
}
