package vn.daihoi.confidence;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.confidence.ConfidenceQueries.PersonResult;
import vn.daihoi.confidence.ConfidenceQueries.Results;
import vn.daihoi.congress.RuleProfile;
import vn.daihoi.congress.RuleProfiles;
import vn.daihoi.election.CountingMinutes.Setting;
import vn.daihoi.election.CountingMinutes;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectionQueries.ElectionView;
import vn.daihoi.election.ElectionQueries.RoundView;
import vn.daihoi.election.ElectionQueries;
import vn.daihoi.infra.pdf.PdfDocumentBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The minutes of a counted confidence round (R-63, R-64; as R-30 for elections): data and a Vietnamese PDF built
 * from the same data, so both show the numbers and percentages exactly as the count computed them.
 */
@Component
public class ConfidenceMinutes {

    private final QueryGateway queries;
    private final CountingMinutes counting;

    public ConfidenceMinutes(QueryGateway queries, CountingMinutes counting) {
        this.queries = queries;
        this.counting = counting;
    }

    /**
     * @param reviewRule    R-64 as the congress's profile sets it, e.g. "&gt; 1/2"
     * @param dismissalRule R-64, e.g. "≥ 2/3"
     */
    public record Minutes(String unitName, String congressTitle, String term, String venue, String title, int round,
                          Instant openedAt, Instant closedAt, List<String> countingCommittee, int delegatesSummoned,
                          int delegatesPresent, int voters, int officials, int ballotsIssued, int ballotsCollected,
                          int ballotsWhollyInvalid, int ballotsSpoiled, int ballotsNotReturned, int electronic, int paper,
                          String reviewRule, String dismissalRule, List<PersonResult> people,
                          List<String> flaggedForReview, List<String> flaggedForDismissal, CountingMinutes.Seal checkpoint,
                          CountingMinutes.Issuer issuer) {}

    public ElectionView vote(String electionId) {
        return queries.query(new ElectionQueries.ElectionOf(electionId), ResponseTypes.optionalInstanceOf(ElectionView.class)).join()
                .filter(e -> e.body() == ElectedBody.CONFIDENCE_VOTE)
                .orElseThrow(ConfidenceMinutes::unknown);
    }

    public RoundView round(String electionId, int round) {
        return queries.query(new ElectionQueries.RoundOf(electionId, round), ResponseTypes.optionalInstanceOf(RoundView.class)).join()
                .orElseThrow(() -> RuleViolation.notFound("unknown-round", "round"));
    }

    /** the counted results; refused while the round is open, which has only its turnout to show. */
    public Results results(String electionId, int round) {
        return queries.query(new ConfidenceQueries.ResultsOf(electionId, round), ResponseTypes.optionalInstanceOf(Results.class)).join()
                .orElseThrow(() -> RuleViolation.conflict("round-not-counted", "R-63", "round").variant("results"));
    }

    public Minutes of(String electionId, int round) {
        ElectionView e = vote(electionId);
        RoundView r = round(electionId, round);
        Results res = results(electionId, round);
        Setting s = counting.setting(e);
        RuleProfile profile = RuleProfiles.byId(s.profileId()).orElse(RuleProfiles.UNION_DEFAULT);
        List<PersonResult> people = res.people().stream()
                .map(p -> new PersonResult(p.position(), p.candidateId(), p.personId(), vn.daihoi.person.PersonQueries.displayName(p.fullName()), p.office(),
                        p.issued(), p.collected(), p.valid(), p.invalid(), p.high(), p.confidence(), p.low(), p.percentHigh(),
                        p.percentConfidence(), p.percentLow(), p.flaggedForReview(), p.flaggedForDismissal())).toList();
        return new Minutes(s.unitName(), s.congressTitle(), s.term(), s.venue(), e.title(), round, r.openedAt(), r.closedAt(),
                s.countingCommittee(), r.summoned(), r.present(), r.voters(), people.size(), res.issued(), res.collected(),
                res.wholeInvalid(), nz(r.spoiled()), nz(r.notReturned()), nz(r.electronic()), nz(r.paper()),
                "> " + profile.confidenceReview(), "≥ " + profile.confidenceDismissal(), people,
                // dismissal includes review — the review list names those flagged for dismissal too.
                ConfidenceQueries.flaggedForReview(people).stream().map(PersonResult::fullName).toList(),
                ConfidenceQueries.flaggedForDismissal(people).stream().map(PersonResult::fullName).toList(),
                counting.seal(electionId, round), s.issuer());
    }

