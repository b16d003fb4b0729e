package vn.daihoi.election;

import vn.daihoi.congress.RuleProfile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * how long a counted round's paper ballots stay sealed — the profile's {@code sealedBallotMonths} from the
 * calendar day the round closed, in Vietnam's time zone. The day returned is the first on which they may be
 * destroyed: a round closed on 20 May under a six-month profile is sealed until 20 November.
 */
public final class PaperBallotSeal {

    /** calendar dates are Vietnam's. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private PaperBallotSeal() {
    }

    public static LocalDate sealedUntil(Instant closedAt, RuleProfile profile) {
        return LocalDate.ofInstant(closedAt, VIETNAM).plusMonths(profile.sealedBallotMonths());
    }
}
