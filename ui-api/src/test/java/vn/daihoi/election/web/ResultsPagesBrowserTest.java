package vn.daihoi.election.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.PageTest;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, acceptance 6: after the count a delegate finds his tracking code on the results page with the names he
 * kept, and the published ballots, downloaded as CSV, recount to the published result. The public link the
 * organisers publish shows the same to someone who never signed in.
 */
class ResultsPagesBrowserTest extends PageTest {

    @Test
    void afterTheCountTheDelegateFindsHisBallotAndThePublishedCsvRecountsToTheResult() throws Exception {
        CongressInSession c = new CongressInSession(this, 7, 7);
        c.election(5, c.personIds.subList(0, 7));
        assertThat(c.openRound(1, null).status()).isEqualTo(201);
        String ballot = base() + "/vote/elections/" + c.electionId + "/rounds/1";

        forgetSession(browser);
        browser.phone();
        signIn(browser, newCode(c.organiser, c.scenario.congress, c.delegateIds.get(6)));
        waitFor("ul.rounds");
        browser.open(ballot);
        List<WebElement> labels = all(".choice label");
        List<String> kept = new ArrayList<>();
        for (int i : new int[]{1, 2, 6}) {
            labels.get(i).click();
            kept.add(labels.get(i).findElement(By.cssSelector(".name")).getText());
        }
        find("form[data-ballot] button[type=submit]").click();
        waitFor("#confirm");
        find("#confirm").click();
        waitFor("#tracking-code");
        String tracking = find("#tracking-code").getText();

        // Five more delegates vote through the API, at random.
        Random random = new Random(11);
        for (int v = 0; v < 5; v++) {
            List<String> choice = new ArrayList<>();
            for (String id : c.candidateIds) if (random.nextBoolean() && choice.size() < 5) choice.add(id);
            assertThat(c.cast(c.voters.get(v), 1, UUID.randomUUID().toString(), choice).status()).isEqualTo(201);
        }
        assertThat(c.close(1).status()).isEqualTo(200);

        // The round is closed to ballots now: its own refusal page.
        browser.open(ballot);
        waitFor("[data-code]");
        assertThat(find("[data-code]").getAttribute("data-code")).isEqualTo("round-closed");
        pageChecks(browser, "refusal-round-closed");

        browser.open(base() + "/vote");
        waitFor("li.round a");
        find("li.round a").click();
        waitFor("[data-results]");
        pageChecks(browser, "results");
        find("#tracking").sendKeys(tracking.toLowerCase());
        find("form[data-find] button[type=submit]").click();
        waitFor("[data-found]");
        assertThat(find("[data-found]").getAttribute("data-code")).isEqualTo(tracking);
        assertThat(all("[data-found-kept] li").stream().map(WebElement::getText).toList()).containsExactlyInAnyOrderElementsOf(kept);
        pageChecks(browser, "results-found");

        // The published ballots as CSV, recounted here, against the round's published result.
        String self = driver().getCurrentUrl().substring(base().length());
        HttpResponse<byte[]> csv = download(browser, self + "/ballots.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        HttpResponse<byte[]> json = download(browser, self + "/ballots.json");
        JsonNode doc = new ObjectMapper().readTree(json.body());
        List<String> columns = new ArrayList<>();
        doc.path("candidates").forEach(n -> columns.add(n.path("candidateId").asText()));
        Map<String, Integer> recount = recount(new String(csv.body(), StandardCharsets.UTF_8), columns);
        JsonNode view = c.organiser.get("/api/elections/" + c.electionId + "/rounds/1").body();
        assertThat(view.path("lines")).hasSize(7);
        for (JsonNode line : view.path("lines")) {
            assertThat(recount.get(line.path("candidateId").asText())).as("votes of " + line.path("candidateId").asText())
                    .isEqualTo(line.path("votes").asInt());
        }
        assertThat(recount.get("(rows)")).isEqualTo(view.path("collected").asInt()).isEqualTo(6);
        assertThat(download(browser, self + "/minutes.pdf").headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");

        // Published for everyone: the link works without a session; a made-up one gets its own page.
        JsonNode link = c.organiser.post("/api/elections/" + c.electionId + "/rounds/1/results-link", "").body();
        forgetSession(browser);
        browser.open(base() + link.path("path").asText());
        waitFor("[data-results]");
        assertThat(all("[data-ballots] tbody tr")).hasSize(6);
        assertThat(download(browser, link.path("path").asText() + "/ballots.csv").statusCode()).isEqualTo(200);
        browser.open(base() + "/results/" + "x".repeat(32));
        waitFor("[data-code]");
        assertThat(find("[data-code]").getAttribute("data-code")).isEqualTo("unknown-results-link");
        // Without the link or a session, a round's results are not for reading.
        assertThat(download(browser, self + "/ballots.csv").statusCode()).isEqualTo(403);
    }

    /** Column sums of the CSV's 1s over valid ballots, per candidate id in {@code columns} order; "(rows)": ballots. */
    static Map<String, Integer> recount(String csv, List<String> columns) {
        String[] lines = csv.replace("\uFEFF", "").split("\r\n");
        Map<String, Integer> sums = new HashMap<>();
        columns.forEach(id -> sums.put(id, 0));
        int rows = 0;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) continue;
            String[] cells = lines[i].substring(1, lines[i].length() - 1).split("\",\"", -1);
            assertThat(cells).hasSize(3 + columns.size());
            rows++;
            if (!cells[2].isEmpty()) continue; // an invalid ballot counts as collected, for nobody
            for (int k = 0; k < columns.size(); k++) if (cells[3 + k].equals("1")) sums.merge(columns.get(k), 1, Integer::sum);
        }
        sums.put("(rows)", rows);
        return sums;
    }
}
