package vn.daihoi.delegate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Map;

/**
 * Vietnamese text as Windows-1258 bytes, built from the code page's table rather than from Java's encoder (which
 * cannot write "ễ" at all, and is what the code under test decodes with): a letter is its base letter's byte (a,
 * â, ă, e, ê, o, ô, ơ, u, ư, đ …) followed by the byte of its tone mark, the form a Vietnamese Windows writes when
 * typed with combining marks ("Unicode tổ hợp"). The committed fixture {@code csv/roll-windows-1258.csv} holds the
 * other form, made by iconv, which uses the code page's composed letters (à, é, ó …) where it has them.
 */
final class ExcelBytes {

    private ExcelBytes() {}

    /** Windows-1258 bytes of the letters that carry a vowel or stroke mark of their own. */
    private static final Map<Character, Integer> BASE = Map.ofEntries(
            Map.entry('â', 0xE2), Map.entry('ă', 0xE3), Map.entry('ê', 0xEA), Map.entry('ô', 0xF4),
            Map.entry('ơ', 0xF5), Map.entry('ư', 0xFD), Map.entry('đ', 0xF0),
            Map.entry('Â', 0xC2), Map.entry('Ă', 0xC3), Map.entry('Ê', 0xCA), Map.entry('Ô', 0xD4),
            Map.entry('Ơ', 0xD5), Map.entry('Ư', 0xDD), Map.entry('Đ', 0xD0),
            Map.entry('–', 0x96));

    /** Windows-1258 bytes of the five tone marks, which the code page has only as combining characters. */
    private static final Map<Character, Integer> TONE = Map.of(
            '\u0300', 0xCC,  // huyền
            '\u0301', 0xEC,  // sắc
            '\u0309', 0xD2,  // hỏi
            '\u0303', 0xDE,  // ngã
            '\u0323', 0xF2); // nặng

    static byte[] windows1258(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (char c : Normalizer.normalize(text, Normalizer.Form.NFC).toCharArray()) {
            if (c < 0x80) {
                out.write(c);
                continue;
            }
            String nfd = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            StringBuilder base = new StringBuilder();
            Integer tone = null;
            for (char d : nfd.toCharArray()) {
                if (TONE.containsKey(d)) tone = TONE.get(d);
                else base.append(d);
            }
            char b = Normalizer.normalize(base, Normalizer.Form.NFC).charAt(0);
            if (b < 0x80) out.write(b);
            else if (BASE.containsKey(b)) out.write(BASE.get(b));
            else throw new IllegalArgumentException("not in the table: " + c);
            if (tone != null) out.write(tone);
        }
        return out.toByteArray();
    }

    static byte[] withPrefix(byte[] prefix, byte[] body) {
        byte[] all = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        return all;
    }

    static byte[] utf16leWithBom(String text) {
        return withPrefix(new byte[]{(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
    }

    static byte[] utf8WithBom(String text) {
        return withPrefix(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
    }
}
