package vn.daihoi.congress.web;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.RequestContextUtils;
import jakarta.servlet.http.HttpServletRequest;
import vn.daihoi.account.Access;
import vn.daihoi.web.PublicAddress;
import vn.daihoi.web.WebPage;

/**
 * {@code /hall/{congressId}}: the projector in the hall. Attendance and quorum, each open round's turnout (never an
 * interim result), then the counted results and the public results link as a QR code. The page subscribes to
 * {@code /hall/{congressId}/events} and swaps in each new state (htmx's SSE extension): no polling, no reload.
 * Staff of the congress open it signed in; it shows nothing a delegate in the hall would not be told aloud.
 */
@Controller
@WebPage
public class HallScreen {

    private final Access access;
    private final HallBroadcaster broadcaster;
    private final PublicAddress address;

    public HallScreen(Access access, HallBroadcaster broadcaster, PublicAddress address) {
        this.access = access;
        this.broadcaster = broadcaster;
        this.address = address;
    }

    @GetMapping("/hall/{congressId}")
    public String hall(@PathVariable String congressId, Model model) {
        access.requireReaderOfCongress(congressId);
        model.addAllAttributes(broadcaster.state(congressId, address.base()));
        model.addAttribute("congressId", congressId);
        return "congress/hall";
    }

    @GetMapping(value = "/hall/{congressId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(@PathVariable String congressId, HttpServletRequest request) {
        access.requireReaderOfCongress(congressId);
        return broadcaster.subscribe(congressId, address.base(), RequestContextUtils.getLocale(request));
    }
}
