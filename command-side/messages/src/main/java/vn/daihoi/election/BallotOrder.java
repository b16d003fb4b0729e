package vn.daihoi.election;


import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * candidates stand on the ballot in alphabetical order of their given name — the last word of a
 * Vietnamese name — then of the rest of the name, in Vietnamese collation. Ties (equal names) keep list order.
 */
public final class BallotOrder {
    private BallotOrder() {}

    static String givenName(String fullName) {
        String n = fullName == null ? "" : fullName.replaceAll("\\s*\\(.*\\)\\s*$", "").strip();
        int space = n.lastIndexOf(' ');
        return space < 0 ? n : n.substring(space + 1);
    }

    static String rest(String fullName) {
        String n = fullName == null ? "" : fullName.replaceAll("\\s*\\(.*\\)\\s*$", "").strip();
        int space = n.lastIndexOf(' ');
        return space < 0 ? "" : n.substring(0, space);
    }

    /**
     * The order the approval records for an election's standing candidates (withdrawn ones left out): by name
     * or for a confidence vote as the organisers listed the officials. The console previews this
     * very list before the approval.
     */
    public static List<String> ofStanding(ElectionQueries.ElectionView election) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        election.candidates().stream().filter(c -> !c.withdrawn())
                .forEach(c -> names.put(c.candidateId(), c.fullName() == null ? "" : c.fullName()));
        return election.body() == ElectedBody.CONFIDENCE_VOTE ? List.copyOf(names.keySet()) : of(names);
    }

    /** @param names candidate id → full name, in list order */
    public static List<String> of(Map<String, String> names) {
        Collator vi = Collator.getInstance(Locale.forLanguageTag("vi-VN"));
        vi.setStrength(Collator.TERTIARY);
        List<String> ids = List.copyOf(names.keySet());
        return ids.stream().sorted(Comparator.comparing((String id) -> givenName(names.get(id)), vi)
                .thenComparing(id -> rest(names.get(id)), vi)
                .thenComparing(ids::indexOf)).toList();
    }
}
