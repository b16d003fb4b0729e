package vn.daihoi.congress.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import vn.daihoi.congress.CongressProjection;
import vn.daihoi.congress.CongressQueries;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectionController;
import vn.daihoi.election.ElectionProjection;
import vn.daihoi.election.ElectionQueries.ElectionOf;
import vn.daihoi.election.ElectionQueries.ElectionView;
import vn.daihoi.election.ElectionQueries.RoundSummary;
import vn.daihoi.election.ElectionQueries.RoundView;
import vn.daihoi.web.QrSvg;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Feeds the hall screens. A ballot cast writes no event (ADR 0008) and attendance reaches its read model through a
 * tracking processor, so the screen's state is read from the read models themselves: every {@value #TICK_MS} ms, for
 * each congress that has a screen open, the state is rendered and sent only when it changed. A change reaches the
 * hall within the tick plus the projection's lag (the test holds it under 2 s). Nothing is read while no screen is open.
 */
@Component
public class HallBroadcaster implements org.springframework.context.SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HallBroadcaster.class);
    static final long TICK_MS = 400;
    private static final long EMITTER_TIMEOUT_MS = 30 * 60 * 1000L;

    private final CongressProjection congresses;
    private final ElectionProjection elections;
    private final ElectionController rounds;
    private final SpringTemplateEngine templates;

    /** One open screen and what it was last sent, so that it is sent only what changed. */
    private static final class Screen {
        final SseEmitter emitter;
        final String base;
        final Locale locale;
        final String template;
        final String fragment;
        volatile String last;

        Screen(SseEmitter emitter, String base, Locale locale, String template, String fragment) {
            this.emitter = emitter;
            this.base = base;
            this.locale = locale;
            this.template = template;
            this.fragment = fragment;
        }
    }

    private final Map<String, List<Screen>> screens = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hall-screens");
        t.setDaemon(true);
        return t;
    });

    public HallBroadcaster(CongressProjection congresses, ElectionProjection elections, ElectionController rounds,
                           SpringTemplateEngine templates) {
        this.congresses = congresses;
        this.elections = elections;
        this.rounds = rounds;
        this.templates = templates;
        ticker.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Before the web server's graceful shutdown (a later phase stops first): an open event stream is a request in
     * progress, which would hold the shutdown for its whole timeout. The screens reconnect to the next server.
     */
    @Override
    public void stop() {
        running = false;
        ticker.shutdownNow();
        screens.values().forEach(list -> list.forEach(s -> s.emitter.complete()));
        screens.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    /** An open round's turnout, never its content. */
    public record OpenRound(String title, int round, int voters, int turnout, boolean confidence, String electionId) {}

    /** A counted round: its result lines as the results page shows them, and its public link's QR when published. */
    public record CountedRound(String title, int round, RoundView view, boolean confidence, String link, String qr) {}

    public Map<String, Object> state(String congressId, String base) {
        CongressQueries.Dashboard d = congresses.dashboard(new CongressQueries.DashboardOf(congressId)).orElseThrow();
        List<OpenRound> open = new ArrayList<>();
        List<CountedRound> counted = new ArrayList<>();
        for (String electionId : elections.electionsOf(congressId)) {
            ElectionView e = elections.election(new ElectionOf(electionId)).orElse(null);
            if (e == null) continue;
            boolean confidence = e.body() == ElectedBody.CONFIDENCE_VOTE;
            RoundSummary lastCounted = null;
            for (RoundSummary r : e.rounds()) {
                if ("OPEN".equals(r.status())) {
                    RoundView v = rounds.roundView(electionId, r.round());
                    open.add(new OpenRound(e.title(), r.round(), v.voters(), v.participants() == null ? 0 : v.participants(), confidence, electionId));
                }
                if ("COUNTED".equals(r.status())) lastCounted = r;
            }
            if (lastCounted != null) {
                RoundView v = rounds.roundView(electionId, lastCounted.round());
                String link = elections.resultsLinkOf(electionId, lastCounted.round()).map(id -> base + "/results/" + id).orElse(null);
                counted.add(new CountedRound(e.title(), lastCounted.round(), v, confidence, link,
                        link == null ? null : QrSvg.of(link, link)));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dashboard", d);
        m.put("open", open);
        m.put("counted", counted);
        return m;
    }

    SseEmitter subscribe(String congressId, String base, Locale locale) {
        return subscribe(congressId, base, locale, "congress/hall", "status");
    }

    /** A live view of the congress's state rendered by another page's fragment (the check-in desk's counter). */
    public SseEmitter subscribe(String congressId, String base, Locale locale, String template, String fragment) {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT_MS);
        Screen screen = new Screen(emitter, base, locale, template, fragment);
        screens.computeIfAbsent(congressId, k -> new CopyOnWriteArrayList<>()).add(screen);
        Runnable remove = () -> screens.computeIfPresent(congressId, (k, list) -> {
            list.remove(screen);
            return list.isEmpty() ? null : list;
        });
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        // The screen gets the present state at once: whatever changed between its page load and this subscription.
        try {
            send(screen, render(screen, state(congressId, base)));
        } catch (IOException | RuntimeException e) {
            remove.run();
        }
        return emitter;
    }

    /**
     * Each congress's state is read once per tick (per public address), then rendered once per kind of screen and
     * language, and sent to a screen only when it differs from what that screen was last sent.
     */
    private void tick() {
        for (Map.Entry<String, List<Screen>> entry : screens.entrySet()) {
            Map<String, Map<String, Object>> states = new LinkedHashMap<>();
            Map<String, String> rendered = new LinkedHashMap<>();
            for (Screen s : entry.getValue()) {
                try {
                    Map<String, Object> state = states.computeIfAbsent(s.base, b -> state(entry.getKey(), b));
                    String html = rendered.computeIfAbsent(s.base + "|" + s.locale + "|" + s.template + "|" + s.fragment, k -> render(s, state));
                    if (!html.equals(s.last)) send(s, html);
                } catch (IOException | IllegalStateException gone) {
                    s.emitter.completeWithError(gone);
                } catch (RuntimeException e) {
                    log.atWarn().addKeyValue("exception", e.getClass().getName()).log("hall screen state could not be read; next tick retries");
                }
            }
        }
    }

    private String render(Screen s, Map<String, Object> state) {
        return templates.process(s.template, Set.of(s.fragment), new Context(s.locale, state));
    }

    private static void send(Screen s, String html) throws IOException {
        s.emitter.send(SseEmitter.event().name("hall").data(html, MediaType.TEXT_HTML));
        s.last = html;
    }
}
