package vn.daihoi.audit;

import org.junit.jupiter.api.Test;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Ballots;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.Http;
import vn.daihoi.support.Http.Answer;
import vn.daihoi.support.PdfText;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0018: a term recognised by the upper level gets a checkpoint signed with the federation's key,
 * over the term's stream and what its recognition rests on — the congress and the elections submitted; the
 * recognition dossier prints its fingerprint. Before recognition the dossier says the checkpoint is not made yet.
 */
class TermCheckpointApiTest extends ApiTest {

    @Test
    void aRecognisedTermIsCheckpointedOverItsStreamItsCongressAndItsElectionsAndTheDossierPrintsIt() throws Exception {
        CongressInSession c = new CongressInSession(this, 5, 5);
        List<String> p = c.personIds;
        c.decide("COMMITTEE_SIZE", "Số lượng Ban Chấp hành", List.of(), 3);
        Ballots ballots = new Ballots(c.organiser, c.scenario.congress);
        String committee = ballots.elect("EXECUTIVE_COMMITTEE", 3, p.subList(0, 4), p.subList(0, 3), c.voters).electionId();
        String chair = ballots.elect("CHAIR", 1, List.of(p.get(0)), List.of(p.get(0)), c.voters).electionId();
        Answer submitted = c.organiser.post("/api/units/" + c.scenario.branch + "/terms",
                "{\"electionIds\":[\"" + committee + "\",\"" + chair + "\"]}");
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        String term = submitted.body().path("leadershipId").asText();
        Http upper = account("ORGANISER", c.scenario.upper);

        String before = PdfText.of(upper.getBytes("/api/terms/" + term + "/dossier.pdf"));
        assertThat(before).contains("Dấu kiểm chứng (checkpoint fingerprint)");
        assertThat(jdbc.queryForList("select 1 from checkpoint where kind = 'term' and subject = ?", term)).isEmpty();

        Answer recognised = upper.post("/api/terms/" + term + "/recognise",
                "{\"recognisedOn\":\"2023-06-15\",\"decision\":{\"number\":\"125/QĐ-CĐVC\",\"signedOn\":\"2023-06-15\"}}");
        assertThat(recognised.status()).as(recognised.raw()).isEqualTo(200);
        Map<String, Object> cp = null;
        for (int i = 0; i < 150 && cp == null; i++) {
            List<Map<String, Object>> rows = jdbc.queryForList("select * from checkpoint where kind = 'term' and subject = ?", term);
            if (rows.isEmpty()) TamperEvidenceApiTest.sleep(100);
            else cp = rows.get(0);
        }
        assertThat(cp).as("term checkpoint").isNotNull();
        Statement s = Statement.parse((String) cp.get("statement"));
        assertThat(s).isNotNull();
        assertThat(s.scope()).containsExactlyInAnyOrder(term, c.scenario.congress, committee, chair);
        long recognition = jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ? and payload_type = ?",
                Long.class, term, "vn.daihoi.term.LeadershipRecognised");
        assertThat(s.upTo()).isEqualTo(recognition);
        Answer keys = anonymous().get("/api/federation-keys");
        boolean ofProvince = false;
        for (var k : keys.body()) {
            if (k.path("keyId").asText().equals(s.keyId())) ofProvince = k.path("unitId").asText().equals(c.scenario.province);
        }
        assertThat(ofProvince).as("signed with the key of the branch's federation (R-01)").isTrue();

        String after = PdfText.of(upper.getBytes("/api/terms/" + term + "/dossier.pdf"));
        assertThat(after).contains((String) cp.get("fingerprint")).contains((String) cp.get("key_id"));
        Answer verified = admin().post("/api/operations/verify", "");
        assertThat(verified.body().path("findings")).as(verified.raw()).isEmpty();
    }
}
