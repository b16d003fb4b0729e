package vn.daihoi.seed;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.daihoi.infra.ProblemTexts;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar daihoi.jar --seed=seeds/a.yml [--seed=seeds/b.yml …]}: loads the files in order, prints what
 * each did and exits, 0 when every file loaded, 1 when one failed (the files after it are not loaded).
 * The web server does start for the few seconds this takes: the security configuration needs a servlet
 * context, so the application cannot run without one.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class SeedRunner implements ApplicationRunner {

    private final ScenarioLoader loader;
    private final ApplicationContext context;
    private final EventProcessingConfiguration processing;
    private final ProblemTexts texts;

    public SeedRunner(ScenarioLoader loader, ApplicationContext context, EventProcessingConfiguration processing,
                      ProblemTexts texts) {
        this.loader = loader;
        this.context = context;
        this.processing = processing;
        this.texts = texts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("seed")) return;
        int code = loadAll(args.getOptionValues("seed"));
        awaitProcessorsStarted();
        System.exit(SpringApplication.exit(context, () -> code));
    }

    int loadAll(List<String> files) {
        if (files.isEmpty() || files.stream().anyMatch(f -> f == null || f.isBlank())) {
            System.err.println("--seed needs a file: --seed=seeds/soc-trang-pilot-2023.yml");
            return 2;
        }
        for (String file : files) {
            try {
                ScenarioLoader.Report report = loader.load(Scenario.read(Path.of(file)));
                System.out.print(report.toText());
            } catch (Exception e) {
                System.err.println("Seed " + file + " failed: " + describe(e));
                return 1;
            }
        }
        return 0;
    }

    private String describe(Exception e) {
        return ScenarioLoader.violation(e)
                .map(v -> v.type() + (v.ruleId() == null ? "" : " (" + v.ruleId() + ")") + (v.field() == null ? "" : " at " + v.field())
                        + ": " + texts.title(v, ProblemTexts.VIETNAMESE) + " / " + texts.title(v, ProblemTexts.ENGLISH))
                .orElseGet(() -> e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    /**
     * A tracking processor told to stop before it has claimed its segments was seen to hang on Axon 4.12.2; a
     * seed that skips everything would stop them within a second of starting, so wait (bounded) for the claims.
     */
    private void awaitProcessorsStarted() {
        long deadline = System.nanoTime() + 15_000_000_000L;
        for (StreamingEventProcessor p : processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList()) {
            while (!claimedAll(p.processingStatus()) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static boolean claimedAll(Map<Integer, EventTrackerStatus> status) {
        return status.values().stream().mapToDouble(s -> 1.0 / (s.getSegment().getMask() + 1)).sum() > 0.999;
    }
}
