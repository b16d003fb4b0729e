package vn.daihoi.delegate.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.daihoi.account.Access;
import vn.daihoi.congress.CongressProjection;
import vn.daihoi.congress.CongressQueries.CongressSummary;
import vn.daihoi.congress.CongressQueries.CongressesUnder;
import vn.daihoi.congress.CongressQueries.UnitCongress;
import vn.daihoi.delegate.ElectedRollController;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectionProjection;
import vn.daihoi.election.ElectionQueries.ElectionOf;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.web.ConsoleForm;
import vn.daihoi.web.FormText;
import vn.daihoi.web.WebPage;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /console/congresses/{congressId}/upper-delegates}: the organiser of an upper-level congress brings onto its
 * roll the delegates (and alternates) that the congresses of the units under it elected for it, one counted
 * election at a time, through the API's own path ({@link ElectedRollController#fromElection}).
 */
@Controller
@WebPage
public class UpperDelegatesPage {

    /** A lower unit's counted election of delegates or alternates to this congress. */
    public record Offered(String electionId, String unitName, String congressTitle, String title, ElectedBody body, int elected) {}

    private final Access access;
    private final ElectedRollController roll;
    private final CongressProjection congresses;
    private final ElectionProjection elections;
    private final ConsoleForm form;

    public UpperDelegatesPage(Access access, ElectedRollController roll, CongressProjection congresses, ElectionProjection elections,
                              ConsoleForm form) {
        this.access = access;
        this.roll = roll;
        this.congresses = congresses;
        this.elections = elections;
        this.form = form;
    }

    @GetMapping("/console/congresses/{congressId}/upper-delegates")
    public String page(@PathVariable String congressId, Model model) {
        access.requireOrganiserOfCongress(congressId);
        return show(congressId, model);
    }

    @PostMapping("/console/congresses/{congressId}/upper-delegates")
    public String bring(@PathVariable String congressId, @RequestParam(name = "electionId", required = false) String electionId,
                        Model model, HttpServletRequest request, HttpServletResponse response) {
        access.requireOrganiserOfCongress(congressId);
        ElectedRollController.FromElection body = new ElectedRollController.FromElection(FormText.line(electionId, Limits.ID));
        ElectedRollController.Report[] report = new ElectedRollController.Report[1];
        if (form.run(body, () -> report[0] = form.await(roll.fromElection(congressId, body), model, response).getBody(), model, request, response)) {
            model.addAttribute("report", report[0]);
        }
        return show(congressId, model);
    }

    private String show(String congressId, Model model) {
        CongressSummary congress = congresses.summary(congressId).orElseThrow();
        model.addAttribute("congress", congress);
        model.addAttribute("congressId", congressId);
        List<Offered> offered = new ArrayList<>();
        for (UnitCongress u : congresses.season(new CongressesUnder(congress.unitId(), congress.term().startYear(), congress.date())).units()) {
            if (u.congress() == null || u.unitId().equals(congress.unitId())) continue;
            for (String id : elections.electionsOf(u.congress().congressId())) {
                elections.election(new ElectionOf(id))
                        .filter(e -> (e.body() == ElectedBody.UPPER_CONGRESS_DELEGATES || e.body() == ElectedBody.UPPER_CONGRESS_ALTERNATES)
                                && !e.electedCandidateIds().isEmpty())
                        .ifPresent(e -> offered.add(new Offered(e.electionId(), u.unitName(), u.congress().title(), e.title(), e.body(),
                                e.electedCandidateIds().size())));
            }
        }
        model.addAttribute("offered", offered);
        return "delegate/upper-delegates";
    }
}
