package vn.daihoi.election;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.common.Text;
import vn.daihoi.confidence.ConfidenceBallotRules;
import vn.daihoi.confidence.ConfidenceRoundCounted;
import vn.daihoi.confidence.ConfidenceTally;
import vn.daihoi.confidence.ListedOfficial;
import vn.daihoi.confidence.OfficialListed;
import vn.daihoi.confidence.RatingLine;
import vn.daihoi.congress.Attendance;
import vn.daihoi.congress.RuleProfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One election of one body at one congress: its candidates, the approved list, and its numbered
 * ballot rounds with their counts. Ballots themselves never pass through it (ADR 0008). A confidence vote (R-60 to
 * R-64, ADR 0010) is an election of {@link ElectedBody#CONFIDENCE_VOTE}: listed officials instead of nominations,
 * no surplus, its own quorum, rating ballots and its own count; everything else is the same engine.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class ElectionAggregate {

    @AggregateIdentifier
    private String electionId;
    private String congressId;
    private String unitId;
    private ElectedBody body;
    private int seats;
    private RuleProfile profile;
    private final Map<String, Candidate> candidates = new LinkedHashMap<>();
    private final Set<String> withdrawn = new HashSet<>();
    private List<String> approvedOrder;
    private final Map<Integer, Round> rounds = new HashMap<>();
    private final List<String> elected = new ArrayList<>();

    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    static final class Round {
        List<String> candidates;
        int seats;
        Set<String> voters = new HashSet<>();
        boolean closed;
        boolean counted;
        boolean voided;
        Set<String> paperVoters = new HashSet<>();
        int spoiled;
        Integer notReturned;
        /** sheet → member → his current entry */
        Map<Integer, Map<String, PaperBallotEntered>> entries = new java.util.TreeMap<>();

        @Override
        public boolean equals(Object o) {
            return o instanceof Round r && Objects.equals(candidates, r.candidates) && seats == r.seats
                    && voters.equals(r.voters) && closed == r.closed && counted == r.counted && voided == r.voided && paperVoters.equals(r.paperVoters)
                    && spoiled == r.spoiled && Objects.equals(notReturned, r.notReturned) && entries.equals(r.entries);
        }

        @Override
        public int hashCode() {
            return Objects.hash(candidates, seats, voters, closed, counted, paperVoters, spoiled, notReturned, entries);
        }
    }

    protected ElectionAggregate() {
        // for event sourcing
    }

    ElectionAggregate(OpenElectionCommand cmd, String unitId, RuleProfile profile, int seats) {
        if (Text.isBlank(cmd.electionId()) || cmd.body() == null) {
            throw RuleViolation.invalid("missing-field", null, "body", "Thiếu nội dung bầu cử.", "The elected body is required.");
        }
        boolean confidence = cmd.body() == ElectedBody.CONFIDENCE_VOTE;
        if (confidence) {
            checkOfficials(cmd.officials());
        } else if (!cmd.officials().isEmpty()) {
            throw RuleViolation.invalid("officials-only-for-confidence-votes", "R-20", "officials",
                    "Chỉ cuộc lấy phiếu tín nhiệm mới có danh sách người được lấy phiếu; cuộc bầu cử nhận đề cử.",
                    "Only a confidence vote lists officials; an election takes nominations.");
        }
        if (seats < 1 || seats > 200) {
            throw RuleViolation.invalid("invalid-seats", "R-15", "seats", "Số lượng cần bầu phải từ 1 đến 200.", "Seats must be 1 to 200.");
        }
        if (cmd.title() != null && cmd.title().length() > 200) {
            throw RuleViolation.invalid("title-too-long", null, "title", "Tên cuộc bầu cử tối đa 200 ký tự.", "The title is at most 200 characters.");
        }
        String title = !Text.isBlank(cmd.title()) ? cmd.title() : confidence ? cmd.body().vietnamese() : "Bầu " + cmd.body().vietnamese();
        apply(new ElectionOpened(cmd.electionId(), cmd.congressId(), unitId, cmd.body(), title, seats, profile));
        for (ListedOfficial o : cmd.officials()) {
            apply(new OfficialListed(cmd.electionId(), o.candidateId(), o.personId(), o.office()));
        }
    }

    /** a confidence vote names at least one official, each once, each with the office he holds. */
    private static void checkOfficials(List<ListedOfficial> officials) {
        if (officials.isEmpty() || officials.size() > 200) {
            throw RuleViolation.invalid("officials-missing", "R-60", "officials",
                    "Cần danh sách từ 1 đến 200 người được lấy phiếu tín nhiệm.", "A confidence vote lists 1 to 200 officials.");
        }
        Set<String> persons = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (ListedOfficial o : officials) {
            if (o == null || Text.isBlank(o.personId()) || Text.isBlank(o.candidateId()) || !ids.add(o.candidateId())) {
                throw RuleViolation.invalid("missing-field", "R-60", "officials",
                        "Mỗi người được lấy phiếu cần mã người.", "Each listed official needs a person id.");
            }
            if (!persons.add(o.personId())) {
                throw RuleViolation.invalid("official-listed-twice", "R-60", "officials",
                        "Một người có hai lần trong danh sách lấy phiếu tín nhiệm.", "A person is listed twice for the confidence vote.");
            }
            if (Text.isBlank(o.office()) || o.office().length() > 200) {
                throw RuleViolation.invalid("office-missing", "R-60", "officials",
                        "Cần ghi chức vụ (tối đa 200 ký tự) của người được lấy phiếu tín nhiệm.",
                        "Each listed official needs the office he holds (at most 200 characters).");
            }
        }
    }

    private boolean confidence() {
        return body == ElectedBody.CONFIDENCE_VOTE;
    }

    // ---- nominations (R-20, R-21) ---------------------------------------------------------------

    void nominate(NominateCandidateCommand cmd) {
        if (confidence()) {
            throw RuleViolation.conflict("confidence-vote-takes-no-nominations", "R-60", "electionId",
                    "Lấy phiếu tín nhiệm theo danh sách đã lập, không nhận đề cử.", "A confidence vote rates its list; it takes no nominations.");
        }
        if (Text.isBlank(cmd.candidateId()) || candidates.containsKey(cmd.candidateId())) {
            throw RuleViolation.invalid("candidate-id-taken", null, "candidateId", "Mã ứng viên trống hoặc đã dùng.", "The candidate id is empty or taken.");
        }
        if (cmd.source() == null) {
            throw RuleViolation.invalid("missing-field", "R-20", "source", "Cần ghi nguồn giới thiệu.", "The nomination source is required.");
        }
        if (cmd.source() == NominationSource.SELF && Text.isBlank(cmd.applicationReference())) {
            throw RuleViolation.invalid("self-candidacy-needs-application", "R-20", "applicationReference",
                    "Tự ứng cử cần có đơn ứng cử.", "Self-candidacy needs an application.");
        }
        if (candidates.values().stream().anyMatch(c -> c.personId().equals(cmd.personId()) && !withdrawn.contains(c.candidateId()))) {
            throw RuleViolation.conflict("already-a-candidate", "R-20", "personId",
                    "Người này đã có trong danh sách ứng viên.", "This person is already a candidate.");
        }
        if (rounds.size() > 0) {
            throw RuleViolation.conflict("voting-started", "R-28", "electionId",
                    "Đã bắt đầu bỏ phiếu; không nhận thêm đề cử.", "Voting has started; no more nominations.");
        }
        apply(new CandidateNominated(electionId, new Candidate(cmd.candidateId(), cmd.personId(), cmd.source(),
                cmd.nominatedByDelegateId(), cmd.applicationReference())));
        if (approvedOrder != null) {
            apply(new CandidateListApprovalLapsed(electionId, "nomination after approval"));
        }
    }

    @CommandHandler
    public void handle(DecideWithdrawalCommand cmd) {
        Candidate c = candidates.get(cmd.candidateId());
        if (c == null || withdrawn.contains(cmd.candidateId())) {
            throw RuleViolation.notFound("unknown-candidate", "candidateId", "Không có ứng viên này.", "No such candidate.");
        }
        if (Text.isBlank(cmd.decisionReference())) {
            throw RuleViolation.invalid("missing-field", "R-21", "decisionReference",
                    "Cần ghi quyết định của Đoàn Chủ tịch.", "The presidium's decision is required.");
        }
        if (rounds.values().stream().anyMatch(r -> !r.counted)) {
            throw RuleViolation.conflict("round-open", "R-21", "candidateId",
                    "Không rút tên khi vòng bỏ phiếu đang diễn ra.", "No withdrawal while a round is open.");
        }
        apply(new WithdrawalDecided(electionId, cmd.candidateId(), cmd.granted(), cmd.decisionReference()));
        if (cmd.granted() && approvedOrder != null) {
            // R-21, edge case 1: the approved list no longer stands; it stays on record, a new approval is needed.
            apply(new CandidateListApprovalLapsed(electionId, "withdrawal of " + cmd.candidateId()));
        }
    }

    /** the list the congress approved must be the candidates, with the surplus the profile demands. */
    void approveList(ApproveCandidateListCommand cmd, List<String> approvedPersonIds, boolean noSurplusAccepted) {
        List<String> standing = standing();
        Set<String> persons = new HashSet<>();
        standing.forEach(id -> persons.add(candidates.get(id).personId()));
        if (!persons.equals(new HashSet<>(approvedPersonIds)) || approvedPersonIds.size() != standing.size()) {
            throw RuleViolation.conflict("list-does-not-match", "R-15", "listDecisionId",
                    "Danh sách được biểu quyết không khớp với danh sách ứng viên hiện tại.",
                    "The list the congress voted on does not match the current candidates.");
        }
        if (!new HashSet<>(cmd.ballotOrder()).equals(new HashSet<>(standing)) || cmd.ballotOrder().size() != standing.size()) {
            throw RuleViolation.invalid("ballot-order-invalid", "R-24", "ballotOrder",
                    "Thứ tự trên phiếu phải gồm đúng các ứng viên.", "The ballot order must list exactly the candidates.");
        }
        // a confidence vote rates everyone on its list; there is nothing to choose between, so no surplus.
        if (!confidence()) SurplusRule.check(standing.size(), seats, profile, noSurplusAccepted);
        apply(new CandidateListApproved(electionId, cmd.listDecisionId(), cmd.noSurplusDecisionId(), cmd.ballotOrder()));
    }

    // ---- rounds (R-13, R-26 to R-28) -----------------------------------------------------------------

    void openRound(OpenRoundCommand cmd, List<String> voters, Attendance attendance, List<String> countingCommittee, BallotBox box) {
        if (approvedOrder == null) {
            throw RuleViolation.conflict("list-not-approved", "R-15", "electionId",
                    "Danh sách bầu cử chưa được đại hội thông qua.", "The congress has not approved the candidate list.");
        }
        if (rounds.values().stream().anyMatch(r -> !r.counted)) {
            throw RuleViolation.conflict("round-open", "R-28", "round", "Vòng trước chưa kiểm phiếu xong.", "The previous round is not counted yet.");
        }
        if (cmd.round() != rounds.size() + 1) {
            throw RuleViolation.invalid("round-number", "R-28", "round",
                    "Vòng tiếp theo là vòng " + (rounds.size() + 1) + ".", "The next round is round " + (rounds.size() + 1) + ".");
        }
        if (confidence()) {
            // a confidence round has its own quorum setting, over the same voters summoned and present.
            attendance = new Attendance(attendance.summoned(), attendance.present(),
                    attendance.summoned() > 0 && profile.confidenceQuorum().reachedBy(attendance.present(), attendance.summoned()));
        }
        if (!attendance.quorumMet()) {
            throw RuleViolation.conflict("quorum-not-met", confidence() ? "R-61" : "R-13", "attendance",
                    "Không đủ số đại biểu có mặt để bỏ phiếu (" + attendance.present() + "/" + attendance.summoned() + ").",
                    "Quorum not met for voting (" + attendance.present() + "/" + attendance.summoned() + ").");
        }
        int remaining = seats - elected.size();
        List<String> roundCandidates;
        int roundSeats;
        Round voided = rounds.get(cmd.round() - 1);
        boolean repeat = voided != null && voided.voided && (cmd.candidateIds() == null || cmd.candidateIds().isEmpty());
        if (repeat && Text.isBlank(cmd.decisionReference())) {
            throw RuleViolation.invalid("missing-field", "R-28", "decisionReference",
                    "Bầu lại vòng đã huỷ cần quyết định của đại hội.", "Holding a void round again needs the congress's decision.");
        }
        if (cmd.round() == 1) {
            roundCandidates = approvedOrder;
            roundSeats = seats;
        } else if (repeat) {
            // ADR 0017: a round void for lost key shares is held again with the same list and seats.
            roundCandidates = voided.candidates;
            roundSeats = voided.seats;
        } else {
            if (Text.isBlank(cmd.decisionReference())) {
                throw RuleViolation.invalid("missing-field", "R-28", "decisionReference",
                        "Vòng bầu tiếp theo cần quyết định của đại hội.", "A further round needs the congress's decision.");
            }
            roundCandidates = approvedOrder.stream().filter(cmd.candidateIds()::contains).toList();
            if (roundCandidates.size() != cmd.candidateIds().size() || roundCandidates.isEmpty()
                    || roundCandidates.stream().anyMatch(elected::contains)) {
                throw RuleViolation.invalid("round-candidates-invalid", "R-28", "candidateIds",
                        "Ứng viên của vòng này phải thuộc danh sách đã thông qua và chưa trúng cử.",
                        "This round's candidates must be on the approved list and not yet elected.");
            }
            roundSeats = confidence() ? roundCandidates.size() : cmd.seats() == null ? remaining : cmd.seats();
        }
        if (roundSeats < 1 || roundSeats > remaining) {
            throw RuleViolation.invalid("invalid-seats", "R-28", "seats",
                    "Còn " + remaining + " chỗ cần bầu.", remaining + " seats remain to be filled.");
        }
        if (countingCommittee.isEmpty()) {
            throw RuleViolation.conflict("counting-committee-missing", "R-14", "round",
                    "Đại hội chưa bầu Ban kiểm phiếu: hòm phiếu được niêm phong bằng mảnh khoá của các thành viên Ban kiểm phiếu.",
                    "The congress has not elected its counting committee: the ballot box is sealed with its members' key shares.");
        }
        BallotBox.KeyFacts key = box.prepare(electionId, cmd.round(), roundCandidates, roundSeats, profile.strikeAllValid(), confidence(), voters,
                countingCommittee, profile.sharesToOpen(countingCommittee.size()));
        apply(new RoundOpened(electionId, cmd.round(), roundCandidates, roundSeats, voters, attendance, cmd.decisionReference()));
        apply(new BallotBoxPrepared(electionId, cmd.round(), key.fingerprint(), key.publicKey(), key.holders(), key.sharesNeeded()));
    }

    /** ADR 0017: a member of the counting committee takes his key share; the last one seals the box. */
    @CommandHandler
    public KeyShareSlip handle(TakeKeyShareCommand cmd, BallotBox box) {
        Round r = rounds.get(cmd.round());
        if (r == null || r.closed) {
            throw RuleViolation.conflict("round-not-open", "R-23", "round", "Vòng bỏ phiếu không mở.", "The round is not open.");
        }
        BallotBox.ShareSlip slip = box.takeShare(electionId, cmd.round(), cmd.holderPersonId());
        if (slip.rekeyed() != null) {
            BallotBox.KeyFacts k = slip.rekeyed();
            apply(new BallotBoxPrepared(electionId, cmd.round(), k.fingerprint(), k.publicKey(), k.holders(), k.sharesNeeded()));
        }
        apply(new KeyShareTaken(electionId, cmd.round(), cmd.holderPersonId(), slip.index(), slip.fingerprint()));
        if (slip.sealedNow()) apply(new BallotBoxSealed(electionId, cmd.round(), slip.fingerprint()));
        return new KeyShareSlip(slip.holderPersonId(), slip.index(), slip.holders(), slip.sharesNeeded(), slip.fingerprint(), slip.code(),
                slip.sealedNow());
    }

    /**
     * R-28, ADR 0017: too few members can present their shares, and the congress decides the round is void: the box
     * is closed, its ballots destroyed unopened, and the next round holds the vote again.
     */
    @CommandHandler
    public void handle(VoidRoundCommand cmd, BallotBox box) {
        Round r = rounds.get(cmd.round());
        if (r == null || r.closed) {
            throw RuleViolation.conflict("round-not-open", "R-28", "round", "Vòng bỏ phiếu không mở.", "The round is not open.");
        }
        if (Text.isBlank(cmd.reason())) {
            throw RuleViolation.invalid("missing-field", "R-28", "reason", "Cần ghi lý do huỷ vòng bỏ phiếu.", "The reason for voiding the round is required.");
        }
        if (Text.isBlank(cmd.decisionReference())) {
            throw RuleViolation.invalid("missing-field", "R-28", "decisionReference",
                    "Huỷ vòng bỏ phiếu cần quyết định của đại hội.", "Voiding a round needs the congress's decision.");
        }
        int voted = box.discard(electionId, cmd.round());
        apply(new RoundVoided(electionId, cmd.round(), cmd.reason().strip(), cmd.decisionReference().strip(), voted));
    }

    void addLateVoter(AddLateVoterCommand cmd, BallotBox box) {
        Round r = rounds.get(cmd.round());
        if (r == null || r.closed) {
            throw RuleViolation.conflict("round-not-open", "R-13", "round", "Vòng bỏ phiếu không mở.", "The round is not open.");
        }
        if (r.voters.contains(cmd.delegateId())) {
            throw RuleViolation.conflict("already-on-round-roll", "R-13", "delegateId",
                    "Đại biểu đã có trong danh sách cử tri của vòng này.", "The delegate is already on this round's roll.");
        }
        if (Text.isBlank(cmd.decisionReference())) {
            throw RuleViolation.invalid("missing-field", "R-13", "decisionReference",
                    "Cần ghi quyết định của ban tổ chức.", "The organisers' decision is required.");
        }
        box.addVoter(electionId, cmd.round(), cmd.delegateId());
        apply(new LateVoterAdded(electionId, cmd.round(), cmd.delegateId(), cmd.decisionReference()));
    }

    // ---- paper ballots (R-25, R-29) --------------------------------------------------------------------

    private Round openRound(int round) {
        Round r = rounds.get(round);
        if (r == null || r.closed) {
            throw RuleViolation.conflict("round-not-open", "R-29", "round", "Vòng bỏ phiếu không mở.", "The round is not open.");
        }
        return r;
    }

    @CommandHandler
    public void handle(IssuePaperBallotCommand cmd, BallotBox box) {
        Round r = openRound(cmd.round());
        if (!r.voters.contains(cmd.delegateId())) {
            throw RuleViolation.conflict("not-on-round-roll", "R-13", "delegateId",
                    "Đại biểu không có trong danh sách cử tri của vòng này.", "The delegate is not on this round's roll of voters.");
        }
        if (r.paperVoters.contains(cmd.delegateId())) {
            throw RuleViolation.conflict("paper-already-issued", "R-29", "delegateId",
                    "Đại biểu đã nhận phiếu giấy; phiếu hỏng chỉ được đổi lấy phiếu mới.", "A paper ballot was already issued; a spoiled one is only exchanged.");
        }
        box.markPaper(electionId, cmd.round(), cmd.delegateId());
        apply(new PaperBallotIssued(electionId, cmd.round(), cmd.delegateId()));
    }

    @CommandHandler
    public void handle(ReplaceSpoiledPaperBallotCommand cmd) {
        Round r = openRound(cmd.round());
        if (!r.paperVoters.contains(cmd.delegateId())) {
            throw RuleViolation.conflict("no-paper-issued", "R-29", "delegateId",
                    "Đại biểu chưa nhận phiếu giấy nên không có phiếu hỏng để đổi.", "No paper ballot was issued to this delegate.");
        }
        apply(new PaperBallotSpoiled(electionId, cmd.round(), cmd.delegateId()));
    }

    @CommandHandler
    public void handle(EnterPaperBallotCommand cmd) {
        Round r = rounds.get(cmd.round());
        if (r == null || r.counted) {
            throw RuleViolation.conflict("round-not-countable", "R-29", "round", "Vòng này không còn nhận nhập phiếu.", "This round takes no more entries.");
        }
        if (cmd.sheet() < 1 || Text.isBlank(cmd.enteredBy())) {
            throw RuleViolation.invalid("invalid-sheet", "R-29", "sheet", "Số thứ tự phiếu phải từ 1.", "Sheet numbers start at 1.");
        }
        if (confidence()) {
            List<RatingLine> lines = ConfidenceBallotRules.paper(cmd.ratings(), cmd.invalid(), r.candidates);
            if (!cmd.keptCandidateIds().isEmpty()) {
                throw RuleViolation.invalid("invalid-entry", "R-62", "keptCandidateIds",
                        "Phiếu tín nhiệm ghi mức tín nhiệm từng người, không giữ tên.", "A confidence ballot rates each person; it keeps no names.");
            }
            requireNewOrCorrected(r, cmd);
            apply(new PaperBallotEntered(electionId, cmd.round(), cmd.sheet(), cmd.enteredBy(), List.of(), cmd.invalid(),
                    cmd.correctionReason(), lines));
            return;
        }
        if (cmd.ratings() != null) {
            throw RuleViolation.invalid("invalid-entry", "R-25", "ratings",
                    "Phiếu bầu cử giữ tên người được bầu, không ghi mức tín nhiệm.", "An election ballot keeps names; it gives no ratings.");
        }
        if (cmd.invalid() == null) {
            BallotRules.check(cmd.keptCandidateIds(), Set.copyOf(r.candidates), r.seats, profile.strikeAllValid()).ifPresent(reason -> {
                throw RuleViolation.invalid("paper-ballot-is-invalid", "R-25", "invalid",
                        "Phiếu này không hợp lệ (" + reason.vietnamese() + "); hãy nhập là phiếu không hợp lệ với lý do đó.",
                        "This ballot is invalid (" + reason.english() + "); enter it as invalid with that reason.");
            });
        } else if (!cmd.keptCandidateIds().isEmpty() && cmd.invalid() != InvalidReason.TOO_MANY_NAMES) {
            throw RuleViolation.invalid("invalid-entry", "R-25", "keptCandidateIds",
                    "Phiếu không hợp lệ chỉ ghi lý do.", "An invalid ballot is entered with its reason only.");
        }
        requireNewOrCorrected(r, cmd);
        List<String> kept = cmd.invalid() == null ? r.candidates.stream().filter(cmd.keptCandidateIds()::contains).toList() : List.of();
        apply(new PaperBallotEntered(electionId, cmd.round(), cmd.sheet(), cmd.enteredBy(), kept, cmd.invalid(), cmd.correctionReason()));
    }

    /** an entry error is corrected by a recorded correction with its reason, never silently. */
    private static void requireNewOrCorrected(Round r, EnterPaperBallotCommand cmd) {
        PaperBallotEntered previous = r.entries.getOrDefault(cmd.sheet(), Map.of()).get(cmd.enteredBy());
        if (previous != null && Text.isBlank(cmd.correctionReason())) {
            throw RuleViolation.conflict("entry-exists", "R-29", "correctionReason",
                    "Bạn đã nhập phiếu số " + cmd.sheet() + "; sửa thì cần ghi lý do.", "You already entered sheet " + cmd.sheet() + "; a correction needs a reason.");
        }
    }

    @CommandHandler
    public void handle(RecordPaperAccountingCommand cmd) {
        openRound(cmd.round());
        if (cmd.notReturned() < 0) {
            throw RuleViolation.invalid("invalid-count", "R-29", "notReturned", "Số phiếu không thu về không được âm.", "The count cannot be negative.");
        }
        apply(new PaperAccountingRecorded(electionId, cmd.round(), cmd.notReturned()));
    }

    /** the agreed paper ballots, or a refusal naming the sheets whose two entries differ or are missing. */
    private List<PublishedBallot> agreedPaper(Round r) {
        List<PublishedBallot> out = new ArrayList<>();
        List<Integer> unsettled = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, PaperBallotEntered>> sheet : r.entries.entrySet()) {
            List<PaperBallotEntered> entries = new ArrayList<>(sheet.getValue().values());
            PaperBallotEntered first = entries.get(0);
            boolean agree = entries.stream().allMatch(e -> e.keptCandidateIds().equals(first.keptCandidateIds()) && e.invalid() == first.invalid()
                    && Objects.equals(e.ratings(), first.ratings()));
            if (!agree || (profile.doubleEntry() && entries.size() < 2)) {
                unsettled.add(sheet.getKey());
                continue;
            }
            out.add(new PublishedBallot("P%04d".formatted(sheet.getKey()), first.keptCandidateIds(), first.invalid(), true, first.ratings()));
        }
        if (!unsettled.isEmpty()) {
            throw RuleViolation.conflict("paper-entries-unsettled", "R-29", "sheet",
                    "Các phiếu giấy số " + unsettled + " chưa được hai thành viên nhập khớp nhau.",
                    "Paper sheets " + unsettled + " lack two matching entries.");
        }
        return out;
    }

    @CommandHandler
    public void handle(CloseRoundCommand cmd, BallotBox box) {
        Round r = rounds.get(cmd.round());
        if (r == null || r.closed) {
            throw RuleViolation.conflict("round-not-open", "R-29", "round", "Vòng bỏ phiếu không mở.", "The round is not open.");
        }
        List<PublishedBallot> paper = agreedPaper(r);
        int paperIssued = r.paperVoters.size() + r.spoiled;
        if (!r.paperVoters.isEmpty() || !paper.isEmpty()) {
            if (r.notReturned == null || paperIssued != paper.size() + r.spoiled + r.notReturned) {
                throw RuleViolation.conflict("paper-accounting-unbalanced", "R-29", "notReturned",
                        "Phiếu giấy chưa cân đối: phát ra " + paperIssued + " ≠ thu về " + paper.size() + " + hỏng " + r.spoiled
                                + " + không thu về " + (r.notReturned == null ? "?" : r.notReturned) + ".",
                        "Paper ballots do not balance: issued " + paperIssued + " ≠ collected " + paper.size() + " + spoiled "
                                + r.spoiled + " + not returned " + (r.notReturned == null ? "?" : r.notReturned) + ".");
            }
        }
        BallotBox.Closed closed = box.close(electionId, cmd.round(), cmd.shares());
        if (!closed.presentedBy().isEmpty()) apply(new BallotBoxOpened(electionId, cmd.round(), closed.presentedBy()));
        List<PublishedBallot> all = new ArrayList<>(closed.ballots());
        all.addAll(paper);
        all.sort(PublishedBallot.CONTENT_ORDER);
        int electronicEnabled = closed.rollSize() - r.paperVoters.size();
        int notReturned = (r.notReturned == null ? 0 : r.notReturned) + electronicEnabled - closed.participants().size();
        BallotAccounting accounting = new BallotAccounting(closed.rollSize() + r.spoiled, all.size(), r.spoiled, notReturned,
                paperIssued, paper.size(), electronicEnabled, closed.ballots().size());
        apply(new RoundClosed(electionId, cmd.round(), closed.participants(), closed.ballots().size(), paper.size(), accounting));
        if (confidence()) {
            // one count per listed person, flags by the profile's shares of ballots collected.
            List<ConfidenceTally.Ballot> rated = all.stream()
                    .map(b -> b.invalid() != null ? ConfidenceTally.Ballot.notIssued() : ConfidenceTally.Ballot.of(b.ratings())).toList();
            apply(new ConfidenceRoundCounted(electionId, cmd.round(),
                    ConfidenceTally.count(r.candidates, accounting.issued(), rated, profile.confidenceReview(), profile.confidenceDismissal()), all));
            return;
        }
        List<vn.daihoi.election.Tally.Ballot> ballots = all.stream()
                .map(b -> b.invalid() != null ? Tally.Ballot.invalid(b.invalid()) : Tally.Ballot.valid(Set.copyOf(b.keptCandidateIds())))
                .toList();
        boolean tieRound = cmd.round() > 1 && !r.candidates.containsAll(approvedOrder);
        RoundResult result = Tally.count(r.candidates, r.seats, ballots, tieRound ? profile.tieRoundThreshold() : profile.electionThreshold());
        apply(new RoundCounted(electionId, cmd.round(), result, all));
    }

    private List<String> standing() {
        return candidates.keySet().stream().filter(id -> !withdrawn.contains(id)).toList();
    }

    public String congressId() {
        return congressId;
    }

    /** What other aggregates may read of an election: its body, its unit, its seats and whom it elected so far. */
    public record Facts(String electionId, String congressId, String unitId, ElectedBody body, int seats,
                        List<String> electedPersonIds, boolean roundOpen) {}

    public Facts facts() {
        return new Facts(electionId, congressId, unitId, body, seats,
                elected.stream().map(id -> candidates.get(id).personId()).toList(),
                rounds.values().stream().anyMatch(r -> !r.counted));
    }

    // ---- state --------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(ElectionOpened e) {
        electionId = e.electionId();
        congressId = e.congressId();
        unitId = e.unitId();
        body = e.body();
        seats = e.seats();
        profile = e.profile();
    }

    @EventSourcingHandler
    void on(OfficialListed e) {
        candidates.put(e.candidateId(), new Candidate(e.candidateId(), e.personId(), null, null, null));
    }

    @EventSourcingHandler
    void on(ConfidenceRoundCounted e) {
        rounds.get(e.round()).counted = true;
    }

    @EventSourcingHandler
    void on(CandidateNominated e) {
        candidates.put(e.candidate().candidateId(), e.candidate());
    }

    @EventSourcingHandler
    void on(WithdrawalDecided e) {
        if (e.granted()) withdrawn.add(e.candidateId());
    }

    @EventSourcingHandler
    void on(CandidateListApproved e) {
        approvedOrder = e.ballotOrder();
    }

    @EventSourcingHandler
    void on(CandidateListApprovalLapsed e) {
        approvedOrder = null;
    }

    @EventSourcingHandler
    void on(RoundOpened e) {
        Round r = new Round();
        r.candidates = e.candidateIds();
        r.seats = e.seats();
        r.voters.addAll(e.voterDelegateIds());
        rounds.put(e.round(), r);
    }

    @EventSourcingHandler
    void on(LateVoterAdded e) {
        rounds.get(e.round()).voters.add(e.delegateId());
    }

    @EventSourcingHandler
    void on(PaperBallotIssued e) {
        rounds.get(e.round()).paperVoters.add(e.delegateId());
    }

    @EventSourcingHandler
    void on(PaperBallotSpoiled e) {
        rounds.get(e.round()).spoiled++;
    }

    @EventSourcingHandler
    void on(PaperBallotEntered e) {
        rounds.get(e.round()).entries.computeIfAbsent(e.sheet(), k -> new LinkedHashMap<>()).put(e.enteredBy(), e);
    }

    @EventSourcingHandler
    void on(PaperAccountingRecorded e) {
        rounds.get(e.round()).notReturned = e.notReturned();
    }

    @EventSourcingHandler
    void on(RoundVoided e) {
        Round r = rounds.get(e.round());
        r.closed = true;
        r.counted = true; // done: the next round may open
        r.voided = true;
    }

    @EventSourcingHandler
    void on(RoundClosed e) {
        rounds.get(e.round()).closed = true;
    }

    @EventSourcingHandler
    void on(RoundCounted e) {
        rounds.get(e.round()).counted = true;
        elected.addAll(e.result().electedCandidateIds());
    }
}
