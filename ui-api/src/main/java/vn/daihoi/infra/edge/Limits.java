package vn.daihoi.infra.edge;

/**
 * The lengths a request may carry, equal to the columns that end up storing each value (Flyway migrations of
 * command-side and query-side); where a value is kept only in the event, a sane bound (ADR 0014).
 */
public final class Limits {
    private Limits() {}

    /** Every id column is varchar(64). */
    public static final int ID = 64;
    /** unit codes and roll codes: varchar(40). */
    public static final int CODE = 40;
    /** unit, congress, election names and titles, venues, positions, offices, issuers: varchar(255). */
    public static final int NAME = 255;
    /** person_view.full_name, email: varchar(200). */
    public static final int PERSON_NAME = 200;
    public static final int EMAIL = 200;
    /** person_view.phone: varchar(64). */
    public static final int PHONE = 64;
    /** person_view.gender, enum-like words: varchar(32). */
    public static final int WORD = 32;
    /** Decision numbers: term_change/term_view varchar(120) (unit_change allows 128). */
    public static final int DECISION_NUMBER = 120;
    /** References to a decision or request kept only in events: the decision-number bound. */
    public static final int REFERENCE = 120;
    /** Reasons: term_view.refusal_reason varchar(1000); the same for every reason. */
    public static final int REASON = 1000;
    /** Free notes kept only in the event (credentials report). */
    public static final int NOTES = 4000;
    /** account.username varchar(64); bcrypt reads 72 bytes of a password. */
    public static final int USERNAME = 64;
    public static final int PASSWORD_BYTES = 72;
    /** A voting code or similar secret typed by a person. */
    public static final int SECRET = 64;
    /** Lists of ids in one request: larger than the largest congress roll (about 1,100 delegates). */
    public static final int IDS = 2_000;
    /** Lists of units, grants, officials, holdings in one request. */
    public static final int ITEMS = 200;
    /** Path variables (holding ids reach 160 characters) and query parameters. */
    public static final int PATH_VARIABLE = 160;
    public static final int QUERY_PARAMETER = 200;
}
