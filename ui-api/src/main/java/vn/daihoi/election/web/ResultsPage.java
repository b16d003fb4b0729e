package vn.daihoi.election.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.daihoi.account.Caller;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.confidence.ConfidenceMinutes;
import vn.daihoi.confidence.ConfidenceQueries.PersonResult;
import vn.daihoi.election.CountingMinutes;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectionAccess;
import vn.daihoi.election.ElectionController;
import vn.daihoi.election.ElectionProjection;
import vn.daihoi.election.ElectionQueries.ElectionOf;
import vn.daihoi.election.ElectionQueries.ElectionView;
import vn.daihoi.election.ElectionQueries.RoundView;
import vn.daihoi.election.PublishedBallot;
import vn.daihoi.confidence.RatingLine;
import vn.daihoi.web.FormText;
import vn.daihoi.web.WebPage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A counted round's results: counts and percentages of ballots collected, who is elected, the
 * vacancies or tie round, and every published ballot beside its tracking code, so that a delegate finds his own.
 * The congress's delegates and staff read it with their session; anyone reads it under the public link the
 * organisers published. Never an open round's interim results: the page refuses until the count.
 * Finding a tracking code is a form post (or the page's script filtering the list): a code in a URL would sit in
 * access logs beside the reader's address, linking him to the ballot's content.
 */
@Controller
@WebPage
public class ResultsPage {

    private final ElectionAccess rights;
    private final ElectionProjection elections;
    private final ElectionController api;
    private final CountingMinutes minutes;
    private final ConfidenceMinutes confidenceMinutes;
    private final ObjectMapper json;

    public ResultsPage(ElectionAccess rights, ElectionProjection elections, ElectionController api, CountingMinutes minutes,
                       ConfidenceMinutes confidenceMinutes, ObjectMapper json) {
        this.rights = rights;
        this.elections = elections;
        this.api = api;
        this.minutes = minutes;
        this.confidenceMinutes = confidenceMinutes;
        this.json = json;
    }

    /** One published ballot as the page shows it: kept names, or each person's level, or why it is invalid. */
    public record BallotRow(String trackingCode, boolean paper, String invalid, List<String> kept, List<String> levels) {}

    record Counted(ElectionView election, RoundView round, boolean confidence, Map<String, String> names, List<PersonResult> people) {}

    @GetMapping("/results")
    public String index() {
        Caller c = vn.daihoi.web.SignInForm.caller();
        if (c != null && c.isVoter()) return "redirect:/vote";
        return "election/results-index";
    }

    @GetMapping("/results/elections/{electionId}/rounds/{round}")
    public String results(@PathVariable String electionId, @PathVariable int round, Model model) {
        rights.requireReader(electionId);
        return show(model, counted(electionId, round), null, "/results/elections/" + electionId + "/rounds/" + round, null);
    }

    @PostMapping("/results/elections/{electionId}/rounds/{round}")
    public String find(@PathVariable String electionId, @PathVariable int round,
                       @RequestParam(name = "tracking", required = false) String tracking, Model model) {
        rights.requireReader(electionId);
        return show(model, counted(electionId, round), tracking, "/results/elections/" + electionId + "/rounds/" + round, null);
    }

    @GetMapping("/results/{linkId}")
    public String published(@PathVariable String linkId, Model model) {
        ElectionProjection.PublishedRound p = link(linkId);
        return show(model, counted(p.electionId(), p.round()), null, "/results/" + linkId, linkId);
    }

    @PostMapping("/results/{linkId}")
    public String findPublished(@PathVariable String linkId, @RequestParam(name = "tracking", required = false) String tracking, Model model) {
        ElectionProjection.PublishedRound p = link(linkId);
        return show(model, counted(p.electionId(), p.round()), tracking, "/results/" + linkId, linkId);
    }

    // ---- downloads ------------------------------------------------------------------------------------

    @GetMapping("/results/elections/{electionId}/rounds/{round}/ballots.csv")
    public ResponseEntity<byte[]> csv(@PathVariable String electionId, @PathVariable int round) {
        rights.requireReader(electionId);
        return csvOf(counted(electionId, round));
    }

    @GetMapping("/results/{linkId}/ballots.csv")
    public ResponseEntity<byte[]> publishedCsv(@PathVariable String linkId) {
        ElectionProjection.PublishedRound p = link(linkId);
        return csvOf(counted(p.electionId(), p.round()));
    }

    @GetMapping("/results/elections/{electionId}/rounds/{round}/ballots.json")
    public ResponseEntity<byte[]> jsonFile(@PathVariable String electionId, @PathVariable int round) throws Exception {
        rights.requireReader(electionId);
        return jsonOf(counted(electionId, round));
    }

    @GetMapping("/results/{linkId}/ballots.json")
    public ResponseEntity<byte[]> publishedJson(@PathVariable String linkId) throws Exception {
        ElectionProjection.PublishedRound p = link(linkId);
        return jsonOf(counted(p.electionId(), p.round()));
    }

    @GetMapping("/results/elections/{electionId}/rounds/{round}/minutes.pdf")
    public ResponseEntity<byte[]> minutesPdf(@PathVariable String electionId, @PathVariable int round) {
        rights.requireReader(electionId);
        return pdfOf(counted(electionId, round));
    }

    @GetMapping("/results/{linkId}/minutes.pdf")
    public ResponseEntity<byte[]> publishedMinutes(@PathVariable String linkId) {
        ElectionProjection.PublishedRound p = link(linkId);
        return pdfOf(counted(p.electionId(), p.round()));
    }

    // ---- the round ------------------------------------------------------------------------------------

    private ElectionProjection.PublishedRound link(String linkId) {
        String id = FormText.line(linkId, 64);
        return (id == null ? java.util.Optional.<ElectionProjection.PublishedRound>empty() : elections.publishedUnder(id))
                .orElseThrow(() -> RuleViolation.notFound("unknown-results-link", "linkId"));
    }

    private Counted counted(String electionId, int round) {
        ElectionView e = elections.election(new ElectionOf(electionId)).orElseThrow(ElectionAccess::unknown);
        RoundView r = api.roundView(electionId, round);
        if (!"COUNTED".equals(r.status())) throw RuleViolation.conflict("round-not-counted", "R-30", "round");
        Map<String, String> names = new LinkedHashMap<>();
        BallotNames.inBallotOrder(e, r.candidateIds()).forEach((id, c) -> names.put(id, BallotNames.name(c)));
        boolean confidence = e.body() == ElectedBody.CONFIDENCE_VOTE;
        List<PersonResult> people = confidence ? confidenceMinutes.results(electionId, round).people() : List.of();
        return new Counted(e, r, confidence, names, people);
    }

    private String show(Model model, Counted c, String tracking, String here, String linkId) {
        List<BallotRow> rows = rows(c);
        String wanted = tracking == null ? null : normalise(FormText.line(tracking, 64));
        BallotRow found = wanted == null ? null : rows.stream().filter(b -> normalise(b.trackingCode()).equals(wanted)).findFirst().orElse(null);
        model.addAttribute("election", c.election());
        model.addAttribute("round", c.round());
        model.addAttribute("confidence", c.confidence());
        model.addAttribute("people", c.people());
        model.addAttribute("rows", rows);
        model.addAttribute("searched", wanted != null);
        model.addAttribute("found", found);
        model.addAttribute("self", here);
        model.addAttribute("linkId", linkId);
        model.addAttribute("names", c.names());
        return "election/results";
    }

    private static String normalise(String code) {
        return code == null ? "" : code.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    private static List<BallotRow> rows(Counted c) {
        List<BallotRow> rows = new ArrayList<>();
        for (PublishedBallot b : c.round().ballots()) {
            List<String> kept = new ArrayList<>();
            List<String> levels = new ArrayList<>();
            if (c.confidence()) {
                Map<String, String> by = new LinkedHashMap<>();
                if (b.ratings() != null) for (RatingLine l : b.ratings()) {
                    by.put(l.candidateId(), l.level() != null ? l.level().name() : "INVALID");
                }
                c.names().keySet().forEach(id -> levels.add(by.getOrDefault(id, "INVALID")));
            } else {
                for (String id : b.keptCandidateIds()) kept.add(c.names().getOrDefault(id, id));
            }
            rows.add(new BallotRow(b.trackingCode(), b.paper(), b.invalid() == null ? null : b.invalid().name(), kept, levels));
        }
        return rows;
    }

    /**
     * One line per ballot, one column per name in ballot order: 1 kept / 0 struck (a rating ballot: the level), so
     * that a spreadsheet's column sum recounts each candidate. Cells are quoted; a cell that a spreadsheet would
     * read as a formula is prefixed with an apostrophe.
     */
    private ResponseEntity<byte[]> csvOf(Counted c) {
        StringBuilder out = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>(List.of("ma_theo_doi", "phieu_giay", "khong_hop_le"));
        header.addAll(c.names().values());
        line(out, header);
        for (PublishedBallot b : c.round().ballots()) {
            List<String> cells = new ArrayList<>(List.of(b.trackingCode(), b.paper() ? "1" : "0", b.invalid() == null ? "" : b.invalid().name()));
            Map<String, String> levels = new LinkedHashMap<>();
            if (b.ratings() != null) for (RatingLine l : b.ratings()) levels.put(l.candidateId(), l.level() != null ? l.level().name() : l.invalid().name());
            for (String id : c.names().keySet()) {
                cells.add(c.confidence() ? levels.getOrDefault(id, "") : b.keptCandidateIds().contains(id) ? "1" : "0");
            }
            line(out, cells);
        }
        return download(out.toString().getBytes(StandardCharsets.UTF_8), "text/csv;charset=UTF-8", fileName(c, "csv"));
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            String v = cells.get(i) == null ? "" : cells.get(i);
            if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
            out.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }

    private ResponseEntity<byte[]> jsonOf(Counted c) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("electionId", c.election().electionId());
        doc.put("title", c.election().title());
        doc.put("round", c.round().round());
        doc.put("seats", c.round().seats());
        List<Map<String, String>> candidates = new ArrayList<>();
        c.names().forEach((id, name) -> candidates.add(Map.of("candidateId", id, "name", name)));
        doc.put("candidates", candidates);
        doc.put("collected", c.round().collected());
        doc.put("valid", c.round().valid());
        doc.put("invalid", c.round().invalid());
        doc.put("results", c.confidence() ? c.people() : c.round().lines());
        doc.put("ballots", c.round().ballots());
        return download(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc), MediaType.APPLICATION_JSON_VALUE, fileName(c, "json"));
    }

    private ResponseEntity<byte[]> pdfOf(Counted c) {
        byte[] pdf = c.confidence()
                ? confidenceMinutes.pdf(confidenceMinutes.of(c.election().electionId(), c.round().round()))
                : minutes.pdf(minutes.of(c.election().electionId(), c.round().round()));
        return download(pdf, MediaType.APPLICATION_PDF_VALUE, (c.confidence() ? "bien-ban-tin-nhiem-vong-" : "bien-ban-kiem-phieu-vong-")
                + c.round().round() + ".pdf");
    }

    private static String fileName(Counted c, String extension) {
        return "phieu-cong-bo-vong-" + c.round().round() + "." + extension;
    }

    private static ResponseEntity<byte[]> download(byte[] body, String type, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
