package vn.daihoi.election;

import org.junit.jupiter.api.Test;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.congress.RuleProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** the verdict the console shows before the approval is the refusal the approval gives. */
class SurplusRuleTest {

    @Test
    void aListAsLongAsTheSeatsLacksItsSurplusUnlessTheCongressAcceptedNone() {
        assertThat(SurplusRule.verdict(5, 5, RuleProfiles.UNION_DEFAULT, false)).get().extracting(RuleViolation::type).isEqualTo("surplus-too-small");
        assertThat(SurplusRule.verdict(5, 5, RuleProfiles.UNION_DEFAULT, true)).isEmpty();
        assertThat(SurplusRule.verdict(4, 5, RuleProfiles.UNION_DEFAULT, true)).get().extracting(RuleViolation::type).isEqualTo("too-few-candidates");
        assertThat(SurplusRule.verdict(7, 5, RuleProfiles.UNION_DEFAULT, false)).isEmpty();
        assertThat(SurplusRule.verdict(1, 1, RuleProfiles.UNION_DEFAULT, false)).as("a single seat may have one candidate").isEmpty();
    }

    @Test
    void aStrictProfileCapsTheSurplusOfASmallCommittee() {
        assertThat(SurplusRule.verdict(7, 5, RuleProfiles.PARTY_STRICT, false)).get().extracting(RuleViolation::type).isEqualTo("surplus-too-large");
        assertThat(SurplusRule.verdict(6, 5, RuleProfiles.PARTY_STRICT, false)).isEmpty();
    }

    @Test
    void theApprovalRefusesExactlyWhatTheVerdictSays() {
        RuleViolation said = SurplusRule.verdict(5, 5, RuleProfiles.UNION_DEFAULT, false).orElseThrow();
        assertThatThrownBy(() -> SurplusRule.check(5, 5, RuleProfiles.UNION_DEFAULT, false))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.type()).isEqualTo(said.type());
                    assertThat(v.ruleId()).isEqualTo("R-22");
                    assertThat(v.field()).isEqualTo("listDecisionId");
                });
    }
}
