package vn.daihoi.election.rules;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.daihoi.election.CandidateListApproved;
import vn.daihoi.election.DecideWithdrawalCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.daihoi.election.rules.Refusals.refusal;
import static vn.daihoi.election.rules.Scenario.E;

/**
 * R-24, given / when / expect: the aggregate accepts only the ballot order of R-24 over the names the ballot prints —
 * by given name (the last word), then by the rest of the name, in Vietnamese collation — whatever order the client
 * sends. Three candidates share the given name An, so the rest-of-name tie-break decides among them; Ánh, Bình, Dũng
 * and Đức check the collation (Á after A, not after Z; Đ after D).
 */
class R24BallotOrderTest {

    /** The correct order: An (Lê Thị, Nguyễn Văn, Trần), Ánh, Bình, Dũng, Đức. */
    private static final List<String> R24 = List.of("le", "nguyen", "tran", "vu", "do", "pham", "hoang");
    private static final String[] NOMINATED = {"hoang", "tran", "pham", "nguyen", "do", "le", "vu"};

    private Scenario s;
    private List<Object> nominated;

    @BeforeEach
    void setUp() {
        s = Scenario.union(5)
                .candidate("hoang", "Hoàng Văn Đức")
                .candidate("tran", "Trần An")
                .candidate("pham", "Phạm Văn Dũng")
                .candidate("nguyen", "Nguyễn Văn An")
                .candidate("do", "Đỗ Văn Bình")
                .candidate("le", "Lê Thị An")
                .candidate("vu", "Vũ Thị Ánh");
        nominated = new ArrayList<>();
        nominated.add(s.openElection());
        for (String c : NOMINATED) nominated.add(s.nominate(c));
    }

    private String list() {
        return s.listDecision(NOMINATED);
    }

    @Test
    void theOrderByGivenNameThenTheRestInVietnameseCollationIsApproved() {
        String decision = list();
        s.fixture.givenCommands(nominated)
                .when(s.approve(decision, null, R24))
                .expectEvents(new CandidateListApproved(E, decision, null, R24));
    }

    @Test
    void theConsolesOrderIsTheOrderTheAggregateChecks() {
        assertThat(s.ballotOrder(NOMINATED)).containsExactlyElementsOf(R24);
    }

    @Test
    void candidatesSharingAGivenNameInAnotherOrderThanTheRestOfTheirNamesAreRefused() {
        // Nominated order among the three An: Trần, Nguyễn Văn, Lê Thị — the rest of the name must reorder them.
        List<String> byNomination = List.of("tran", "nguyen", "le", "vu", "do", "pham", "hoang");
        s.fixture.givenCommands(nominated)
                .when(s.approve(list(), null, byNomination))
                .expectNoEvents()
                .expectException(refusal("ballot-order-not-alphabetical", "R-24"));
    }

    @Test
    void anOrderByFamilyNameIsRefused() {
        // Đỗ, Hoàng, Lê, Nguyễn, Phạm, Trần, Vũ: alphabetical, but by the wrong word.
        List<String> byFamily = List.of("do", "hoang", "le", "nguyen", "pham", "tran", "vu");
        s.fixture.givenCommands(nominated)
                .when(s.approve(list(), null, byFamily))
                .expectNoEvents()
                .expectException(refusal("ballot-order-not-alphabetical", "R-24"));
    }

    @Test
    void anOrderByCodePointInsteadOfVietnameseCollationIsRefused() {
        // Code points put Ánh after Đức (U+00C1, U+0110 after Z): not the Vietnamese alphabet.
        List<String> byCodePoint = List.of("le", "nguyen", "tran", "do", "pham", "hoang", "vu");
        s.fixture.givenCommands(nominated)
                .when(s.approve(list(), null, byCodePoint))
                .expectNoEvents()
                .expectException(refusal("ballot-order-not-alphabetical", "R-24"));
    }

    @Test
    void dungComesBeforeDucBecauseDStandsBeforeDStroke() {
        List<String> ducFirst = List.of("le", "nguyen", "tran", "vu", "do", "hoang", "pham");
        s.fixture.givenCommands(nominated)
                .when(s.approve(list(), null, ducFirst))
                .expectNoEvents()
                .expectException(refusal("ballot-order-not-alphabetical", "R-24"));
    }

    @Test
    void anOrderThatLeavesOutACandidateOrAddsOneIsRefused() {
        s.fixture.givenCommands(nominated)
                .when(s.approve(list(), null, R24.subList(0, 6)))
                .expectNoEvents()
                .expectException(refusal("ballot-order-invalid", "R-24"));
    }

    @Test
    void aCandidateWithoutAPrintedNameIsRefused() {
        String decision = list();
        Map<String, String> printed = new java.util.LinkedHashMap<>();
        for (String id : R24) printed.put(id, s.name(id));
        printed.remove("vu");
        s.fixture.givenCommands(nominated)
                .when(new vn.daihoi.election.ApproveCandidateListCommand(E, decision, null, R24, printed))
                .expectNoEvents()
                .expectException(refusal("missing-field", "R-24"));
    }

    @Test
    void aWithdrawnCandidateLeavesTheOrderOfTheOthers() {
        String decision = s.listDecision("hoang", "tran", "pham", "nguyen", "do", "le");
        List<Object> given = new ArrayList<>(nominated);
        given.add(new DecideWithdrawalCommand(E, "vu", true, "QĐ-ĐCT-03"));
        List<String> withoutVu = List.of("le", "nguyen", "tran", "do", "pham", "hoang");
        s.fixture.givenCommands(given)
                .when(s.approve(decision, null, withoutVu))
                .expectEvents(new CandidateListApproved(E, decision, null, withoutVu));
    }
}
