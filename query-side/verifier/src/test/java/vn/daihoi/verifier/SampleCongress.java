package vn.daihoi.verifier;

import java.util.List;

/**
 * A small congress bundle, counted by hand: an executive-committee election (2 seats, 5 ballots collected, one
 * invalid: only "cand-1" has more than half of 5), a confidence vote (3 collected, one wholly invalid: "o-1" has 2 of
 * 3 low, flagged for review and dismissal) and an election whose round was voided.
 */
final class SampleCongress {
    private SampleCongress() {}

    static final String PROFILE = """
            {"id":"tld-2020","nameVi":"Điều lệ khóa XII","nameEn":"Charter XII","source":"HD 03/HD-TLĐ",
             "quorum":{"numerator":2,"denominator":3},"showOfHandsMajority":{"numerator":1,"denominator":2},
             "minimumSurplus":1,"surplusCapShare":null,"smallCommitteeSurplusCap":null,
             "electionThreshold":{"numerator":1,"denominator":2},"tieRoundThreshold":{"numerator":1,"denominator":2},
             "strikeAllValid":true,"doubleEntry":true,"confidenceReview":{"numerator":1,"denominator":2},
             "confidenceDismissal":{"numerator":2,"denominator":3},"branchAdditionsCap":{"numerator":2,"denominator":3},
             "higherAdditionsCap":{"numerator":1,"denominator":2},"maxTermShiftMonths":30,"sealedBallotMonths":6,
             "confidenceQuorum":{"numerator":2,"denominator":3}}""";

    static final String ELECTION_COUNTED = """
            {"electionId":"e1","round":1,
             "result":{"seats":2,"collected":5,"valid":4,"invalid":1,
               "lines":[{"candidateId":"cand-1","votes":3,"percentOfCollected":"60.00","outcome":"ELECTED"},
                        {"candidateId":"cand-2","votes":2,"percentOfCollected":"40.00","outcome":"BELOW_THRESHOLD"},
                        {"candidateId":"cand-3","votes":1,"percentOfCollected":"20.00","outcome":"BELOW_THRESHOLD"}],
               "electedCandidateIds":["cand-1"],"tiedCandidateIds":[],"tieSeats":0,"vacancies":1},
             "ballots":[
               {"trackingCode":"P0001","keptCandidateIds":[],"invalid":"NOT_ISSUED","paper":true,"ratings":null},
               {"trackingCode":"E1B","keptCandidateIds":["cand-1"],"invalid":null,"paper":false,"ratings":null},
               {"trackingCode":"E1A","keptCandidateIds":["cand-1","cand-2"],"invalid":null,"paper":false,"ratings":null},
               {"trackingCode":"E1C","keptCandidateIds":["cand-1","cand-3"],"invalid":null,"paper":false,"ratings":null},
               {"trackingCode":"P0002","keptCandidateIds":["cand-2"],"invalid":null,"paper":true,"ratings":null}]}""";

    static final String CONFIDENCE_COUNTED = """
            {"electionId":"e2","round":1,
             "result":{"issued":3,"collected":3,"wholeInvalid":1,"lines":[
               {"candidateId":"o-1","valid":2,"invalid":1,"high":0,"confidence":0,"low":2,"percentHigh":"0.00",
                "percentConfidence":"0.00","percentLow":"66.67","review":true,"dismissal":true},
               {"candidateId":"o-2","valid":1,"invalid":2,"high":1,"confidence":0,"low":0,"percentHigh":"33.33",
                "percentConfidence":"0.00","percentLow":"0.00","review":false,"dismissal":false}]},
             "ballots":[
               {"trackingCode":"P0001","keptCandidateIds":[],"invalid":"NOT_ISSUED","paper":true,"ratings":null},
               {"trackingCode":"K1","keptCandidateIds":[],"invalid":null,"paper":false,"ratings":[
                  {"candidateId":"o-1","level":"LOW","invalid":null},{"candidateId":"o-2","level":"HIGH","invalid":null}]},
               {"trackingCode":"K2","keptCandidateIds":[],"invalid":null,"paper":false,"ratings":[
                  {"candidateId":"o-1","level":"LOW","invalid":null},{"candidateId":"o-2","level":null,"invalid":"NO_LEVEL"}]}]}""";

