package vn.daihoi.congress;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.daihoi.delegate.AddDelegateCommand;
import vn.daihoi.delegate.CheckInDelegateCommand;
import vn.daihoi.delegate.DelegateBasis;
import vn.daihoi.delegate.DelegateCategory;
import vn.daihoi.delegate.DelegateCheckedIn;
import vn.daihoi.delegate.DelegateSummoned;
import vn.daihoi.delegate.VotingCredentialIssued;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.daihoi.congress.CongressAggregateTest.violation;
import static vn.daihoi.congress.CongressFixtures.DAY;
import static vn.daihoi.congress.CongressFixtures.convened;
import static vn.daihoi.congress.CongressFixtures.credential;
import static vn.daihoi.congress.CongressFixtures.firstMeeting;
import static vn.daihoi.congress.CongressFixtures.firstMeetingConvened;

/** Committee meetings on the congress machinery (ADR 0009, R-41), given / when / expect. */
class CommitteeMeetingAggregateTest {

    private static final String M = "m1";
    private static final String CONGRESS = "c10";

    private AggregateTestFixture<CongressAggregate> fixture;
    private CongressFixtures.Congresses congresses;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CongressAggregate.class);
        congresses = new CongressFixtures.Congresses();
        congresses.known.put(CONGRESS, new CongressDirectory.Known(CONGRESS, "snv", 2023, false));
        fixture.registerInjectableResource(new CongressFixtures.Units());
        fixture.registerInjectableResource(congresses);
        fixture.registerInjectableResource(new CongressFixtures.Persons());
        fixture.registerInjectableResource(new CongressFixtures.Elections());
    }

    @Test
    void canConveneTheFirstMeetingOfTheCommitteeACongressElected() {
        fixture.givenNoPriorActivity()
                .when(firstMeeting(M, CONGRESS, "p1"))
                .expectEvents(firstMeetingConvened(M, CONGRESS, "p1"));
    }

    @Test
    void aMeetingIsNotTheUnitsOneOpenCongressOfTheTermAndTakesNoOrdinal() {
        congresses.open.put("snv/2023", CONGRESS);
        congresses.ordinals.add("snv/0");
        congresses.ordinals.add("snv/10");
        fixture.givenNoPriorActivity()
                .when(firstMeeting(M, CONGRESS, "p1"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aMeetingNeedsAPurpose() {
        ConveneCongressCommand c = firstMeeting(M, CONGRESS, "p1");
        fixture.givenNoPriorActivity()
                .when(new ConveneCongressCommand(M, "snv", 0, c.term(), CongressKind.COMMITTEE_MEETING, false, null, c.date(),
                        c.venue(), 0, null, null, null, null, null, null))
                .expectException(violation("missing-field", "R-41"))
                .expectNoEvents();
    }

    @Test
    void aFirstMeetingNamesTheCongressThatElectedTheCommittee() {
        fixture.givenNoPriorActivity()
                .when(firstMeeting(M, null, "p1"))
                .expectException(violation("missing-field", "R-41"))
                .expectNoEvents();
    }

    @Test
    void aFirstMeetingNamesTheMemberThePresidiumChoseToConveneIt() {
        fixture.givenNoPriorActivity()
                .when(firstMeeting(M, CONGRESS, null))
                .expectException(violation("missing-field", "R-41"));
        fixture.givenNoPriorActivity()
                .when(firstMeeting(M, CONGRESS, "x-not-a-person"))
                .expectException(violation("unknown-person", "R-41"));
    }

    @Test
    void theElectingCongressMustBeACongressOfTheSameUnitAndTerm() {
        congresses.known.put("other-unit", new CongressDirectory.Known("other-unit", "cdvc", 2023, false));
        congresses.known.put("earlier", new CongressDirectory.Known("earlier", "snv", 2018, false));
        fixture.givenNoPriorActivity()
                .when(firstMeeting(M, "no-such-congress", "p1"))
                .expectException(violation("unknown-congress", "R-41"));
        fixture.givenNoPriorActivity()
                .when(firstMeeting(M, "other-unit", "p1"))
                .expectException(violation("of-congress-of-another-unit", "R-41"));
        fixture.givenNoPriorActivity()
                .when(firstMeeting(M, "earlier", "p1"))
                .expectException(violation("of-congress-of-another-term", "R-41"));
    }

    @Test
    void aCongressCannotCarryAMeetingsPurpose() {
        ConveneCongressCommand c = CongressFixtures.convene(CONGRESS, 10, new Term(2023, 2028));
        fixture.givenNoPriorActivity()
                .when(new ConveneCongressCommand(CONGRESS, "snv", 10, c.term(), c.kind(), true, "cdvc", DAY, c.venue(), 5, null,
                        null, null, MeetingPurpose.FIRST_MEETING, null, null))
                .expectException(violation("not-a-meeting", "R-10"));
    }

    @Test
    void aMeetingIsNeverAPilotCongress() {
        ConveneCongressCommand c = firstMeeting(M, CONGRESS, "p1");
        fixture.givenNoPriorActivity()
                .when(new ConveneCongressCommand(M, "snv", 0, c.term(), c.kind(), true, "cdvc", c.date(), c.venue(), 0, null,
                        null, null, c.purpose(), c.ofCongressId(), c.convenerPersonId()))
                .expectException(violation("meeting-not-pilot", "R-10"));
    }

    @Test
    void aByElectionMeetingNeedsNoElectingCongress() {
        ConveneCongressCommand c = firstMeeting(M, CONGRESS, "p1");
        fixture.givenNoPriorActivity()
                .when(new ConveneCongressCommand(M, "snv", 0, c.term(), c.kind(), false, null, c.date(), c.venue(), 0, null,
                        null, null, MeetingPurpose.BY_ELECTION, null, null))
                .expectSuccessfulHandlerExecution();
        // It is a meeting, but not a first meeting: it summons no elected committee.
        fixture.given(new CongressConvened(M, "snv", 0, c.term(), c.kind(), false, null, c.date(), c.venue(), 0,
                        vn.daihoi.congress.RuleProfiles.UNION_DEFAULT, null, null, MeetingPurpose.BY_ELECTION, null, null))
                .when(new vn.daihoi.delegate.SummonElectedCommitteeCommand(M))
                .expectException(violation("not-a-first-meeting", "R-41"));
    }

    @Test
    void membersSummonedToAMeetingSitAsMembersAndVote() {
        fixture.given(firstMeetingConvened(M, CONGRESS, "p1"))
                .when(new AddDelegateCommand(M, "d1", "p1", "BCH-1", DelegateCategory.DELEGATE, null, "Ủy viên Ban Chấp hành"))
                .expectEvents(new DelegateSummoned(M, "d1", "p1", "BCH-1", DelegateCategory.DELEGATE, DelegateBasis.MEMBER,
                        "Ủy viên Ban Chấp hành"));
        fixture.given(firstMeetingConvened(M, CONGRESS, "p1"),
                        new DelegateSummoned(M, "d1", "p1", "BCH-1", DelegateCategory.DELEGATE, DelegateBasis.MEMBER, null))
                .when(new CheckInDelegateCommand(M, "d1", credential("k1")))
                .expectEvents(new DelegateCheckedIn(M, "d1", new Attendance(1, 1, true)), new VotingCredentialIssued(M, "d1", "k1"));
    }

    @Test
    void aBodysOwnVoteCountsItsMembersPresentWhateverTheirLineOnTheRoll() {
        // the inspection committee (p1, p2 and p9, who sits as a guest) elects its vice-chair among its members.
        List<Assemblies.Seat> roll = List.of(
                new Assemblies.Seat("d1", "p1", DelegateCategory.DELEGATE, false, false, false, true),
                new Assemblies.Seat("d2", "p2", DelegateCategory.DELEGATE, false, false, false, true),
                new Assemblies.Seat("d3", "p3", DelegateCategory.DELEGATE, false, false, false, true),
                new Assemblies.Seat("g9", "p9", DelegateCategory.GUEST, false, false, false, true));
        assertThat(Assemblies.presentSeatsAmong(roll, List.of("p1", "p2", "p9"))).containsExactly("d1", "d2", "g9");
        assertThat(Assemblies.attendanceAmong(roll, List.of("p1", "p2", "p9"), new Fraction(2, 3))).isEqualTo(new Attendance(3, 3, true));
        assertThat(Assemblies.presentVoters(roll)).containsExactly("d1", "d2", "d3");
    }

    @Test
    void aCongressConvenedBeforeMeetingsExistedIsACongressWithNoPurpose() {
        // Revision 1 of CongressConvened had no purpose, electing congress or convener: they read as null.
        fixture.given(convened(CONGRESS, CongressKind.DELEGATE))
                .when(new AddDelegateCommand(CONGRESS, "d1", "p1", "DB1", DelegateCategory.DELEGATE, null, null))
                .expectEvents(new DelegateSummoned(CONGRESS, "d1", "p1", "DB1", DelegateCategory.DELEGATE, DelegateBasis.ELECTED, null));
        fixture.given(convened(CONGRESS, CongressKind.DELEGATE))
                .when(new vn.daihoi.delegate.SummonElectedCommitteeCommand(CONGRESS))
                .expectException(violation("not-a-first-meeting", "R-41"));
    }
}
