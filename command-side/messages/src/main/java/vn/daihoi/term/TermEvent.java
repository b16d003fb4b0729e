package vn.daihoi.term;

/** Every fact about one unit's leadership for one term; stored forever, so shapes only grow through {@code @Revision}. */
public sealed interface TermEvent permits LeadershipSubmitted, LeadershipRecognised, LeadershipRecognitionRefused,
        LeadershipImported, ProvisionalCommitteeAppointed, OfficesEnded, OfficeFilled, ExtraordinaryCongressApproved {
    String leadershipId();

    String unitId();
}
