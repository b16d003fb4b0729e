package vn.daihoi.congress;

import java.util.List;
import java.util.Optional;

/** The profiles the product ships. New ones are added, never edited: congresses already hold copies. */
public final class RuleProfiles {
    private RuleProfiles() {}

    private static final Fraction HALF = new Fraction(1, 2);
    private static final Fraction TWO_THIRDS = new Fraction(2, 3);

    /** The default union profile: Charter khóa XII (2020) and HD 03/HD-TLĐ; no cap on the surplus. */
    public static final RuleProfile UNION_DEFAULT = new RuleProfile("union-2020",
            "Điều lệ Công đoàn Việt Nam và Hướng dẫn 03/HD-TLĐ (2020)",
            "Trade Union Charter and guide HD 03/HD-TLĐ (2020)",
            "Điều lệ Công đoàn Việt Nam khóa XII (2020); HD 03/HD-TLĐ (2020); HD 238/HD-TLĐ (2014); "
                    + "QĐ 96-QĐ/TW (2023) for confidence-vote thresholds",
            TWO_THIRDS, HALF, 1, null, null, HALF, HALF, true, true, HALF, TWO_THIRDS,
            TWO_THIRDS, HALF, 30, 6, TWO_THIRDS);

    /** Stricter, Party-style surplus rules (QĐ 190-QĐ/TW, 2024): at most 30% surplus, and 1 for 3–5 seats. */
    public static final RuleProfile PARTY_STRICT = new RuleProfile("party-qd190-2024",
            "Quy định bầu cử theo QĐ 190-QĐ/TW (2024)",
            "Election rules after QĐ 190-QĐ/TW (2024)",
            "QĐ 190-QĐ/TW (2024) for surplus caps; otherwise as union-2020",
            TWO_THIRDS, HALF, 1, new Fraction(30, 100), 1, HALF, HALF, true, true, HALF, TWO_THIRDS,
            TWO_THIRDS, HALF, 30, 6, TWO_THIRDS);

    public static List<RuleProfile> all() {
        return List.of(UNION_DEFAULT, PARTY_STRICT);
    }

    public static Optional<RuleProfile> byId(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