    private static int nz(Integer i) {
        return i == null ? 0 : i;
    }

    private static String percent(String p) {
        return p.replace('.', ',') + " %";
    }

    public byte[] pdf(Minutes m) {
        PdfDocumentBuilder pdf = CountingMinutes.opening("BIÊN BẢN KIỂM PHIẾU LẤY PHIẾU TÍN NHIỆM", m.title(), m.round(),
                new Setting(m.unitName(), m.congressTitle(), m.term(), m.venue(), m.countingCommittee(), null, m.issuer()),
                m.openedAt(), m.closedAt(), m.delegatesSummoned(), m.delegatesPresent(), m.voters());
        pdf.keyValue("Số người được lấy phiếu tín nhiệm", Integer.toString(m.officials()));
        pdf.keyValue("Số phiếu phát ra", Integer.toString(m.ballotsIssued()));
        pdf.keyValue("Số phiếu thu về", m.ballotsCollected() + " (điện tử " + m.electronic() + ", giấy " + m.paper() + ")");
        pdf.keyValue("Số phiếu không hợp lệ cả phiếu", Integer.toString(m.ballotsWhollyInvalid()));
        pdf.keyValue("Số phiếu hỏng đã đổi", Integer.toString(m.ballotsSpoiled()));
        pdf.keyValue("Số phiếu không thu về", Integer.toString(m.ballotsNotReturned()));
        CountingMinutes.seal(pdf, m.checkpoint()); // before the results, as in the election minutes (ADR 0022)
        List<List<String>> rows = new ArrayList<>();
        for (PersonResult p : m.people()) {
            rows.add(List.of(Integer.toString(p.position()), p.fullName(), p.office() == null ? "" : p.office(),
                    Integer.toString(p.valid()), Integer.toString(p.invalid()),
                    p.high() + " (" + percent(p.percentHigh()) + ")", p.confidence() + " (" + percent(p.percentConfidence()) + ")",
                    p.low() + " (" + percent(p.percentLow()) + ")", flag(p)));
        }
        // ADR 0022: the last two result lines, the flags and the signatures stay on one page.
        pdf.table(List.of("TT", "Họ và tên", "Chức vụ", "Dòng hợp lệ", "Dòng không hợp lệ", "Tín nhiệm cao", "Tín nhiệm",
                "Tín nhiệm thấp", "Ghi chú"), rows, 2, end -> {
            end.keyValue("Đề nghị xem xét (tín nhiệm thấp " + m.reviewRule() + " số phiếu thu về)",
                    m.flaggedForReview().isEmpty() ? "Không có" : String.join(", ", m.flaggedForReview()));
            end.keyValue("Đề nghị xem xét miễn nhiệm (tín nhiệm thấp " + m.dismissalRule() + " số phiếu thu về)",
                    m.flaggedForDismissal().isEmpty() ? "Không có" : String.join(", ", m.flaggedForDismissal()));
            end.note("Tỷ lệ phần trăm tính trên tổng số phiếu thu về (kể cả phiếu không hợp lệ), làm tròn đến hai chữ số thập phân. "
                    + "Hệ thống chỉ nêu kết quả; việc xem xét do cấp có thẩm quyền quyết định.");
            CountingMinutes.signatures(end, m.countingCommittee());
        });
        return pdf.toBytes();
    }

    private static String flag(PersonResult p) {
        if (p.flaggedForDismissal()) return "Xem xét miễn nhiệm";
        if (p.flaggedForReview()) return "Xem xét";
        return "";
    }

    public static RuleViolation unknown() {
        return RuleViolation.notFound("unknown-confidence-vote", "electionId");
    }
}
