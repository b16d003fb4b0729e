package vn.daihoi.delegate;

import vn.daihoi.delegate.DelegateQueries.RollEntry;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The check-in desk's search (issue 12): what a clerk types at the door, with or without diacritics, in any case,
 * finds the delegate — "nguyen thi anh" finds "Nguyễn Thị Ánh", and so do "ANH" and her delegate code. Every word
 * typed must begin a word of the name (in any order), or the whole text must begin the code.
 */
public final class RollSearch {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private RollSearch() {}

    /**
     * Vietnamese folded to plain letters: tones and vowel marks removed (NFD, then the combining marks dropped), and
     * đ/Đ — a letter of its own, not a d with a mark, so NFD leaves it — written d; lower case, single spaces.
     */
    public static String fold(String text) {
        if (text == null) return "";
        String s = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        s = s.replace('đ', 'd').replace('Đ', 'd').toLowerCase(Locale.ROOT);
        return SPACES.matcher(s.strip()).replaceAll(" ");
    }

    /** Whether {@code typed} finds this name or code. A blank search finds nobody (the desk then shows its list). */
    public static boolean matches(String typed, String fullName, String code) {
        String q = fold(typed);
        if (q.isEmpty()) return false;
        String c = fold(code).replace(" ", "");
        if (!c.isEmpty() && c.startsWith(q.replace(" ", ""))) return true;
        String[] words = fold(fullName).split(" ");
        for (String t : q.split(" ")) {
            boolean found = false;
            for (String w : words) {
                if (w.startsWith(t)) {
                    found = true;
                    break;
                }
            }
            if (!found) return false;
        }
        return true;
    }

    /**
     * The entries the search finds, at most {@code limit}: first those whose whole name or code is what was typed
     * ("nguyen thi anh" puts Nguyễn Thị Ánh before Nguyễn Thị Ngọc Anh), then the others, each group in roll order.
     */
    public static List<RollEntry> find(List<RollEntry> roll, String typed, int limit) {
        String q = fold(typed);
        List<RollEntry> exact = new ArrayList<>();
        List<RollEntry> other = new ArrayList<>();
        for (RollEntry e : roll) {
            if (!matches(typed, e.fullName(), e.code())) continue;
            boolean whole = fold(e.fullName()).equals(q) || fold(e.code()).replace(" ", "").equals(q.replace(" ", ""));
            (whole ? exact : other).add(e);
        }
        exact.addAll(other);
        return exact.size() > limit ? new ArrayList<>(exact.subList(0, limit)) : exact;
    }
}
