package vn.daihoi.election;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import vn.daihoi.audit.Checkpoints;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.congress.CongressQueries;
import vn.daihoi.congress.DecisionSubject;
import vn.daihoi.election.ElectionQueries.CandidateView;
import vn.daihoi.election.ElectionQueries.ElectionView;
import vn.daihoi.election.ElectionQueries.RoundView;
import vn.daihoi.infra.EventStoreConfiguration;
import vn.daihoi.infra.pdf.PdfDocumentBuilder;
import vn.daihoi.organisation.UnitQueries;
import vn.daihoi.person.PersonQueries;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static vn.daihoi.person.PersonQueries.displayName;

/**
 * the counting minutes (biên bản kiểm phiếu) of a counted round, as data and as a Vietnamese PDF built
 * from the same data, so both show the same numbers and the percentages exactly as the count computed them.
 */
@Component
public class CountingMinutes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút', 'ngày' dd/MM/yyyy")
            .withZone(EventStoreConfiguration.VIETNAM);

    private final QueryGateway queries;
    private final Checkpoints checkpoints;

    public CountingMinutes(QueryGateway queries, Checkpoints checkpoints) {
        this.queries = queries;
        this.checkpoints = checkpoints;
    }

    /**
     * ADR 0018: the signed checkpoint of a counted round, as printed: its fingerprint and key id; null while the
     * checkpoint is not made yet (it follows the count within seconds).
     */
    public record Seal(String fingerprint, String keyId) {}

    public Seal seal(String electionId, int round) {
        return checkpoints.round(electionId, round).map(c -> new Seal(c.fingerprint(), c.keyId())).orElse(null);
    }

    public Seal termSeal(String leadershipId) {
        return checkpoints.term(leadershipId).map(c -> new Seal(c.fingerprint(), c.keyId())).orElse(null);
    }

    /** The checkpoint's line of a document (ADR 0018), Vietnamese first. */
    public static void seal(PdfDocumentBuilder pdf, Seal seal) {
        if (seal == null) {
            pdf.keyValue("Dấu kiểm chứng (checkpoint fingerprint)",
                    "chưa lập — sẽ có trong giây lát sau khi kiểm phiếu (not made yet; it follows the count within seconds)");
        } else {
            pdf.keyValue("Dấu kiểm chứng (checkpoint fingerprint)", seal.fingerprint());
            pdf.keyValue("Khóa ký của liên đoàn (federation key)", seal.keyId());
        }
        pdf.paragraph("Kiểm chứng độc lập: ai có quyền xem đại hội tải gói hồ sơ (GET /api/congresses/{mã đại hội}/bundle) và chạy "
                + "\"java -jar verifier.jar goi-ho-so.zip\": công cụ, không dùng chung mã với hệ thống, kiểm lại chuỗi sự kiện và chữ ký, "
                + "đếm lại từng vòng từ các lá phiếu đã công bố và in dấu kiểm chứng để so với dấu in trên biên bản này. "
                + "Independent check: download the congress bundle and run \"java -jar verifier.jar bundle.zip\"; it checks the chain "
                + "and the signatures, recounts every round from the published ballots and prints the fingerprint to compare with "
                + "the one printed here (docs/bundle.md).");
    }

    public record CandidateLine(String fullName, NominationSource source, int votes, String percentOfCollected, Outcome outcome) {}

    public record Minutes(String unitName, String congressTitle, String term, String venue, String electionTitle, int round,
                          Instant openedAt, Instant closedAt, List<String> countingCommittee, int delegatesSummoned,
                          int delegatesPresent, int voters, int seats, int candidates, Map<NominationSource, Integer> candidatesBySource,
                          int ballotsIssued, int ballotsCollected, int ballotsValid, int ballotsInvalid, int ballotsSpoiled,
                          int ballotsNotReturned, int electronic, int paper, List<CandidateLine> lines, List<String> elected,
                          List<String> tiedForLastSeat, int vacancies, Seal checkpoint, Issuer issuer) {}

    /**
     * ADR 0022: who issues a document of the unit, as its letterhead prints it: the body above the unit, the unit,
     * and the place of its date line (the province of the federation it belongs to).
     */
    public record Issuer(String superior, String unit, String place) {}

    public Minutes of(String electionId, int round) {
        ElectionView e = queries.query(new ElectionQueries.ElectionOf(electionId), ResponseTypes.optionalInstanceOf(ElectionView.class))
                .join().orElseThrow();
        RoundView r = queries.query(new ElectionQueries.RoundOf(electionId, round), ResponseTypes.optionalInstanceOf(RoundView.class))
                .join().orElseThrow(() -> RuleViolation.notFound("unknown-round", "round"));
        if (e.body() == ElectedBody.CONFIDENCE_VOTE) {
            throw RuleViolation.conflict("confidence-vote-minutes", "R-63", "electionId");
        }
        if (!"COUNTED".equals(r.status())) {
            throw RuleViolation.conflict("round-not-counted", "R-30", "round").variant("minutes");
        }
        Setting s = setting(e);
        Map<NominationSource, Integer> bySource = new EnumMap<>(NominationSource.class);
        List<CandidateView> standing = e.candidates().stream().filter(c -> r.candidateIds().contains(c.candidateId())).toList();
        standing.forEach(c -> bySource.merge(c.source(), 1, Integer::sum));
        List<CandidateLine> lines = new ArrayList<>();
        for (ElectionQueries.ResultLine l : r.lines()) {
            CandidateView c = standing.stream().filter(x -> x.candidateId().equals(l.candidateId())).findFirst().orElseThrow();
            lines.add(new CandidateLine(displayName(l.fullName()), c.source(), l.votes(), l.percentOfCollected(), l.outcome()));
        }
        List<String> elected = r.lines().stream().filter(l -> l.outcome() == Outcome.ELECTED).map(l -> displayName(l.fullName())).toList();
        List<String> tied = r.lines().stream().filter(l -> l.outcome() == Outcome.TIED_FOR_LAST_SEAT).map(l -> displayName(l.fullName())).toList();
        return new Minutes(s.unitName(), s.congressTitle(), s.term(), s.venue(), e.title(), round,
                r.openedAt(), r.closedAt(), s.countingCommittee(), r.summoned(), r.present(), r.voters(), r.seats(), standing.size(), bySource,
                nz(r.issued()), nz(r.collected()), nz(r.valid()), nz(r.invalid()), nz(r.spoiled()), nz(r.notReturned()),
                nz(r.electronic()), nz(r.paper()), lines, elected, tied, nz(r.vacancies()), seal(electionId, round), s.issuer());
    }

    /** Where and under which rules a vote took place, as every minutes and ballot paper of the engine state it. */
    public record Setting(String unitName, String congressTitle, String term, String venue, List<String> countingCommittee,
                          String profileId, Issuer issuer) {}

    public Setting setting(ElectionView e) {
        CongressQueries.Dashboard d = queries.query(new CongressQueries.DashboardOf(e.congressId()),
                ResponseTypes.optionalInstanceOf(CongressQueries.Dashboard.class)).join().orElseThrow();
        UnitQueries.UnitWithAncestors unit = queries.query(new UnitQueries.UnitAsOf(e.unitId(), d.congress().date()),
                UnitQueries.UnitWithAncestors.class).join();
        List<String> committee = d.decisions().stream()
                .filter(x -> x.subject() == DecisionSubject.COUNTING_COMMITTEE && x.passed())
                .reduce((a, b) -> b).map(x -> x.personIds().stream().map(this::name).toList()).orElse(List.of());
        return new Setting(unit.unit() == null ? "" : unit.unit().name(), d.congress().name(),
                d.congress().term().label(), d.congress().venue(), committee, d.congress().profileId(), issuer(unit));
    }

    /** ADR 0022: the unit under the body above it; the place is the province of the federation over them. */
    public static Issuer issuer(UnitQueries.UnitWithAncestors unit) {
        String name = unit.unit() == null ? "" : unit.unit().name();
        String superior = unit.ancestors() == null || unit.ancestors().isEmpty() ? "" : unit.ancestors().get(0).name();
        String place = "";
        List<UnitQueries.UnitView> chain = new ArrayList<>();
        if (unit.unit() != null) chain.add(unit.unit());
        if (unit.ancestors() != null) chain.addAll(unit.ancestors());
        for (UnitQueries.UnitView u : chain) {
            if (u.kind() == vn.daihoi.organisation.UnitKind.PROVINCIAL_FEDERATION) {
                place = province(u.name());
                break;
            }
        }
        return new Issuer(superior, name, place);
    }

    /** "Liên đoàn Lao động tỉnh Sóc Trăng" → "Sóc Trăng"; a name without "tỉnh" or "thành phố" gives no place. */
    static String province(String federation) {
        String lower = federation.toLowerCase(java.util.Locale.forLanguageTag("vi"));
        for (String word : List.of("tỉnh ", "thành phố ")) {
            int at = lower.lastIndexOf(word);
            if (at >= 0) return federation.substring(at + word.length()).trim();
        }
        return "";
    }

    /** The date line of a document: the place and the day of {@code at} in Vietnam (Decree 30/2020/NĐ-CP). */
    public static String placeAndDate(Issuer issuer, Instant at) {
        return at == null ? "" : PdfDocumentBuilder.placeAndDate(issuer == null ? "" : issuer.place(),
                at.atZone(EventStoreConfiguration.VIETNAM).toLocalDate());
    }

    /** The opening of every set of minutes: what, where, when, who counted, and the voters of the round. */
    public static PdfDocumentBuilder opening(String heading, String title, int round, Setting s, Instant openedAt, Instant closedAt,
                                             int summoned, int present, int voters) {
        PdfDocumentBuilder pdf = new PdfDocumentBuilder(heading.charAt(0) + heading.substring(1).toLowerCase(java.util.Locale.forLanguageTag("vi"))
                + " — " + title + " — vòng " + round);
        opening(pdf, heading, title, round, s, openedAt, closedAt, summoned, present, voters);
        return pdf;
    }

    /**
     * The same opening as a section of a larger document (the recognition dossier, R-03). ADR 0022: the letterhead of
     * the unit, and every time printed is the round's own, as its events carry it: the date line is the day the
     * count ended, never the day of printing. The number is left for the secretariat to fill in when it registers
     * the minutes.
     */
    public static void opening(PdfDocumentBuilder pdf, String heading, String title, int round, Setting s, Instant openedAt,
                               Instant closedAt, int summoned, int present, int voters) {
        Issuer issuer = s.issuer() == null ? new Issuer("", s.unitName(), "") : s.issuer();
        pdf.letterhead(new PdfDocumentBuilder.Letterhead(issuer.superior(), issuer.unit(), "Số:         /BB-BKP",
                placeAndDate(issuer, closedAt != null ? closedAt : openedAt)));
        pdf.title(heading, title + " — vòng " + round);
        pdf.paragraph(s.congressTitle() + " " + s.unitName() + ", nhiệm kỳ " + s.term() + ".");
        pdf.keyValue("Địa điểm", s.venue());
        pdf.keyValue("Mở hòm phiếu", openedAt == null ? "" : TIME.format(openedAt));
        pdf.keyValue("Kết thúc kiểm phiếu", closedAt == null ? "" : TIME.format(closedAt));
        pdf.keyValue("Ban kiểm phiếu", String.join(", ", s.countingCommittee()));
        pdf.keyValue("Đại biểu triệu tập", Integer.toString(summoned));
        pdf.keyValue("Đại biểu có mặt", Integer.toString(present));
        pdf.keyValue("Đại biểu tham gia bỏ phiếu (danh sách cử tri)", Integer.toString(voters));
    }

    /**
     * The close of every set of minutes: each member of the counting committee signs under his role, as the
     * congress's counting-committee decision names them: the first named chairs it (trưởng ban), at the right
     * where the one who signs for the body stands; the others sign as members.
     */
    public static void signatures(PdfDocumentBuilder pdf, List<String> countingCommittee) {
        List<PdfDocumentBuilder.Signer> signers = new ArrayList<>();
        if (countingCommittee.size() > 1) {
            signers.add(new PdfDocumentBuilder.Signer("Các thành viên Ban kiểm phiếu", countingCommittee.subList(1, countingCommittee.size())));
        }
        signers.add(new PdfDocumentBuilder.Signer("Trưởng Ban kiểm phiếu",
                countingCommittee.isEmpty() ? List.of("") : List.of(countingCommittee.get(0))));
        pdf.signatures(null, signers);
    }

    public String name(String personId) {
        return queries.query(new PersonQueries.PersonById(personId), ResponseTypes.optionalInstanceOf(PersonQueries.PersonView.class))
                .join().map(p -> displayName(p.fullName())).orElse("");
    }

    private static int nz(Integer i) {
        return i == null ? 0 : i;
    }

    private static String source(NominationSource s) {
        return switch (s) {
            case OUTGOING_COMMITTEE -> "BCH khóa trước giới thiệu";
            case DELEGATE -> "Đại biểu đề cử";
            case SELF -> "Tự ứng cử";
        };
    }

    private static String outcome(Outcome o) {
        return switch (o) {
            case ELECTED -> "Trúng cử";
            case TIED_FOR_LAST_SEAT -> "Bằng phiếu — bầu lại";
            case NO_SEAT_LEFT -> "Không trúng cử (đủ số lượng)";
            case BELOW_THRESHOLD -> "Không trúng cử (không quá 1/2)";
        };
    }

    /**
     * the round's paper ballots, one per page: the candidates in ballot order, how to strike, how many to
     * keep at most, and the box for the counting committee's stamp (a ballot without it is invalid, R-25). A
     * confidence vote's ballot lists each official with his office and a box per level instead.
     */
    public byte[] ballotPapers(String electionId, int round, int copies) {
        ElectionView e = queries.query(new ElectionQueries.ElectionOf(electionId), ResponseTypes.optionalInstanceOf(ElectionView.class))
                .join().orElseThrow();
        RoundView r = queries.query(new ElectionQueries.RoundOf(electionId, round), ResponseTypes.optionalInstanceOf(RoundView.class))
                .join().orElseThrow(() -> RuleViolation.notFound("unknown-round", "round"));
        Setting s = setting(e);
        boolean rating = e.body() == ElectedBody.CONFIDENCE_VOTE;
        List<List<String>> names = new ArrayList<>();
        int i = 0;
        for (String id : r.candidateIds()) {
            CandidateView c = e.candidates().stream().filter(x -> x.candidateId().equals(id)).findFirst().orElseThrow();
            String n = Integer.toString(++i);
            names.add(rating ? List.of(n, displayName(c.fullName()), c.office() == null ? "" : c.office(), "", "", "")
                    : List.of(n, displayName(c.fullName())));
        }
        PdfDocumentBuilder pdf = new PdfDocumentBuilder((rating ? "Phiếu lấy phiếu tín nhiệm — " : "Phiếu bầu — ") + e.title() + " — vòng " + round);
        for (int copy = 0; copy < copies; copy++) {
            if (copy > 0) pdf.pageBreak();
            // ADR 0022: the unit's letterhead; a ballot paper has no number and no date line.
            pdf.letterhead(new PdfDocumentBuilder.Letterhead(s.issuer().superior(), s.issuer().unit(), "", ""));
            pdf.title(rating ? "PHIẾU LẤY PHIẾU TÍN NHIỆM" : "PHIẾU BẦU CỬ", e.title() + " — vòng " + round);
            pdf.paragraph(s.congressTitle() + " " + s.unitName() + ", nhiệm kỳ " + s.term() + ".");
            pdf.paragraph(rating
                    ? "Với mỗi người, đánh dấu (X) vào đúng một ô. Dòng không đánh dấu, đánh dấu nhiều ô hoặc gạch tên thì "
                            + "không hợp lệ. Không ghi thêm tên, không đánh dấu khác."
                    : "Giữ lại tên người mình bầu, gạch ngang tên người không bầu. Giữ lại không quá " + r.seats()
                            + " người. Không ghi thêm tên, không đánh dấu khác.");
            pdf.table(rating ? List.of("TT", "Họ và tên", "Chức vụ", "Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp")
                    : List.of("TT", "Họ và tên"), names);
            pdf.keyValue("Dấu của Ban kiểm phiếu", "");
        }
        return pdf.toBytes();
    }

    public byte[] pdf(Minutes m) {
        PdfDocumentBuilder pdf = new PdfDocumentBuilder("Biên bản kiểm phiếu — " + m.electionTitle() + " — vòng " + m.round());
        appendTo(pdf, m);
        return pdf.toBytes();
    }

    /** The minutes as a section of a larger document (the recognition dossier, R-03). */
    public void appendTo(PdfDocumentBuilder pdf, Minutes m) {
        opening(pdf, "BIÊN BẢN KIỂM PHIẾU", m.electionTitle(), m.round(),
                new Setting(m.unitName(), m.congressTitle(), m.term(), m.venue(), m.countingCommittee(), null, m.issuer()),
                m.openedAt(), m.closedAt(), m.delegatesSummoned(), m.delegatesPresent(), m.voters());
        pdf.keyValue("Số lượng cần bầu", Integer.toString(m.seats()));
        StringBuilder sources = new StringBuilder();
        m.candidatesBySource().forEach((s, n) -> sources.append(sources.length() == 0 ? "" : "; ").append(source(s)).append(": ").append(n));
        pdf.keyValue("Số ứng cử viên", m.candidates() + " (" + sources + ")");
        pdf.keyValue("Số phiếu phát ra", Integer.toString(m.ballotsIssued()));
        pdf.keyValue("Số phiếu thu về", m.ballotsCollected() + " (điện tử " + m.electronic() + ", giấy " + m.paper() + ")");
        pdf.keyValue("Số phiếu hợp lệ", Integer.toString(m.ballotsValid()));
        pdf.keyValue("Số phiếu không hợp lệ", Integer.toString(m.ballotsInvalid()));
        pdf.keyValue("Số phiếu hỏng đã đổi", Integer.toString(m.ballotsSpoiled()));
        pdf.keyValue("Số phiếu không thu về", Integer.toString(m.ballotsNotReturned()));
        // The checkpoint is a fact of the count, stated before the results, so that the block kept with the
        // signatures stays short (ADR 0022).
        seal(pdf, m.checkpoint());
        List<List<String>> rows = new ArrayList<>();
        int i = 0;
        for (CandidateLine l : m.lines()) {
            rows.add(List.of(Integer.toString(++i), l.fullName(), source(l.source()), Integer.toString(l.votes()),
                    l.percentOfCollected().replace('.', ',') + " %", outcome(l.outcome())));
        }
        // ADR 0022: the last two result lines, the outcome and the signatures stay on one page.
        pdf.table(List.of("TT", "Họ và tên", "Nguồn", "Số phiếu", "Tỷ lệ", "Kết quả"), rows, 2, end -> {
            end.keyValue("Trúng cử", m.elected().isEmpty() ? "Không có" : String.join(", ", m.elected()));
            if (!m.tiedForLastSeat().isEmpty()) end.keyValue("Bằng phiếu, cần bầu lại", String.join(", ", m.tiedForLastSeat()));
            if (m.vacancies() > 0) end.keyValue("Số chỗ còn trống", Integer.toString(m.vacancies()));
            end.note("Tỷ lệ phần trăm tính trên tổng số phiếu thu về, làm tròn đến hai chữ số thập phân.");
            signatures(end, m.countingCommittee());
        });
    }
}
