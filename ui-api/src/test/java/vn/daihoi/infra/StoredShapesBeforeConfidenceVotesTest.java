package vn.daihoi.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import vn.daihoi.congress.CongressConvened;
import vn.daihoi.congress.CongressKind;
import vn.daihoi.congress.Fraction;
import vn.daihoi.congress.RuleProfile;
import vn.daihoi.congress.RuleProfiles;
import vn.daihoi.congress.Term;
import vn.daihoi.election.PaperBallotEntered;
import vn.daihoi.election.PublishedBallot;
import vn.daihoi.election.RoundCounted;
import vn.daihoi.organisation.Decision;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are never rewritten (ADR 0007): shapes stored before confidence votes existed must still load through the
 * store's own mapper — a profile without the settings takes their defaults, ballots without ratings stay
 * election ballots.
 */
class StoredShapesBeforeConfidenceVotesTest {

    private final ObjectMapper store = EventStoreConfiguration.storeMapper();

    @Test
    void aCongressConvenedUnderAProfileWithoutConfidenceSettingsLoadsWithTheDefaults() throws Exception {
        CongressConvened now = new CongressConvened("c1", "u1", 10, new Term(2023, 2028), CongressKind.DELEGATE, false, null,
                LocalDate.of(2023, 5, 20), "Hội trường", 5, RuleProfiles.UNION_DEFAULT, null,
                new Decision("1/QĐ", LocalDate.of(2023, 4, 1), null));
        ObjectNode old = (ObjectNode) store.readTree(store.writeValueAsBytes(now));
        ObjectNode profile = (ObjectNode) old.path("profile");
        profile.remove("confidenceQuorum");
        profile.remove("confidenceReview");
        profile.remove("confidenceDismissal");
        assertThat(profile.has("quorum")).isTrue();

        RuleProfile loaded = store.treeToValue(old, CongressConvened.class).profile();
        assertThat(loaded.confidenceQuorum()).isEqualTo(new Fraction(2, 3));
        assertThat(loaded.confidenceReview()).isEqualTo(new Fraction(1, 2));
        assertThat(loaded.confidenceDismissal()).isEqualTo(new Fraction(2, 3));
        assertThat(loaded.quorum()).isEqualTo(RuleProfiles.UNION_DEFAULT.quorum());
        assertThat(loaded).isEqualTo(RuleProfiles.UNION_DEFAULT);
    }

    @Test
    void aProfileStoredWithItsOwnConfidenceSharesKeepsThem() throws Exception {
        ObjectNode p = (ObjectNode) store.readTree(store.writeValueAsBytes(RuleProfiles.UNION_DEFAULT));
        p.remove("confidenceQuorum");
        p.set("confidenceReview", store.valueToTree(new Fraction(3, 5)));
        RuleProfile loaded = store.treeToValue(p, RuleProfile.class);
        assertThat(loaded.confidenceReview()).isEqualTo(new Fraction(3, 5));
        assertThat(loaded.confidenceQuorum()).isEqualTo(RuleProfile.DEFAULT_CONFIDENCE_QUORUM);
    }

    @Test
    void electionBallotsStoredBeforeRatingsExistedLoadWithoutRatings() throws Exception {
        PaperBallotEntered entry = store.readValue("""
                {"electionId":"e1","round":1,"sheet":3,"enteredBy":"a1","keptCandidateIds":["k1"],"invalid":null,"correctionReason":null}""",
                PaperBallotEntered.class);
        assertThat(entry.ratings()).isNull();
        assertThat(entry.keptCandidateIds()).containsExactly("k1");
        RoundCounted counted = store.readValue("""
                {"electionId":"e1","round":1,"result":{"seats":1,"collected":1,"valid":1,"invalid":0,"lines":[],"electedCandidateIds":[],
                 "tiedCandidateIds":[],"tieSeats":0,"vacancies":1},
                 "ballots":[{"trackingCode":"AAAAA-BBBBB","keptCandidateIds":["k1"],"invalid":null,"paper":false}]}""", RoundCounted.class);
        PublishedBallot b = counted.ballots().get(0);
        assertThat(b.ratings()).isNull();
        assertThat(b.keptCandidateIds()).containsExactly("k1");
    }
}
