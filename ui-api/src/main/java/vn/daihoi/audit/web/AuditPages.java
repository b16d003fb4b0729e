package vn.daihoi.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.daihoi.account.Access;
import vn.daihoi.account.AccessDenied;
import vn.daihoi.account.Caller;
import vn.daihoi.account.Role;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.confidence.ConfidenceVoteController;
import vn.daihoi.congress.CongressController;
import vn.daihoi.congress.CongressProjection;
import vn.daihoi.congress.CongressQueries.CongressSummary;
import vn.daihoi.congress.CongressQueries.Dashboard;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectionProjection;
import vn.daihoi.election.ElectionQueries.ElectionOf;
import vn.daihoi.election.ElectionQueries.ElectionView;
import vn.daihoi.election.ElectionQueries.RoundSummary;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.organisation.Decision;
import vn.daihoi.organisation.UnitController;
import vn.daihoi.organisation.UnitQueries.TreeNode;
import vn.daihoi.organisation.UnitQueries.UnitWithAncestors;
import vn.daihoi.term.TermController;
import vn.daihoi.term.TermController.SeasonView;
import vn.daihoi.term.TermQueries.HoldingView;
import vn.daihoi.term.TermQueries.LeadershipView;
import vn.daihoi.term.TermQueries.PersonOffices;
import vn.daihoi.term.Office;
import vn.daihoi.web.FormText;
import vn.daihoi.web.WebPage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /audit/…}: the federation's auditor, at a desktop, months or years later, looking for evidence. Everything
 * here reads through the API's own query methods (which check that the caller may read the unit: an auditor of a
 * unit or of one above it, an organiser, an administrator) and nothing here changes anything: every route is a GET,
 * every form a GET (a date, a term), and every list has its CSV twin. Dates are calendar dates in Vietnam,
 * today by default.
 */
