package vn.daihoi.term;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.daihoi.congress.RuleProfiles;
import vn.daihoi.congress.Term;
import vn.daihoi.organisation.Decision;
import vn.daihoi.support.ApiTest;
import vn.daihoi.term.TermQueries.HoldingView;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Events in, queries out: who held which office on a date, on PostgreSQL. */
class TermProjectionTest extends ApiTest {

    private static final LocalDate RECOGNISED = LocalDate.of(2023, 6, 15);
    private static final Decision RECOGNITION = new Decision("125/QĐ-CĐVC", RECOGNISED, "CĐVC");

    @Autowired
    TermProjection projection;

    private final String unit = "t-" + UUID.randomUUID();
    private final String past = "p-" + UUID.randomUUID();
    private final String now = "n-" + UUID.randomUUID();
    private final String an = "person-" + UUID.randomUUID();
    private final String binh = "person-" + UUID.randomUUID();

    private void given() {
        jdbc.update("insert into person_view (person_id, full_name) values (?, 'Trần Văn An (hư cấu)')", an);
        jdbc.update("insert into person_view (person_id, erased) values (?, true)", binh);
        projection.on(new LeadershipImported(past, unit, new Term(2018, 2023), 9, null, 5, true, null, LocalDate.of(2018, 1, 10),
                new Decision("12/QĐ", null, null), RuleProfiles.UNION_DEFAULT,
                List.of(new Holding(past + "/1", an, Office.CHAIR, HoldingStart.IMPORTED, LocalDate.of(2018, 1, 10), null, null, null, null, null)),
                "upper"));
        projection.on(new LeadershipSubmitted(now, unit, new Term(2023, 2028), "c1", 10, 5, true, RuleProfiles.UNION_DEFAULT, List.of("e1"),
                List.of(new Holding(now + "/1", binh, Office.CHAIR, HoldingStart.ELECTED_AT_CONGRESS, null, null, "e1", null, null, null)),
                LocalDate.of(2023, 5, 21)));
    }

    private List<HoldingView> chairsOn(LocalDate day) {
        return projection.holders(new TermQueries.OfficeHoldersOn(unit, day)).holdings().stream()
                .filter(h -> h.office() == Office.CHAIR).toList();
    }

    @Test
    void aProposedChairHoldsNoOfficeUntilRecognition() {
        given();
        assertThat(chairsOn(LocalDate.of(2023, 7, 1))).extracting(HoldingView::personId).containsExactly(an);
    }

    @Test
    void onTheRecognitionDayTheNewChairHoldsTheOfficeAndThePredecessorHeldItTheDayBefore() {
        given();
        projection.on(new LeadershipRecognised(now, unit, RECOGNISED, RECOGNITION, "upper"));
        projection.on(new OfficesEnded(past, unit, null, List.of(past + "/1"), RECOGNISED, HoldingEnd.SUCCEEDED_ON_RECOGNITION,
                RECOGNITION, now), 1);
        assertThat(chairsOn(RECOGNISED.minusDays(1))).extracting(HoldingView::personId).containsExactly(an);
        assertThat(chairsOn(RECOGNISED)).extracting(HoldingView::personId).containsExactly(binh);
        assertThat(chairsOn(LocalDate.of(2017, 12, 31))).isEmpty();
        assertThat(chairsOn(RECOGNISED.minusDays(1)).get(0).imported()).isTrue();
    }

    @Test
    void anErasedPersonShowsTheErasedLabelInEveryView() {
        given();
        projection.on(new LeadershipRecognised(now, unit, RECOGNISED, RECOGNITION, "upper"));
        HoldingView chair = chairsOn(LocalDate.of(2024, 6, 1)).stream().filter(h -> h.personId().equals(binh)).findFirst().orElseThrow();
        assertThat(chair.erased()).isTrue();
        assertThat(chair.fullName()).isEqualTo(TermProjection.ERASED);
        TermQueries.PersonOffices offices = projection.offices(new TermQueries.OfficesOfPerson(binh));
        assertThat(offices.fullName()).isEqualTo(TermProjection.ERASED);
        assertThat(offices.holdings()).hasSize(1);
        assertThat(projection.offices(new TermQueries.OfficesOfPerson("nobody-" + UUID.randomUUID())).holdings()).isEmpty();
    }
}
