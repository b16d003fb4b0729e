package vn.daihoi.term;

import vn.daihoi.congress.Term;
import vn.daihoi.organisation.Decision;

import java.time.LocalDate;
import java.util.List;

/** */
public record AppointProvisionalCommitteeCommand(String leadershipId, String unitId, Term term, ProvisionalReason reason,
                                                 LocalDate appointedOn, Decision decision, int seats,
                                                 List<Appointee> members, String appointedByUnitId) {
    public record Appointee(String personId, Office office) {}
}