@Controller
@WebPage
public class AuditPages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Access access;
    private final UnitController units;
    private final TermController terms;
    private final CongressController congressApi;
    private final CongressProjection congresses;
    private final ElectionProjection elections;
    private final ConfidenceVoteController confidence;
    private final Clock clock;

    public AuditPages(Access access, UnitController units, TermController terms, CongressController congressApi,
                      CongressProjection congresses, ElectionProjection elections, ConfidenceVoteController confidence, Clock clock) {
        this.access = access;
        this.units = units;
        this.terms = terms;
        this.congressApi = congressApi;
        this.congresses = congresses;
        this.elections = elections;
        this.confidence = confidence;
        this.clock = clock;
    }

    /** A counted round as evidence: where its results page and its minutes are. */
    public record RoundLink(int round, String results, String minutes) {}

    public record ElectionEvidence(String electionId, String title, ElectedBody body, List<RoundLink> rounds) {}

    /** One office held, in a term's order (chair first), with the evidence of its start. */
    public record Holding(HoldingView view, List<RoundLink> rounds) {}

    /** One term of a unit on the timeline, with the evidence behind it. */
    public record TermEntry(LeadershipView term, List<Holding> holdings, CongressSummary congress,
                            List<ElectionEvidence> elections, String dossier) {}

    public record ConfidenceRow(String unitName, String congressId, String congressTitle, String electionId, String title,
                                int round, String minutes, ConfidenceVoteController.RoundResults results) {}

    public record Root(String unitId, String name, String code, String role) {}

    @ModelAttribute("en")
    boolean english(HttpServletRequest request) {
        return "en".equals(RequestContextUtils.getLocale(request).getLanguage());
    }

    // ---- index ------------------------------------------------------------------------------------------

    @GetMapping("/audit")
    public String index(Model model) {
        Caller c = access.caller();
        List<Root> roots = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Role role : List.of(Role.AUDITOR, Role.ORGANISER)) {
            for (String unitId : c.scopes(role)) {
                if (!seen.add(unitId)) continue;
                unitToday(unitId).ifPresent(u -> roots.add(new Root(unitId, u.unit().name(), u.unit().code(), role.name())));
            }
        }
        if (roots.isEmpty() && !c.isAdmin()) throw new AccessDenied();
        model.addAttribute("roots", roots);
        model.addAttribute("term", currentTerm());
        return "audit/index";
    }

    // ---- the tree on a date -----------------------------------------------------------------------------

    @GetMapping("/audit/units/{unitId}")
    public String tree(@PathVariable String unitId, @RequestParam(name = "on", required = false) String on, Model model) {
        String id = id(unitId);
        access.requireReaderOf(id);
        LocalDate day = day(on);
        model.addAttribute("unitId", id);
        model.addAttribute("on", day);
        model.addAttribute("forest", units.tree(day, id));
        model.addAttribute("term", currentTerm());
        return "audit/tree";
    }

    @GetMapping("/audit/units/{unitId}/tree.csv")
    public ResponseEntity<byte[]> treeCsv(@PathVariable String unitId, @RequestParam(name = "on", required = false) String on) {
        String id = id(unitId);
        access.requireReaderOf(id);
        LocalDate day = day(on);
        Csv csv = new Csv("ngay", "cap_do", "ma", "ten", "loai", "ma_don_vi_cap_tren", "hieu_luc_tu");
        for (TreeNode n : units.tree(day, id)) treeRows(csv, n, null, 0, day);
        return csv.download("cay-don-vi-" + day + ".csv");
    }

    private static void treeRows(Csv csv, TreeNode n, String parentCode, int depth, LocalDate day) {
        csv.row(day, depth, n.unit().code(), n.unit().name(), n.unit().kind().vietnamese(), parentCode, n.unit().validFrom());
        n.children().forEach(c -> treeRows(csv, c, n.unit().code(), depth + 1, day));
    }

    // ---- a unit's terms as a timeline -------------------------------------------------------------------

    @GetMapping("/audit/units/{unitId}/terms")
    public String terms(@PathVariable String unitId, Model model) {
        String id = id(unitId);
        access.requireReaderOf(id);
        model.addAttribute("unitId", id);
        model.addAttribute("unitName", unitName(id));
        model.addAttribute("entries", entries(id));
        model.addAttribute("today", LocalDate.now(clock));
        return "audit/terms";
    }

    @GetMapping("/audit/units/{unitId}/terms.csv")
    public ResponseEntity<byte[]> termsCsv(@PathVariable String unitId) {
        String id = id(unitId);
        access.requireReaderOf(id);
        Csv csv = new Csv("nhiem_ky", "trang_thai", "nhap_tu_quyet_dinh", "dai_hoi_lan", "chuc_vu", "ho_ten", "tu_ngay", "cach_bat_dau",
                "quyet_dinh_bat_dau", "den_ngay", "cach_ket_thuc", "quyet_dinh_ket_thuc", "ngay_cong_nhan", "quyet_dinh_cong_nhan");
        for (TermEntry e : entries(id)) {
            LeadershipView l = e.term();
            for (Holding h : e.holdings()) {
                HoldingView v = h.view();
                csv.row(l.term().label(), l.status(), l.imported() ? "1" : "0", l.congressOrdinalRoman(), v.office().vietnamese(), v.fullName(),
                        v.startedOn(), v.began() == null ? "" : v.began().vietnamese(), decision(v.startDecision()), v.endedOn(),
                        v.ended() == null ? "" : v.ended().vietnamese(), decision(v.endDecision()),
                        l.recognition() == null ? "" : l.recognition().recognisedOn(), l.recognition() == null ? "" : decision(l.recognition().decision()));
            }
        }
        return csv.download("nhiem-ky-" + codeOf(id) + ".csv");
    }

    private List<TermEntry> entries(String unitId) {
        List<LeadershipView> all = new ArrayList<>(terms.terms(unitId).terms());
        all.sort(Comparator.comparing((LeadershipView l) -> l.term().startYear()).thenComparing(l -> l.congressDate() == null ? LocalDate.MIN : l.congressDate()));
        List<TermEntry> out = new ArrayList<>();
        for (LeadershipView l : all) {
            Map<String, ElectionEvidence> evidence = new HashMap<>();
            List<ElectionEvidence> shown = new ArrayList<>();
            for (String e : l.electionIds()) evidenceOf(e).ifPresent(x -> { evidence.put(e, x); shown.add(x); });
            List<Holding> holdings = new ArrayList<>();
            for (HoldingView h : holdings(l)) {
                List<RoundLink> rounds = List.of();
                if (h.electionId() != null) {
                    ElectionEvidence x = evidence.computeIfAbsent(h.electionId(), k -> evidenceOf(k).orElse(null));
                    if (x != null) rounds = x.rounds();
                }
                holdings.add(new Holding(h, rounds));
            }
            CongressSummary congress = l.congressId() == null ? null : congresses.summary(l.congressId()).orElse(null);
            String dossier = l.imported() ? null : "/audit/terms/" + l.leadershipId() + "/dossier.pdf";
            out.add(new TermEntry(l, holdings, congress, shown, dossier));
        }
        return out;
    }

    private static List<HoldingView> holdings(LeadershipView l) {
        List<HoldingView> all = new ArrayList<>();
        for (List<HoldingView> group : List.of(l.chair(), l.viceChairs(), l.standing(), l.committee(), l.inspectionChair(),
                l.inspectionViceChairs(), l.inspection())) all.addAll(group);
        return all;
    }

    private Optional<ElectionEvidence> evidenceOf(String electionId) {
        return elections.election(new ElectionOf(electionId)).map(e -> {
            List<RoundLink> rounds = new ArrayList<>();
            for (RoundSummary r : e.rounds()) {
                if (!"COUNTED".equals(r.status())) continue;
                String base = "/results/elections/" + e.electionId() + "/rounds/" + r.round();
                rounds.add(new RoundLink(r.round(), base, base + "/minutes.pdf"));
            }
            return new ElectionEvidence(e.electionId(), e.title(), e.body(), rounds);
        });
    }

    @GetMapping("/audit/terms/{leadershipId}/dossier.pdf")
    public ResponseEntity<byte[]> dossier(@PathVariable String leadershipId) {
        String id = FormText.line(leadershipId, Limits.ID);
        if (id == null || id.isBlank()) throw RuleViolation.notFound("unknown-term", "leadershipId");
        return terms.dossierPdf(id);
    }

    // ---- a congress as evidence -------------------------------------------------------------------------

    @GetMapping("/audit/congresses/{congressId}")
    public String congress(@PathVariable String congressId, Model model) {
        String id = FormText.line(congressId, Limits.ID);
        if (id == null || id.isBlank()) throw RuleViolation.notFound("unknown-congress", "congressId");
        access.requireReaderOfCongress(id);
        Dashboard d = congressApi.dashboard(id);
        model.addAttribute("dashboard", d);
        model.addAttribute("unitName", unitName(d.congress().unitId()));
        List<ElectionEvidence> list = new ArrayList<>();
        for (String e : elections.electionsOf(id)) evidenceOf(e).ifPresent(list::add);
        model.addAttribute("elections", list);
        return "audit/congress";
    }

    // ---- who held an office on a date -------------------------------------------------------------------

    @GetMapping("/audit/units/{unitId}/holders")
    public String holders(@PathVariable String unitId, @RequestParam(name = "on", required = false) String on, Model model) {
        String id = id(unitId);
        access.requireReaderOf(id);
        LocalDate day = day(on);
        model.addAttribute("unitId", id);
        model.addAttribute("unitName", unitName(id));
        model.addAttribute("on", day);
        model.addAttribute("holders", ranked(terms.holders(id, day).holdings()));
        return "audit/holders";
    }

    @GetMapping("/audit/units/{unitId}/holders.csv")
    public ResponseEntity<byte[]> holdersCsv(@PathVariable String unitId, @RequestParam(name = "on", required = false) String on) {
        String id = id(unitId);
        access.requireReaderOf(id);
        LocalDate day = day(on);
        Csv csv = new Csv("ngay", "chuc_vu", "ho_ten", "nhiem_ky", "tu_ngay", "cach_bat_dau", "quyet_dinh_bat_dau");
        for (HoldingView h : ranked(terms.holders(id, day).holdings())) {
            csv.row(day, h.office().vietnamese(), h.fullName(), h.term().label(), h.startedOn(), h.began() == null ? "" : h.began().vietnamese(),
                    decision(h.startDecision()));
        }
        return csv.download("nguoi-giu-chuc-vu-" + codeOf(id) + "-" + day + ".csv");
    }

    /** Office holders as a committee lists them: the chair first, then vice-chairs, standing, members, inspection. */
    private static List<HoldingView> ranked(List<HoldingView> holdings) {
        List<Office> order = List.of(Office.CHAIR, Office.VICE_CHAIR, Office.STANDING_MEMBER, Office.COMMITTEE_MEMBER,
                Office.INSPECTION_CHAIR, Office.INSPECTION_VICE_CHAIR, Office.INSPECTION_MEMBER);
        List<HoldingView> sorted = new ArrayList<>(holdings);
        sorted.sort(Comparator.comparingInt((HoldingView h) -> order.indexOf(h.office())));
        return sorted;
    }

    // ---- a person's offices -----------------------------------------------------------------------------

    @GetMapping("/audit/people/{personId}")
    public String person(@PathVariable String personId, Model model) {
        PersonOffices p = terms.personOffices(person(personId));
        model.addAttribute("person", p);
        model.addAttribute("unitNames", unitNames(p));
        return "audit/person";
    }

    @GetMapping("/audit/people/{personId}.csv")
    public ResponseEntity<byte[]> personCsv(@PathVariable String personId) {
        PersonOffices p = terms.personOffices(person(personId));
        Map<String, String> names = unitNames(p);
        Csv csv = new Csv("ho_ten", "don_vi", "nhiem_ky", "chuc_vu", "tu_ngay", "cach_bat_dau", "quyet_dinh_bat_dau", "den_ngay",
                "cach_ket_thuc", "quyet_dinh_ket_thuc");
        for (HoldingView h : p.holdings()) {
            csv.row(p.fullName(), names.get(h.unitId()), h.term().label(), h.office().vietnamese(), h.startedOn(),
                    h.began() == null ? "" : h.began().vietnamese(), decision(h.startDecision()), h.endedOn(),
                    h.ended() == null ? "" : h.ended().vietnamese(), decision(h.endDecision()));
        }
        return csv.download("chuc-vu-" + p.personId() + ".csv");
    }

    private Map<String, String> unitNames(PersonOffices p) {
        Map<String, String> names = new HashMap<>();
        p.holdings().forEach(h -> names.computeIfAbsent(h.unitId(), this::unitName));
        return names;
    }

    // ---- the congress season ----------------------------------------------------------------------------

    @GetMapping("/audit/units/{unitId}/season")
    public String season(@PathVariable String unitId, @RequestParam(name = "term", required = false) String term,
                         @RequestParam(name = "on", required = false) String on, Model model) {
        String id = id(unitId);
        access.requireReaderOf(id);
        int start = term(term);
        LocalDate day = day(on);
        model.addAttribute("unitId", id);
        model.addAttribute("unitName", unitName(id));
        model.addAttribute("season", terms.season(id, start, day));
        model.addAttribute("on", day);
        return "audit/season";
    }

    @GetMapping("/audit/units/{unitId}/season.csv")
    public ResponseEntity<byte[]> seasonCsv(@PathVariable String unitId, @RequestParam(name = "term", required = false) String term,
                                            @RequestParam(name = "on", required = false) String on) {
        String id = id(unitId);
        access.requireReaderOf(id);
        SeasonView s = terms.season(id, term(term), day(on));
        Csv csv = new Csv("nhiem_ky", "ngay", "ma", "ten", "trang_thai_dai_hoi", "da_to_chuc", "da_cong_nhan", "ngay_cong_nhan",
                "qua_han", "ly_do_qua_han", "han_dai_hoi", "han_cong_nhan");
        for (TermController.SeasonUnit u : s.units()) {
            csv.row(s.term().label(), s.asOf(), u.unitCode(), u.unitName(), u.congressStatus(), u.held() ? "1" : "0", u.recognised() ? "1" : "0",
                    u.recognisedOn(), u.overdue() ? "1" : "0", String.join(" ", u.overdueReasons()),
                    s.deadline() == null ? "" : s.deadline().congressBy(), s.deadline() == null ? "" : s.deadline().recognitionBy());
        }
        return csv.download("mua-dai-hoi-" + codeOf(id) + "-" + s.term().startYear() + ".csv");
    }

    // ---- confidence votes -------------------------------------------------------------------------------

    @GetMapping("/audit/units/{unitId}/confidence")
    public String confidence(@PathVariable String unitId, Model model) {
        String id = id(unitId);
        access.requireReaderOf(id);
        model.addAttribute("unitId", id);
        model.addAttribute("unitName", unitName(id));
        model.addAttribute("votes", confidenceRows(id));
        return "audit/confidence";
    }

    @GetMapping("/audit/units/{unitId}/confidence.csv")
    public ResponseEntity<byte[]> confidenceCsv(@PathVariable String unitId) {
        String id = id(unitId);
        access.requireReaderOf(id);
        Csv csv = new Csv("don_vi", "dai_hoi", "lay_phieu", "vong", "ho_ten", "chuc_vu", "phieu_phat_ra", "phieu_thu_vao", "tin_nhiem_cao",
                "tin_nhiem", "tin_nhiem_thap", "ty_le_cao", "ty_le_tin_nhiem", "ty_le_thap", "can_xem_xet", "de_nghi_mien_nhiem");
        for (ConfidenceRow r : confidenceRows(id)) {
            for (var p : r.results().people()) {
                csv.row(r.unitName(), r.congressTitle(), r.title(), r.round(), p.fullName(), p.office(), p.issued(), p.collected(), p.high(),
                        p.confidence(), p.low(), p.percentHigh(), p.percentConfidence(), p.percentLow(), p.flaggedForReview() ? "1" : "0",
                        p.flaggedForDismissal() ? "1" : "0");
            }
        }
        return csv.download("tin-nhiem-" + codeOf(id) + ".csv");
    }

    /** The counted confidence rounds held at the congresses and meetings of every unit under the federation. */
    private List<ConfidenceRow> confidenceRows(String unitId) {
        List<String> subtree = new ArrayList<>();
        units.tree(LocalDate.now(clock), unitId).forEach(n -> collect(n, subtree));
        List<ConfidenceRow> rows = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (CongressSummary c : congresses.latestOf(subtree, List.of(), false)) {
            for (String e : elections.electionsOf(c.congressId())) {
                ElectionView v = elections.election(new ElectionOf(e)).orElse(null);
                if (v == null || v.body() != ElectedBody.CONFIDENCE_VOTE) continue;
                for (RoundSummary r : v.rounds()) {
                    if (!"COUNTED".equals(r.status())) continue;
                    rows.add(new ConfidenceRow(names.computeIfAbsent(c.unitId(), this::unitName), c.congressId(), c.title(), e, v.title(),
                            r.round(), "/results/elections/" + e + "/rounds/" + r.round() + "/minutes.pdf", confidence.results(e, r.round())));
                }
            }
        }
        return rows;
    }

    private static void collect(TreeNode n, List<String> out) {
        out.add(n.unit().unitId());
        n.children().forEach(c -> collect(c, out));
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private Optional<UnitWithAncestors> unitToday(String unitId) {
        try {
            UnitWithAncestors u = units.unit(unitId, null);
            return Optional.ofNullable(u.unit() == null ? null : u);
        } catch (RuleViolation e) {
            return Optional.empty();
        }
    }

    /** The unit's name today, or its code from its history once it has ended. */
    private String unitName(String unitId) {
        return unitToday(unitId).map(u -> u.unit().name()).orElseGet(() -> codeOf(unitId));
    }

    private String codeOf(String unitId) {
        return units.history(unitId).code();
    }

    private static String decision(Decision d) {
        if (d == null) return "";
        return d.number() + (d.signedOn() == null ? "" : " ngày " + DAY.format(d.signedOn())) + (d.issuedBy() == null ? "" : " — " + d.issuedBy());
    }

    /** The term whose five years include today: 2023–2028 until 2028 (R-02's regular cycle). */
    private int currentTerm() {
        int year = LocalDate.now(clock).getYear();
        return 2023 + Math.floorDiv(year - 2023, 5) * 5;
    }

    private int term(String value) {
        if (value != null) {
            try {
                int t = Integer.parseInt(value.strip());
                if (t >= 1900 && t <= 2200) return t;
            } catch (NumberFormatException e) {
                // the current term instead
            }
        }
        return currentTerm();
    }

    private LocalDate day(String on) {
        if (on != null && !on.isBlank()) {
            try {
                return LocalDate.parse(on.strip());
            } catch (DateTimeParseException e) {
                // today instead
            }
        }
        return LocalDate.now(clock);
    }

    private static String person(String value) {
        String id = FormText.line(value, Limits.ID);
        if (id == null || id.isBlank()) throw RuleViolation.notFound("unknown-person", "personId");
        return id;
    }

    private static String id(String value) {
        String id = FormText.line(value, Limits.ID);
        if (id == null || id.isBlank()) throw RuleViolation.notFound("unknown-unit", "unitId", value).variant("named");
        return id;
    }
}
