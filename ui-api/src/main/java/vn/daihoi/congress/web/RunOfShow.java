package vn.daihoi.congress.web;

import vn.daihoi.congress.CongressQueries.Dashboard;
import vn.daihoi.congress.CongressQueries.DecisionView;
import vn.daihoi.congress.CongressStatus;
import vn.daihoi.congress.DecisionSubject;
import vn.daihoi.election.ElectionQueries.ElectionView;
import vn.daihoi.election.ElectionQueries.RoundSummary;

import java.util.ArrayList;
import java.util.List;

/**
 * The run-of-show of a congress as its home page lists it: each step done, next, blocked (with the reason in words)
 * or later. It only reads what the projections say happened (the congress dashboard, the elections of the
 * congress); it decides nothing — the commands refuse with the domain's own rule when a step is tried too early, and
 * a blocked step names the same condition the domain checks (R-13 quorum, R-14 counting committee, R-15 decisions
 * in session, the list approved before a round).
 */
public final class RunOfShow {

    private RunOfShow() {}

    public enum State { DONE, NEXT, BLOCKED, LATER }

    /** {@code key}: the step's words ({@code console.congress.step.<key>}); {@code why}: the blocker's words and arguments. */
    public record Step(String key, State state, String why, Object[] args, String link) {
        public Step {
            Object[] three = {"", "", ""};
            if (args != null) System.arraycopy(args, 0, three, 0, Math.min(3, args.length));
            args = three;
        }

        public String css() {
            return switch (state) {
                case DONE -> "status-done";
                case NEXT -> "status-next";
                case BLOCKED -> "status-blocked";
                case LATER -> "";
            };
        }
    }

    /** What a step needs: done or not, and the first thing that blocks it (null: nothing). */
    private record Fact(String key, boolean done, String why, Object[] args, String link) {}

    public static List<Step> of(Dashboard d, List<ElectionView> elections) {
        String id = d.congress().congressId();
        CongressStatus status = d.congress().status();
        boolean cancelled = status == CongressStatus.CANCELLED;
        boolean inSession = status == CongressStatus.IN_SESSION;
        boolean opened = inSession || status == CongressStatus.CLOSED;
        boolean closed = status == CongressStatus.CLOSED;
        Object[] attendance = {d.present(), d.summoned(), d.quorumRule()};
        String roll = "/console/congresses/" + id + "/roll";
        String session = "/console/congresses/" + id + "/session";
        String electionsPage = "/console/congresses/" + id + "/elections";

        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("roll", d.summoned() > 0, null, null, roll));
        facts.add(new Fact("attendance", d.quorumMet() || closed, d.summoned() == 0 ? "no-roll" : "quorum", attendance,
                "/desk/" + id));
        facts.add(new Fact("session", opened, null, null, session));
        String decisionBlocker = !inSession ? "session-not-open" : !d.quorumMet() ? "quorum" : null;
        for (DecisionSubject s : List.of(DecisionSubject.PRESIDIUM, DecisionSubject.SECRETARIAT, DecisionSubject.COUNTING_COMMITTEE,
                DecisionSubject.COMMITTEE_SIZE, DecisionSubject.CANDIDATE_LIST)) {
            facts.add(new Fact("decision." + s.name(), passed(d, s), decisionBlocker, attendance, session));
        }
        boolean anyElection = !elections.isEmpty();
        boolean listsApproved = anyElection && elections.stream().allMatch(ElectionView::listApproved);
        boolean roundsOpened = anyElection && elections.stream().allMatch(e -> !e.rounds().isEmpty());
        boolean roundOpen = elections.stream().flatMap(e -> e.rounds().stream()).map(RoundSummary::status).anyMatch("OPEN"::equals);
        facts.add(new Fact("elections.created", anyElection, inSession ? null : "session-not-open", null, electionsPage));
        facts.add(new Fact("elections.approved", listsApproved,
                !anyElection ? "no-election" : !passed(d, DecisionSubject.CANDIDATE_LIST) ? "no-list-decision" : null, null, electionsPage));
        facts.add(new Fact("elections.opened", roundsOpened,
                !listsApproved ? "list-not-approved" : !passed(d, DecisionSubject.COUNTING_COMMITTEE) ? "no-counting-committee"
                        : !d.quorumMet() ? "quorum" : null, attendance, electionsPage));
        facts.add(new Fact("elections.closed", roundsOpened && !roundOpen, !roundsOpened ? "no-round" : roundOpen ? "round-open" : null,
                null, electionsPage));
        facts.add(new Fact("closed", closed, !inSession ? "session-not-open" : roundOpen ? "round-open" : null, null, session));

        List<Step> steps = new ArrayList<>();
        boolean nextGiven = false;
        for (Fact f : facts) {
            if (f.done()) {
                steps.add(new Step(f.key(), State.DONE, null, null, f.link()));
            } else if (cancelled) {
                steps.add(new Step(f.key(), State.BLOCKED, "cancelled", null, f.link()));
            } else if (f.why() != null) {
                steps.add(new Step(f.key(), State.BLOCKED, f.why(), f.args(), f.link()));
            } else {
                steps.add(new Step(f.key(), nextGiven ? State.LATER : State.NEXT, null, null, f.link()));
                nextGiven = true;
            }
        }
        return steps;
    }

    /** The congress decided this subject by a passed show of hands. */
    static boolean passed(Dashboard d, DecisionSubject subject) {
        return d.decisions().stream().anyMatch(x -> x.subject() == subject && x.passed());
    }

    /** The latest passed decision on a subject, if any. */
    static DecisionView latest(Dashboard d, DecisionSubject subject) {
        DecisionView last = null;
        for (DecisionView x : d.decisions()) if (x.subject() == subject && x.passed()) last = x;
        return last;
    }
}
