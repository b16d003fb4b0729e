package vn.daihoi.confidence;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.congress.Attendance;
import vn.daihoi.congress.RuleProfiles;
import vn.daihoi.election.BallotAccounting;
import vn.daihoi.election.BallotBox;
import vn.daihoi.election.BallotBoxPrepared;
import vn.daihoi.election.CandidateListApproved;
import vn.daihoi.election.CastBallotCommand;
import vn.daihoi.election.CloseRoundCommand;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectionAggregate;
import vn.daihoi.election.ElectionOpened;
import vn.daihoi.election.EnterPaperBallotCommand;
import vn.daihoi.election.InvalidReason;
import vn.daihoi.election.IssuePaperBallotCommand;
import vn.daihoi.election.PaperAccountingRecorded;
import vn.daihoi.election.PaperBallotEntered;
import vn.daihoi.election.PaperBallotIssued;
import vn.daihoi.election.PublishedBallot;
import vn.daihoi.election.RoundClosed;
import vn.daihoi.election.RoundOpened;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static vn.daihoi.confidence.ConfidenceLevel.CONFIDENCE;
import static vn.daihoi.confidence.ConfidenceLevel.HIGH;
import static vn.daihoi.confidence.ConfidenceLevel.LOW;

/** on the election aggregate, given / when / expect: paper rating ballots, double entry, the count with flags. */
class ConfidenceVoteAggregateTest {

    private static final String E = "cv1";
    private static final List<String> LIST = List.of("chair", "vice");

    private AggregateTestFixture<ElectionAggregate> fixture;
    private final StubBox box = new StubBox();

    /** The electronic side of the round, as the ballot box would reveal it at close. */
    static final class StubBox implements BallotBox {
        List<PublishedBallot> electronic = new ArrayList<>();
        List<String> participants = new ArrayList<>();
        int roll;