    static BundleBuilder bundle() {
        BundleBuilder b = new BundleBuilder();
        b.event("c1", "vn.daihoi.congress.CongressConvened", "{\"congressId\":\"c1\",\"unitId\":\"unit-9\",\"ordinal\":10,\"profile\":" + PROFILE + "}");
        b.event("e1", "vn.daihoi.election.ElectionOpened", "{\"electionId\":\"e1\",\"congressId\":\"c1\",\"unitId\":\"unit-9\","
                + "\"body\":\"EXECUTIVE_COMMITTEE\",\"title\":\"Ban Chấp hành\",\"seats\":2,\"profile\":" + PROFILE + "}");
        b.event("e1", "vn.daihoi.election.CandidateListApproved",
                "{\"electionId\":\"e1\",\"listDecisionId\":\"d1\",\"noSurplusDecisionId\":null,\"ballotOrder\":[\"cand-1\",\"cand-2\",\"cand-3\"]}");
        b.event("e1", "vn.daihoi.election.RoundOpened", "{\"electionId\":\"e1\",\"round\":1,\"candidateIds\":[\"cand-1\",\"cand-2\",\"cand-3\"],"
                + "\"seats\":2,\"voterDelegateIds\":[\"d1\",\"d2\",\"d3\",\"d4\",\"d5\",\"d6\"],"
                + "\"attendance\":{\"summoned\":6,\"present\":6,\"quorumMet\":true},\"decisionReference\":null}");
        b.event("e1", "vn.daihoi.election.RoundClosed", "{\"electionId\":\"e1\",\"round\":1,\"participantDelegateIds\":[\"d1\",\"d2\",\"d3\"],"
                + "\"electronicBallots\":3,\"paperBallots\":2,\"accounting\":{\"issued\":6,\"collected\":5,\"spoiled\":0,\"notReturned\":1,"
                + "\"paperIssued\":2,\"paperCollected\":2,\"electronicEnabled\":4,\"electronicCollected\":3}}");
        b.event("e1", "vn.daihoi.election.RoundCounted", ELECTION_COUNTED);
        b.checkpoint("round", "e1#1", List.of("e1", "c1"));

        b.event("e2", "vn.daihoi.election.ElectionOpened", "{\"electionId\":\"e2\",\"congressId\":\"c1\",\"unitId\":\"unit-9\","
                + "\"body\":\"CONFIDENCE_VOTE\",\"title\":\"Lấy phiếu tín nhiệm\",\"seats\":2,\"profile\":" + PROFILE + "}");
        b.event("e2", "vn.daihoi.election.RoundOpened", "{\"electionId\":\"e2\",\"round\":1,\"candidateIds\":[\"o-1\",\"o-2\"],"
                + "\"seats\":2,\"voterDelegateIds\":[\"d1\",\"d2\",\"d3\"],\"attendance\":{\"summoned\":3,\"present\":3,\"quorumMet\":true},"
                + "\"decisionReference\":null}");
        b.event("e2", "vn.daihoi.election.RoundClosed", "{\"electionId\":\"e2\",\"round\":1,\"participantDelegateIds\":[\"d1\",\"d2\"],"
                + "\"electronicBallots\":2,\"paperBallots\":1,\"accounting\":{\"issued\":3,\"collected\":3,\"spoiled\":0,\"notReturned\":0,"
                + "\"paperIssued\":1,\"paperCollected\":1,\"electronicEnabled\":2,\"electronicCollected\":2}}");
        b.event("e2", "vn.daihoi.confidence.ConfidenceRoundCounted", CONFIDENCE_COUNTED);
        b.checkpoint("round", "e2#1", List.of("e2", "c1"));

        b.event("e3", "vn.daihoi.election.ElectionOpened", "{\"electionId\":\"e3\",\"congressId\":\"c1\",\"unitId\":\"unit-9\","
                + "\"body\":\"CHAIR\",\"title\":\"Chủ tịch\",\"seats\":1,\"profile\":" + PROFILE + "}");
        b.event("e3", "vn.daihoi.election.RoundOpened", "{\"electionId\":\"e3\",\"round\":1,\"candidateIds\":[\"cand-1\"],\"seats\":1,"
                + "\"voterDelegateIds\":[\"d1\"],\"attendance\":{\"summoned\":1,\"present\":1,\"quorumMet\":true},\"decisionReference\":null}");
        b.event("e3", "vn.daihoi.election.RoundVoided", "{\"electionId\":\"e3\",\"round\":1,\"reason\":\"Mất mảnh khóa\",\"decisionReference\":\"NQ-7\"}");
        b.checkpoint("periodic", "all", List.of("*"));

        b.published("e1", 1, "ELECTION", json(ELECTION_COUNTED));
        b.published("e2", 1, "CONFIDENCE", json(CONFIDENCE_COUNTED));
        return b;
    }

    static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return BundleBuilder.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
