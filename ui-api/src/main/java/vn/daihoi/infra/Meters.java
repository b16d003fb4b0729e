package vn.daihoi.infra;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.election.CastBallotCommand;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operations metrics (ADR 0028), scraped at {@code /actuator/prometheus} by administrators only:
 * <ul>
 *   <li>{@code daihoi_projection_lag_events{group}}: events stored that the group's slowest segment has not reached,
 *   read from the shared token store, so it is the same whichever node is scraped;</li>
 *   <li>{@code daihoi_command_seconds{command,outcome}}: the command bus's time per command type, from the handler to
 *   the commit, with the outcome {@code success}, {@code refused} (a rule said no) or {@code error};</li>
 *   <li>{@code daihoi_ballots_cast_total}: electronic ballots cast (a repeated request is not counted again). R-23: no
 *   label at all — not the election, not the voter, not the content; its rate is casts per second;</li>
 *   <li>{@code daihoi_refusals_total{type}}: problems answered, by their stable type; a type not in the problem
 *   bundles is counted as {@code other}, so the label's values are a closed list;</li>
 *   <li>{@code daihoi_read_model_answers_total{verdict}}: writes answered with their read model caught up or late
 *   (ADR 0027).</li>
 * </ul>
 */
@Component
public class Meters implements SmartInitializingSingleton {

    /** Request attribute: the type of the problem the request was answered with. */
    static final String PROBLEM_TYPE = Meters.class.getName() + ".problemType";
    private static final Duration LAG_CACHE = Duration.ofSeconds(1);

    private final MeterRegistry registry;
    private final EventProcessingConfiguration processing;
    private final ProjectionSync sync;
    private final CommandBus commands;
    private final Counter casts;
    private final Set<String> knownTypes;
    private final Map<String, Counter> refusals = new ConcurrentHashMap<>();
    private volatile Lag lag = new Lag(0, Map.of());

    private record Lag(long at, Map<String, Long> byGroup) {}

    public Meters(MeterRegistry registry, EventProcessingConfiguration processing, ProjectionSync sync, CommandBus commands) {
        this.registry = registry;
        this.processing = processing;
        this.sync = sync;
        this.commands = commands;
        this.casts = Counter.builder("daihoi.ballots.cast").description("Electronic ballots cast (repeated requests not counted)")
                .register(registry);
        this.knownTypes = problemTypes();
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String group : processing.eventProcessors().keySet()) {
            if (processing.eventProcessor(group, StreamingEventProcessor.class).isEmpty()) continue;
            Gauge.builder("daihoi.projection.lag", this, m -> m.lag(group)).baseUnit("events")
                    .description("Events stored that the group's slowest segment has not handled (token store)")
                    .tag("group", group).register(registry);
        }
        FunctionCounter.builder("daihoi.read.model.answers", sync, s -> s.answered(ProjectionSync.Freshness.CAUGHT_UP))
                .description("Writes answered after their read model caught up").tag("verdict", "caught-up").register(registry);
        FunctionCounter.builder("daihoi.read.model.answers", sync, s -> s.answered(ProjectionSync.Freshness.LATE))
                .description("Writes answered before their read model caught up (202 or marked)").tag("verdict", "late").register(registry);
        commands.registerHandlerInterceptor(commandTimer());
    }

    /** Times each command from its handler to the end of its unit of work (the commit of its events included). */
    MessageHandlerInterceptor<CommandMessage<?>> commandTimer() {
        return (unitOfWork, chain) -> {
            long start = System.nanoTime();
            String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
            String[] outcome = {"success"};
            unitOfWork.onRollback(u -> { if ("success".equals(outcome[0])) outcome[0] = "error"; });
            unitOfWork.onCleanup(u -> Timer.builder("daihoi.command").description("Command handling, to the commit")
                    .tag("command", command).tag("outcome", outcome[0])
                    .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
                            Duration.ofMillis(250), Duration.ofSeconds(1))
                    .register(registry).record(Duration.ofNanos(System.nanoTime() - start)));
            try {
                return chain.proceed();
            } catch (RuleViolation refused) {
                outcome[0] = "refused";
                throw refused;
            } catch (Exception e) {
                outcome[0] = "error";
                throw e;
            }
        };
    }

    /** A ballot the box accepted; a repeated request (same idempotency key) was counted the first time. */
    public void cast(CastBallotCommand.Receipt receipt) {
        if (!receipt.repeated()) casts.increment();
    }

    /** Notes on the current request the type of the problem it is answered with (counted when the answer is done). */
    public static void refused(String type) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null && type != null) attributes.setAttribute(PROBLEM_TYPE, type, RequestAttributes.SCOPE_REQUEST);
    }

    /** Counts a finished request's refusal, if it had one; the label is the type when known, {@code other} if not. */
    void countRefusal(Object type) {
        if (!(type instanceof String t)) return;
        String label = knownTypes.contains(t) ? t : "other";
        refusals.computeIfAbsent(label, l -> Counter.builder("daihoi.refusals").description("Problems answered, by type")
                .tag("type", l).register(registry)).increment();
    }

    private double lag(String group) {
        Lag current = lag;
        if (System.nanoTime() - current.at() > LAG_CACHE.toNanos() || current.at() == 0) {
            current = measureLag();
            lag = current;
        }
        return current.byGroup().getOrDefault(group, 0L);
    }

    /** One read of the head and one of every group's segments, shared by the gauges of one scrape. */
    private Lag measureLag() {
        long head = sync.head();
        Map<String, Long> byGroup = new ConcurrentHashMap<>();
        Map<String, List<ProjectionSync.StoredSegment>> positions = sync.positions(processing.eventProcessors().keySet());
        positions.forEach((group, segments) -> {
            long lowest = ProjectionSync.lowestIndex(segments);
            byGroup.put(group, Math.max(0, head - Math.max(lowest, 0)));
        });
        return new Lag(System.nanoTime(), byGroup);
    }

    /** The problem types the bundles name ({@code problem.<type>} and {@code problem.<type>.<variant>}). */
    static Set<String> problemTypes() {
        Set<String> types = new TreeSet<>();
        try (InputStream in = Meters.class.getResourceAsStream("/problems_en.properties")) {
            if (in == null) return types;
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String key : p.stringPropertyNames()) {
                if (!key.startsWith("problem.")) continue;
                String rest = key.substring("problem.".length());
                types.add(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
            }
        } catch (IOException e) {
            throw new IllegalStateException("problem bundle unreadable", e);
        }
        return types;
    }
}