        @Override public KeyFacts prepare(String electionId, int round, List<String> candidateIds, int seats, boolean strikeAllValid,
                                          vn.daihoi.election.BallotKind kind, List<String> voters, List<String> holders, int sharesNeeded) {
            return new KeyFacts("0000-0000-0000-0000", "", holders, sharesNeeded);
        }
        @Override public ShareSlip takeShare(String electionId, int round, String holderPersonId) { throw new UnsupportedOperationException(); }
        @Override public int discard(String electionId, int round) { return participants.size(); }
        @Override public void addVoter(String electionId, int round, String delegateId) {}
        @Override public void markPaper(String electionId, int round, String delegateId) {}
        @Override public CastBallotCommand.Receipt cast(CastBallotCommand ballot) { throw new UnsupportedOperationException(); }
        @Override public Closed close(String electionId, int round, List<String> shares) { return new Closed(participants, electronic, roll); }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ElectionAggregate.class);
        fixture.registerInjectableResource(box);
    }

    private static final java.time.Instant CLOSED_AT = java.time.Instant.parse("2023-04-14T03:15:00Z");

    private static List<Object> openRoundWithPaperVoters(String... paperVoters) {
        List<Object> given = new ArrayList<>(List.of(
                new ElectionOpened(E, "c1", "snv", ElectedBody.CONFIDENCE_VOTE, "Lấy phiếu tín nhiệm giữa nhiệm kỳ", 2, RuleProfiles.UNION_DEFAULT),
                new OfficialListed(E, "chair", "p1", "Chủ tịch"),
                new OfficialListed(E, "vice", "p2", "Phó Chủ tịch"),
                new CandidateListApproved(E, "list", null, LIST),
                new RoundOpened(E, 1, LIST, 2, List.of("d1", "d2", "d3"), new Attendance(3, 3, true), null, null),
                new BallotBoxPrepared(E, 1, "0000-0000-0000-0000", "", List.of("pA", "pB"), 2)));
        for (String d : paperVoters) given.add(new PaperBallotIssued(E, 1, d));
        return given;
    }

    private static List<RatingLine> rate(ConfidenceLevel chair, ConfidenceLevel vice) {
        return List.of(RatingLine.rated("chair", chair), RatingLine.rated("vice", vice));
    }

    @Test
    void aCountingMemberEntersAPaperRatingBallotLineByLine() {
        List<RatingLine> lines = List.of(RatingLine.rated("chair", HIGH), RatingLine.invalid("vice", LineInvalidReason.SEVERAL_LEVELS));
        fixture.given(openRoundWithPaperVoters("d1"))
                .when(new EnterPaperBallotCommand(E, 1, 1, "memberA", "pA", List.of(), null, null, lines))
                .expectEvents(new PaperBallotEntered(E, 1, 1, "memberA", List.of(), null, null, lines));
    }

    @Test
    void aPaperRatingBallotMissingAListedPersonsLineIsRefused() {
        fixture.given(openRoundWithPaperVoters("d1"))
                .when(new EnterPaperBallotCommand(E, 1, 1, "memberA", "pA", List.of(), null, null, List.of(RatingLine.rated("chair", HIGH))))
                .expectNoEvents()
                .expectException(refusal("confidence-line-missing"));
    }

    @Test
    void aWholeConfidenceBallotIsInvalidOnlyWhenNotIssuedByTheCountingCommittee() {
        fixture.given(openRoundWithPaperVoters("d1"))
                .when(new EnterPaperBallotCommand(E, 1, 1, "memberA", "pA", List.of(), InvalidReason.IDENTIFYING_MARK, null, null))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void closingAConfidenceRoundCountsEachPersonWithTheFlagsOfTheProfile() {
        // Electronic: d1 rates chair low, vice high. Paper: sheet 1 chair low, vice confidence; sheet 2 not issued.
        box.participants = List.of("d1");
        box.electronic = List.of(new PublishedBallot("AAAAA-BBBBB", List.of(), null, false, rate(LOW, HIGH)));
        box.roll = 3;
        List<Object> given = openRoundWithPaperVoters("d2", "d3");
        for (String member : List.of("memberA", "memberB")) {
            given.add(new PaperBallotEntered(E, 1, 1, member, List.of(), null, null, rate(LOW, CONFIDENCE)));
            given.add(new PaperBallotEntered(E, 1, 2, member, List.of(), InvalidReason.NOT_ISSUED, null, List.of()));
        }
        given.add(new PaperAccountingRecorded(E, 1, 0));
        List<PublishedBallot> published = List.of(
                // Content order (ADR 0008): by the levels given, high before confidence before low; not paper before electronic.
                new PublishedBallot("AAAAA-BBBBB", List.of(), null, false, rate(LOW, HIGH)),
                new PublishedBallot("P0001", List.of(), null, true, rate(LOW, CONFIDENCE)),
                new PublishedBallot("P0002", List.of(), InvalidReason.NOT_ISSUED, true, List.of()));
        ConfidenceResult result = new ConfidenceResult(3, 3, 1, List.of(
                new ConfidenceResult.Line("chair", 2, 1, 0, 0, 2, "0.00", "0.00", "66.67", true, true),
                new ConfidenceResult.Line("vice", 2, 1, 1, 1, 0, "33.33", "33.33", "0.00", false, false)));
        fixture.given(given)
                // ADR 0022: the close carries the business time the command states, printed on the minutes.
                .when(new CloseRoundCommand(E, 1, List.of(), CLOSED_AT))
                .expectEvents(new RoundClosed(E, 1, List.of("d1"), 1, 2, new BallotAccounting(3, 3, 0, 0, 2, 2, 1, 1), CLOSED_AT),
                        new ConfidenceRoundCounted(E, 1, result, published));
    }

    @Test
    void paperEntriesThatDisagreeKeepTheRoundFromBeingCounted() {
        List<Object> given = openRoundWithPaperVoters("d1");
        given.add(new PaperBallotEntered(E, 1, 1, "memberA", List.of(), null, null, rate(LOW, HIGH)));
        given.add(new PaperBallotEntered(E, 1, 1, "memberB", List.of(), null, null, rate(HIGH, HIGH)));
        given.add(new PaperAccountingRecorded(E, 1, 0));
        fixture.given(given)
                .when(new CloseRoundCommand(E, 1, List.of(), CLOSED_AT))
                .expectNoEvents()
                .expectException(refusal("paper-entries-unsettled", List.of(1)));
    }

    @Test
    void aPaperRatingBallotIsIssuedAsInElections() {
        fixture.given(openRoundWithPaperVoters())
                .when(new IssuePaperBallotCommand(E, 1, "d2"))
                .expectEvents(new PaperBallotIssued(E, 1, "d2"));
    }

    /** A refusal of this type, showing these values (the text itself lives in ui-api's problem bundles). */
    private static Matcher<RuleViolation> refusal(String type, Object... arguments) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation v) {
                return v.type().equals(type) && (arguments.length == 0 || Arrays.equals(v.arguments(), arguments));
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("rule violation " + type + " " + Arrays.toString(arguments));
            }
        };
    }
}
