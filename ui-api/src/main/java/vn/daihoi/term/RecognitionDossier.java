package vn.daihoi.term;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import vn.daihoi.congress.CongressQueries;
import vn.daihoi.congress.DecisionSubject;
import vn.daihoi.election.CountingMinutes;
import vn.daihoi.election.ElectionQueries;
import vn.daihoi.infra.pdf.PdfDocumentBuilder;
import vn.daihoi.organisation.Decision;
import vn.daihoi.organisation.UnitQueries;
import vn.daihoi.term.TermQueries.HoldingView;
import vn.daihoi.term.TermQueries.LeadershipView;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * the recognition dossier — the member list with offices, and for every election named in the
 * submission (the congress's and the first meeting's) the counting minutes of each counted round, built by
 * {@link CountingMinutes} so the numbers are those of the minutes themselves.
 */
@Component
public class RecognitionDossier {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final QueryGateway queries;
    private final CountingMinutes minutes;

    public RecognitionDossier(QueryGateway queries, CountingMinutes minutes) {
        this.queries = queries;
        this.minutes = minutes;
    }

    public record Member(String personId, String fullName, List<String> offices, List<String> officesVi) {}

    public record ElectionSummary(String electionId, String title, String assembly, List<CountingMinutes.Minutes> rounds) {}

    public record Dossier(String leadershipId, String unitId, String unitName, String term, Integer congressOrdinal,
                          String congressOrdinalRoman, int seats, LeadershipStatus status, boolean imported,
                          TermQueries.Recognition recognition, List<Member> members, List<ElectionSummary> congressElections,
                          List<ElectionSummary> firstMeetingElections, CountingMinutes.Seal checkpoint,
                          CountingMinutes.Issuer issuer, java.time.LocalDate congressDate, List<String> presidium) {}

    public Dossier of(LeadershipView l) {
        UnitQueries.UnitWithAncestors unit = queries.query(new UnitQueries.UnitAsOf(l.unitId(),
                java.time.LocalDate.of(l.term().startYear(), 12, 31)), UnitQueries.UnitWithAncestors.class).join();
        Map<String, Member> members = new LinkedHashMap<>();
        List<HoldingView> all = new ArrayList<>();
        for (List<HoldingView> group : List.of(l.chair(), l.viceChairs(), l.standing(), l.committee(), l.inspectionChair(),
                l.inspectionViceChairs(), l.inspection())) all.addAll(group);
        Map<String, HoldingStart> assembly = new LinkedHashMap<>();
        for (HoldingView h : all) {
            Member m = members.computeIfAbsent(h.personId(), p -> new Member(p, h.fullName(), new ArrayList<>(), new ArrayList<>()));
            if (!m.offices().contains(h.office().name())) {
                m.offices().add(h.office().name());
                m.officesVi().add(h.office().vietnamese());
            }
            if (h.electionId() != null) assembly.putIfAbsent(h.electionId(), h.began());
        }
        List<ElectionSummary> congress = new ArrayList<>();
        List<ElectionSummary> firstMeeting = new ArrayList<>();
        for (String electionId : l.electionIds()) {
            ElectionSummary s = summary(electionId, assembly.get(electionId));
            if (s == null) continue;
            (assembly.get(electionId) == HoldingStart.ELECTED_AT_FIRST_MEETING ? firstMeeting : congress).add(s);
        }
        CongressQueries.Dashboard held = l.congressId() == null ? null : queries.query(new CongressQueries.DashboardOf(l.congressId()),
                ResponseTypes.optionalInstanceOf(CongressQueries.Dashboard.class)).join().orElse(null);
        return new Dossier(l.leadershipId(), l.unitId(), unit.unit() == null ? "" : unit.unit().name(), l.term().label(),
                l.congressOrdinal(), l.congressOrdinalRoman(), l.seats(), l.status(), l.imported(), l.recognition(),
                new ArrayList<>(members.values()), congress, firstMeeting, minutes.termSeal(l.leadershipId()),
                CountingMinutes.issuer(unit), held == null ? l.congressDate() : held.congress().date(), presidium(held));
    }

    /** the congress's presidium, as its decision names them; they sign the dossier the congress sends up. */
    private List<String> presidium(CongressQueries.Dashboard congress) {
        if (congress == null) return List.of();
        return congress.decisions().stream()
                .filter(x -> x.subject() == DecisionSubject.PRESIDIUM && x.passed())
                .reduce((a, b) -> b).map(x -> x.personIds().stream().map(minutes::name).toList()).orElse(List.of());
    }

