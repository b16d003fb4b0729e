package vn.daihoi.congress.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.daihoi.account.Access;
import vn.daihoi.congress.CongressController;
import vn.daihoi.congress.CongressKind;
import vn.daihoi.congress.CongressProjection;
import vn.daihoi.congress.CongressQueries.CongressSummary;
import vn.daihoi.congress.MeetingPurpose;
import vn.daihoi.delegate.ElectedRollController;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectionProjection;
import vn.daihoi.election.ElectionQueries.CandidateView;
import vn.daihoi.election.ElectionQueries.ElectionOf;
import vn.daihoi.election.ElectionQueries.ElectionView;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.web.ConsoleForm;
import vn.daihoi.web.FormText;
import vn.daihoi.web.WebPage;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /console/congresses/{congressId}/first-meeting}: after the congress, its organiser convenes the new
 * executive committee's first meeting (R-41, ADR 0009) — named convener from the elected members, date, venue —
 * and summons the members the congress elected onto its roll. The meeting then runs on the congress console like a
 * congress (its elections: standing committee, chair unless elected directly, vice-chairs, inspection committee).
 * Both actions are the API's own ({@link CongressController#convene}, {@link ElectedRollController#summonCommittee}).
 */
@Controller
@WebPage
public class FirstMeetingPage {

    private final Access access;
    private final CongressController congressApi;
    private final ElectedRollController roll;
    private final CongressProjection congresses;
    private final ElectionProjection elections;
    private final ConsoleForm form;

    public FirstMeetingPage(Access access, CongressController congressApi, ElectedRollController roll, CongressProjection congresses,
                            ElectionProjection elections, ConsoleForm form) {
        this.access = access;
        this.congressApi = congressApi;
        this.roll = roll;
        this.congresses = congresses;
        this.elections = elections;
        this.form = form;
    }

    @GetMapping("/console/congresses/{congressId}/first-meeting")
    public String page(@PathVariable String congressId, Model model) {
        access.requireOrganiserOfCongress(congressId);
        return show(congressId, model);
    }

    @PostMapping("/console/congresses/{congressId}/first-meeting")
    public String convene(@PathVariable String congressId, @RequestParam(name = "convenerPersonId", required = false) String convener,
                          @RequestParam(name = "date", required = false) String date, @RequestParam(name = "venue", required = false) String venue,
                          Model model, HttpServletRequest request, HttpServletResponse response) {
        access.requireOrganiserOfCongress(congressId);
        CongressSummary congress = congresses.summary(congressId).orElseThrow();
        CongressController.Convene body = new CongressController.Convene(null, congress.unitId(), null, congress.term(),
                CongressKind.COMMITTEE_MEETING, false, null, day(date), FormText.line(venue, Limits.NAME), null, null, null, null,
                MeetingPurpose.FIRST_MEETING, congressId, FormText.line(convener, Limits.ID));
        if (form.run(body, () -> congressApi.convene(body), model, request, response)) {
            return "redirect:/console/congresses/" + congressId + "/first-meeting";
        }
        return show(congressId, model);
    }

    /** the members the congress elected to the executive committee, summoned as the meeting's voting members. */
    @PostMapping("/console/congresses/{congressId}/first-meeting/{meetingId}/summon")
    public String summon(@PathVariable String congressId, @PathVariable String meetingId, Model model,
                         HttpServletRequest request, HttpServletResponse response) {
        access.requireOrganiserOfCongress(congressId);
        if (form.run(null, () -> roll.summonCommittee(meetingId), model, request, response)) {
            return "redirect:/console/congresses/" + congressId + "/first-meeting";
        }
        return show(congressId, model);
    }

    private String show(String congressId, Model model) {
        CongressSummary congress = congresses.summary(congressId).orElseThrow();
        model.addAttribute("congress", congress);
        model.addAttribute("congressId", congressId);
        List<CandidateView> elected = new ArrayList<>();
        for (String id : elections.electionsOf(congressId)) {
            ElectionView e = elections.election(new ElectionOf(id)).orElse(null);
            if (e == null || e.body() != ElectedBody.EXECUTIVE_COMMITTEE) continue;
            e.candidates().stream().filter(c -> e.electedCandidateIds().contains(c.candidateId())).forEach(elected::add);
        }
        model.addAttribute("elected", elected);
        List<vn.daihoi.congress.CongressQueries.Dashboard> meetings = new ArrayList<>();
        for (CongressSummary s : congresses.latestOf(List.of(congress.unitId()), List.of(), false)) {
            if (congressId.equals(s.ofCongressId())) {
                congresses.dashboard(new vn.daihoi.congress.CongressQueries.DashboardOf(s.congressId())).ifPresent(meetings::add);
            }
        }
        model.addAttribute("meetings", meetings);
        return "congress/first-meeting";
    }

    private static LocalDate day(String value) {
        String v = FormText.line(value, 10);
        if (v == null || v.isBlank()) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
