package vn.daihoi.election.web;

import vn.daihoi.election.ElectionQueries.CandidateView;
import vn.daihoi.election.ElectionQueries.ElectionView;
import vn.daihoi.person.PersonQueries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A round's names as its ballot and its published results list them. */
final class BallotNames {

    private BallotNames() {}

    /**
     * the round's candidates in the election's ballot order (a later round lists its own candidates in the same
     * order), each with his candidate record (null if unknown).
     */
    static Map<String, CandidateView> inBallotOrder(ElectionView e, List<String> roundCandidateIds) {
        List<String> order = new ArrayList<>(e.ballotOrder() == null ? List.of() : e.ballotOrder());
        order.retainAll(roundCandidateIds);
        for (String id : roundCandidateIds) if (!order.contains(id)) order.add(id);
        Map<String, CandidateView> byId = new LinkedHashMap<>();
        e.candidates().forEach(c -> byId.put(c.candidateId(), c));
        Map<String, CandidateView> out = new LinkedHashMap<>();
        for (String id : order) out.put(id, byId.get(id));
        return out;
    }

    /** The name as printed: "—" once the person's data has been erased. */
    static String name(CandidateView c) {
        return c == null || c.fullName() == null ? "—" : PersonQueries.displayName(c.fullName());
    }
}