    private ElectionSummary summary(String electionId, HoldingStart began) {
        var view = queries.query(new ElectionQueries.ElectionOf(electionId), ResponseTypes.optionalInstanceOf(ElectionQueries.ElectionView.class))
                .join().orElse(null);
        if (view == null) return null;
        List<CountingMinutes.Minutes> rounds = new ArrayList<>();
        for (ElectionQueries.RoundSummary r : view.rounds()) {
            if ("COUNTED".equals(r.status())) rounds.add(minutes.of(electionId, r.round()));
        }
        return new ElectionSummary(electionId, view.title(),
                began == HoldingStart.ELECTED_AT_FIRST_MEETING ? "FIRST_MEETING" : "CONGRESS", rounds);
    }

    public byte[] pdf(Dossier d) {
        PdfDocumentBuilder pdf = new PdfDocumentBuilder("Hồ sơ đề nghị công nhận Ban Chấp hành — " + d.unitName() + " — nhiệm kỳ " + d.term());
        // ADR 0022: the unit's letterhead; the date is the congress's, the business date the dossier reports on.
        CountingMinutes.Issuer issuer = d.issuer() == null ? new CountingMinutes.Issuer("", d.unitName(), "") : d.issuer();
        pdf.letterhead(new PdfDocumentBuilder.Letterhead(issuer.superior(), issuer.unit(), "Số:         /HS-CĐ",
                d.congressDate() == null ? "" : PdfDocumentBuilder.placeAndDate(issuer.place(), d.congressDate())));
        pdf.title("HỒ SƠ ĐỀ NGHỊ CÔNG NHẬN BAN CHẤP HÀNH", d.unitName() + ", nhiệm kỳ " + d.term());
        if (d.congressOrdinalRoman() != null) pdf.paragraph("Đại hội lần thứ " + d.congressOrdinalRoman() + ".");
        pdf.keyValue("Số lượng Ban Chấp hành", Integer.toString(d.seats()));
        pdf.keyValue("Tình trạng", switch (d.status()) {
            case SUBMITTED -> "Chờ công nhận";
            case RECOGNISED -> "Đã công nhận";
            case REFUSED -> "Không công nhận";
            case IMPORTED -> "Nhập từ quyết định trước đây";
            case PROVISIONAL -> "Ban Chấp hành lâm thời";
        });
        if (d.recognition() != null) {
            Decision dec = d.recognition().decision();
            pdf.keyValue("Quyết định công nhận", dec.number() + (dec.signedOn() == null ? "" : " ngày " + DATE.format(dec.signedOn()))
                    + (dec.issuedBy() == null ? "" : ", " + dec.issuedBy()));
            pdf.keyValue("Ngày nhận nhiệm vụ", DATE.format(d.recognition().recognisedOn()));
        }
        // ADR 0018: the term's signed checkpoint is made at recognition; before it, each round's minutes below carry theirs.
        if (d.checkpoint() != null || d.recognition() != null) CountingMinutes.seal(pdf, d.checkpoint());
        List<List<String>> rows = new ArrayList<>();
        int i = 0;
        for (Member m : d.members()) {
            rows.add(List.of(Integer.toString(++i), m.fullName() == null ? "" : m.fullName(), String.join(", ", m.officesVi())));
        }
        pdf.heading("DANH SÁCH BAN CHẤP HÀNH VÀ CÁC CHỨC DANH");
        // R-14, ADR 0022: the congress's presidium signs under the list, which never leaves them alone on a page.
        pdf.table(List.of("TT", "Họ và tên", "Chức vụ"), rows, 2, end -> end.signatures(
                List.of(issuer.superior().isBlank() ? "Cấp trên trực tiếp (để công nhận);" : issuer.superior() + " (để công nhận);", "Lưu: VT."),
                List.of(new PdfDocumentBuilder.Signer("TM. Đoàn Chủ tịch đại hội",
                        d.presidium().isEmpty() ? List.of("") : d.presidium()))));
        // Each set of minutes follows as the copy it is, on its own pages under its own letterhead; its opening names the
        // assembly (the congress, or the committee's first meeting).
        for (ElectionSummary e : d.congressElections()) section(pdf, e);
        for (ElectionSummary e : d.firstMeetingElections()) section(pdf, e);
        return pdf.toBytes();
    }

    private void section(PdfDocumentBuilder pdf, ElectionSummary e) {
        for (CountingMinutes.Minutes m : e.rounds()) {
            pdf.pageBreak();
            minutes.appendTo(pdf, m);
        }
    }
}
