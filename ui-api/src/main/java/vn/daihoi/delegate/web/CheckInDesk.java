package vn.daihoi.delegate.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.daihoi.account.Access;
import vn.daihoi.congress.CongressProjection;
import vn.daihoi.congress.CongressQueries;
import vn.daihoi.congress.web.HallBroadcaster;
import vn.daihoi.delegate.DelegateController;
import vn.daihoi.delegate.DelegateQueries.RollEntry;
import vn.daihoi.delegate.RollSearch;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.web.FormText;
import vn.daihoi.web.PublicAddress;
import vn.daihoi.web.WebPage;

import java.util.List;

/**
 * {@code /desk/{congressId}}: the check-in desk at the hall's door. The clerk types part of a name, with or
 * without diacritics, or a delegate code ({@link RollSearch}); one click checks the delegate in through the same
 * path as {@code POST …/check-in}, and his one-time code is shown large for the slip. The counter of present /
 * summoned and the quorum is live on every desk (server-sent events). Searches are form posts: names typed at the
 * door never sit in a URL or an access log.
 */
@Controller
@WebPage
public class CheckInDesk {

    private static final int SHOWN = 20;

    private final Access access;
    private final DelegateController delegates;
    private final CongressProjection congresses;
    private final HallBroadcaster live;
    private final PublicAddress address;

    private final vn.daihoi.web.ConsoleForm form;

    public CheckInDesk(Access access, DelegateController delegates, CongressProjection congresses, HallBroadcaster live,
                       PublicAddress address, vn.daihoi.web.ConsoleForm form) {
        this.form = form;
        this.access = access;
        this.delegates = delegates;
        this.congresses = congresses;
        this.live = live;
        this.address = address;
    }

    @GetMapping("/desk/{congressId}")
    public String desk(@PathVariable String congressId, Model model) {
        access.requireOrganiserOfCongress(congressId);
        return show(congressId, "", model, null);
    }

    /** Search as you type (htmx asks for the results only) or, without JavaScript, the whole page again. */
    @PostMapping("/desk/{congressId}/search")
    public String search(@PathVariable String congressId, @RequestParam(name = "q", required = false) String q,
                         @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        access.requireOrganiserOfCongress(congressId);
        String view = show(congressId, q, model, null);
        return htmx != null ? "delegate/desk :: results" : view;
    }

    @PostMapping("/desk/{congressId}/check-in")
    public String checkIn(@PathVariable String congressId, @RequestParam(name = "delegateId", required = false) String delegateId,
                          @RequestParam(name = "q", required = false) String q, Model model,
                          jakarta.servlet.http.HttpServletResponse response) {
        access.requireOrganiserOfCongress(congressId);
        String id = FormText.line(delegateId, Limits.ID);
        // ADR 0027: a check-in's answer is whole (its code is shown once), marked when the roll is late.
        DelegateController.Attendance a = form.await(delegates.checkIn(congressId, id == null ? "" : id), model, response).getBody();
        return show(congressId, q, model, a);
    }

    /** A delegate leaves the hall: he no longer counts as present, through the same path as {@code POST …/check-out}. */
    @PostMapping("/desk/{congressId}/check-out")
    public String checkOut(@PathVariable String congressId, @RequestParam(name = "delegateId", required = false) String delegateId,
                           @RequestParam(name = "q", required = false) String q, Model model,
                           jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        access.requireOrganiserOfCongress(congressId);
        String id = FormText.line(delegateId, Limits.ID);
        DelegateController.Attendance[] a = new DelegateController.Attendance[1];
        if (form.run(null, () -> a[0] = form.await(delegates.checkOut(congressId, id == null ? "" : id), model, response).getBody(),
                model, request, response)) {
            // Late (ADR 0027): the page says so; the delegate is named from the request, as the roll may not show him yet.
            model.addAttribute("checkedOut", a[0] != null ? a[0].delegateId() : id);
        }
        return show(congressId, q, model, null);
    }

    /**
     * A check-in recorded by mistake (or missed) is corrected with a reason, through {@code POST …/attendance-correction}:
     * the reason is required by the API, and its refusal is shown next to the field.
     */
    @PostMapping("/desk/{congressId}/correction")
    public String correct(@PathVariable String congressId, @RequestParam(name = "delegateId", required = false) String delegateId,
                          @RequestParam(name = "present", required = false) String present,
                          @RequestParam(name = "reason", required = false) String reason,
                          @RequestParam(name = "q", required = false) String q, Model model,
                          jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        access.requireOrganiserOfCongress(congressId);
        String id = FormText.line(delegateId, Limits.ID);
        String why = FormText.line(reason, Limits.REASON);
        DelegateController.Correction body = new DelegateController.Correction("true".equals(present),
                why == null || why.isBlank() ? null : why);
        if (form.run(body, () -> delegates.correct(congressId, id == null ? "" : id, body), model, request, response)) {
            model.addAttribute("corrected", id);
        } else {
            model.addAttribute("correcting", id);
        }
        return show(congressId, q, model, null);
    }

    @GetMapping(value = "/desk/{congressId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(@PathVariable String congressId, HttpServletRequest request) {
        access.requireOrganiserOfCongress(congressId);
        return live.subscribe(congressId, address.base(), RequestContextUtils.getLocale(request), "delegate/desk", "counter");
    }

    private String show(String congressId, String q, Model model, DelegateController.Attendance checkedIn) {
        String typed = FormText.line(q, Limits.NAME);
        model.addAttribute("congressId", congressId);
        model.addAttribute("dashboard", congresses.dashboard(new CongressQueries.DashboardOf(congressId)).orElseThrow());
        model.addAttribute("q", typed == null ? "" : typed);
        model.addAttribute("searched", typed != null && !typed.isBlank());
        List<RollEntry> roll = delegates.roll(congressId).delegates();
        model.addAttribute("results", typed == null ? List.of() : RollSearch.find(roll, typed, SHOWN));
        if (checkedIn != null) {
            model.addAttribute("checkedIn", checkedIn);
            model.addAttribute("checkedInEntry", roll.stream().filter(e -> e.delegateId().equals(checkedIn.delegateId())).findFirst().orElse(null));
        }
        return "delegate/desk";
    }
}
