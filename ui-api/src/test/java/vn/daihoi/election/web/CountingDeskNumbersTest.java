package vn.daihoi.election.web;

import org.junit.jupiter.api.Test;
import vn.daihoi.common.RuleViolation;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** what a counting member types for the names a paper ballot keeps, read as the ballot's candidates. */
class CountingDeskNumbersTest {

    private static final List<String> SEVEN = List.of("a", "b", "c", "d", "e", "f", "g");

    @Test
    void onABallotOfAtMostNineNamesEachDigitIsANameWithOrWithoutSpaces() {
        assertThat(CountingDeskPage.keptIds("1357", SEVEN, false)).containsExactly("a", "c", "e", "g");
        assertThat(CountingDeskPage.keptIds(" 1 3,5 7 ", SEVEN, false)).containsExactly("a", "c", "e", "g");
    }

    @Test
    void zeroKeepsNoNameAndAnEmptyFieldIsRefusedUnlessTheBallotIsInvalid() {
        assertThat(CountingDeskPage.keptIds("0", SEVEN, false)).isEmpty();
        assertThat(CountingDeskPage.keptIds("", SEVEN, true)).isEmpty();
        assertThatThrownBy(() -> CountingDeskPage.keptIds("", SEVEN, false))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.type()).isEqualTo("paper-entry-numbers"));
    }

    @Test
    void aNumberNotOnTheBallotIsRefusedWithTheRangeOfNumbers() {
        assertThatThrownBy(() -> CountingDeskPage.keptIds("18", SEVEN, false))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.type()).isEqualTo("paper-entry-number-unknown");
                    assertThat(v.arguments()).containsExactly(8, 7);
                });
    }

    @Test
    void onALongerBallotNumbersAreSeparated() {
        List<String> twelve = List.of("n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "n10", "n11", "n12");
        assertThat(CountingDeskPage.keptIds("1 12", twelve, false)).containsExactly("n1", "n12");
        assertThatThrownBy(() -> CountingDeskPage.keptIds("112", twelve, false)).as("112 is no name of twelve")
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.type()).isEqualTo("paper-entry-number-unknown"));
    }
}
