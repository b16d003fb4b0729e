package vn.daihoi.congress;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Ballots;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.Http;
import vn.daihoi.support.Http.Answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committee's first meeting on the congress machinery (ADR 0009), end to end over HTTP on
 * PostgreSQL: convened from the congress that elected the committee, the committee summoned onto its roll, and the
 * standing committee, chair, vice-chairs, inspection committee and its chair and vice-chair elected by secret ballot.
 */
class FirstMeetingApiTest extends ApiTest {

    /** A meeting in session with the committee's members checked in, each with his voting token. */
    private final class Meeting {
        final CongressInSession congress;
        final String meetingId;
        final Map<String, String> delegateOf = new LinkedHashMap<>();
        final Map<String, Http> voterOf = new LinkedHashMap<>();
        final Ballots ballots;

        Meeting(CongressInSession congress, String meetingId) {
            this.congress = congress;
            this.meetingId = meetingId;
            this.ballots = new Ballots(congress.organiser, meetingId);
        }

        String path(String tail) {
            return "/api/congresses/" + meetingId + tail;
        }

        void checkIn(String personId) {
            String code = congress.organiser.post(path("/delegates/" + delegateOf.get(personId) + "/check-in"), "").body()
                    .path("votingCode").asText(null);
            if (code == null) return;
            Answer t = http().post("/api/auth/voting-code", "{\"code\":\"" + code + "\"}");
            assertThat(t.status()).as(t.raw()).isEqualTo(200);
            voterOf.put(personId, http().as(t.body().path("token").asText()));
        }

        List<Http> voters(String... personIds) {
            List<Http> out = new ArrayList<>();
            for (String p : personIds) out.add(voterOf.get(p));
            return out;
        }
    }

    /** A congress in session (all present) whose delegates elected {@code seats} of themselves to the executive committee. */
    private record Elected(CongressInSession congress, List<String> committee, String electionId) {}

    private Elected congressThatElected(int summoned, int seats) {
        CongressInSession c = new CongressInSession(this, summoned, summoned);
        List<String> committee = new ArrayList<>(c.personIds.subList(summoned - seats - 1, summoned - 1));
        List<String> candidates = new ArrayList<>(c.personIds.subList(summoned - seats - 1, summoned));
        Ballots.Result ec = new Ballots(c.organiser, c.scenario.congress).elect("EXECUTIVE_COMMITTEE", seats, candidates, committee, c.voters);
        assertThat(ec.electedPersonIds()).containsExactlyInAnyOrderElementsOf(committee);
        return new Elected(c, committee, ec.electionId());
    }

    private Answer conveneFirstMeeting(CongressInSession c, String ofCongressId, String convener) {
        return c.organiser.post("/api/congresses", """
                {"unitId":"%s","kind":"COMMITTEE_MEETING","purpose":"FIRST_MEETING","ofCongressId":"%s","convenerPersonId":"%s",
                 "term":{"startYear":2023,"endYear":2028},"date":"2023-05-20","venue":"Phòng họp Sở Nội vụ tỉnh Sóc Trăng"}"""
                .formatted(c.scenario.branch, ofCongressId, convener));
    }

    private Meeting meetingOf(Elected e) {
        Answer convened = conveneFirstMeeting(e.congress(), e.congress().scenario.congress, e.committee().get(0));
        assertThat(convened.status()).as(convened.raw()).isEqualTo(201);
        Meeting m = new Meeting(e.congress(), convened.body().path("congress").path("congressId").asText());
        Answer summoned = e.congress().organiser.post(m.path("/delegates/elected-committee"), "");
        assertThat(summoned.status()).as(summoned.raw()).isEqualTo(200);
        assertThat(summoned.body().path("added").asInt()).isEqualTo(e.committee().size());
        for (JsonNode d : summoned.body().path("roll").path("delegates")) {
            m.delegateOf.put(d.path("personId").asText(), d.path("delegateId").asText());
        }
        return m;
    }

    private static void assertProblem(Answer a, int status, String code, String rule) {
        assertThat(a.status()).as(a.raw()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().path("code").asText()).isEqualTo(code);
        assertThat(a.body().path("type").asText()).isEqualTo("urn:daihoi:problem:" + code);
        if (rule != null) assertThat(a.body().path("rule").asText()).isEqualTo(rule);
        assertThat(a.body().path("title").asText()).isNotBlank();
        assertThat(a.body().path("titleEn").asText()).isNotBlank();
    }

    @Test
    void aFirstMeetingConvenedFromTheCongressElectsTheCommitteesOfficersAndItsInspectionCommittee() {
        Elected e = congressThatElected(12, 5);
        CongressInSession c = e.congress();
        List<String> bch = e.committee();
        String m0 = bch.get(0), m1 = bch.get(1), m2 = bch.get(2), m3 = bch.get(3), m4 = bch.get(4);

        // Convened while the congress is still in session: a meeting is not the unit's one open congress of the term.
        Answer convened = conveneFirstMeeting(c, c.scenario.congress, m0);
        assertThat(convened.status()).as(convened.raw()).isEqualTo(201);
        JsonNode meeting = convened.body().path("congress");
        assertThat(meeting.path("kind").asText()).isEqualTo("COMMITTEE_MEETING");
        assertThat(meeting.path("kindVi").asText()).isEqualTo("Hội nghị Ban Chấp hành");
        assertThat(meeting.path("purpose").asText()).isEqualTo("FIRST_MEETING");
        assertThat(meeting.path("purposeVi").asText()).isEqualTo("Hội nghị lần thứ nhất Ban Chấp hành");
        assertThat(meeting.path("purposeEn").asText()).isEqualTo("the committee's first meeting");
        assertThat(meeting.path("title").asText()).isEqualTo("Hội nghị lần thứ nhất Ban Chấp hành, nhiệm kỳ 2023–2028");
        assertThat(meeting.path("ofCongressId").asText()).isEqualTo(c.scenario.congress);
        assertThat(meeting.path("convenerPersonId").asText()).isEqualTo(m0);
        assertThat(meeting.path("ordinal").asInt()).isZero();
        assertThat(meeting.path("ordinalRoman").isNull()).isTrue();
        Meeting m = new Meeting(c, meeting.path("congressId").asText());

        // the committee the congress elected is summoned as voting members, once.
        Answer summoned = c.organiser.post(m.path("/delegates/elected-committee"), "");
        assertThat(summoned.status()).as(summoned.raw()).isEqualTo(200);
        assertThat(summoned.body().path("added").asInt()).isEqualTo(5);
        assertThat(summoned.body().path("electionId").asText()).isEqualTo(e.electionId());
        for (JsonNode d : summoned.body().path("roll").path("delegates")) {
            assertThat(d.path("category").asText()).isEqualTo("DELEGATE");
            assertThat(d.path("basis").asText()).isEqualTo("MEMBER");
            assertThat(d.path("votes").asBoolean()).isTrue();
            assertThat(d.path("fromElectionId").asText()).isEqualTo(e.electionId());
            m.delegateOf.put(d.path("personId").asText(), d.path("delegateId").asText());
        }
        assertThat(m.delegateOf.keySet()).containsExactlyInAnyOrderElementsOf(bch);
        Answer again = c.organiser.post(m.path("/delegates/elected-committee"), "");
        assertThat(again.body().path("added").asInt()).isZero();
        assertThat(again.body().path("alreadyOnRoll").asInt()).isEqualTo(5);

        // An inspection-committee member from outside the executive committee sits as a guest: no vote on the meeting's business.
        String outsider = c.personIds.get(0);
        Answer guest = c.organiser.post(m.path("/delegates"), """
                {"personId":"%s","code":"KM-UBKT","category":"GUEST","position":"Ủy viên Ủy ban Kiểm tra"}""".formatted(outsider));
        assertThat(guest.status()).as(guest.raw()).isEqualTo(201);
        m.delegateOf.put(outsider, guest.body().path("delegateId").asText());
        for (String p : m.delegateOf.keySet()) m.checkIn(p);
        assertThat(m.voterOf).hasSize(5);
        JsonNode dashboard = c.organiser.get(m.path("")).body();
        assertThat(dashboard.path("summoned").asInt()).isEqualTo(5);
        assertThat(dashboard.path("present").asInt()).isEqualTo(5);
        assertThat(dashboard.path("quorumMet").asBoolean()).isTrue();
        assertThat(c.organiser.post(m.path("/open"), "").status()).isEqualTo(200);
        List<Http> all = m.voters(m0, m1, m2, m3, m4);
        // R-14, ADR 0017: every member stands for an office, so the meeting asks two delegates of the congress who stand
        // for nothing here to count; they hold the key shares of the meeting's ballot boxes.
        List<String> counters = c.personIds.stream().filter(p -> !bch.contains(p) && !p.equals(outsider)).limit(2).toList();
        m.ballots.decide("COUNTING_COMMITTEE", "Cử Tổ kiểm phiếu của hội nghị", counters);

        // Standing committee: members of the executive committee only.
        Answer standing = m.ballots.open("STANDING_COMMITTEE", 3);
        assertThat(standing.status()).as(standing.raw()).isEqualTo(201);
        String standingId = standing.body().path("electionId").asText();
        long before = eventCount();
        assertProblem(m.ballots.nominate(standingId, outsider), 409, "candidate-not-on-executive-committee", "R-41");
        assertThat(eventCount()).as("a refused nomination records nothing").isEqualTo(before);
        for (String p : List.of(m0, m1, m2)) assertThat(m.ballots.nominate(standingId, p).status()).isEqualTo(200);
        assertThat(m.ballots.approveAndVote(standingId, 3, List.of(m0, m1, m2), List.of(m0, m1, m2), all).electedPersonIds())
                .containsExactlyInAnyOrder(m0, m1, m2);

        // Chair and vice-chairs, each on its own ballot (R-40: the congress did not elect the chair directly).
        Ballots.Result chair = m.ballots.elect("CHAIR", 1, List.of(m0), List.of(m0), all);
        assertThat(chair.electedPersonIds()).containsExactly(m0);
        assertThat(m.ballots.elect("VICE_CHAIRS", 2, List.of(m1, m2), List.of(m1, m2), all).electedPersonIds())
                .containsExactlyInAnyOrder(m1, m2);

        // The inspection committee may include a member from outside the executive committee.
        assertThat(m.ballots.elect("INSPECTION_COMMITTEE", 3, List.of(m3, m4, outsider), List.of(m3, m4, outsider), all)
                .electedPersonIds()).containsExactlyInAnyOrder(m3, m4, outsider);

        // Its chair comes from among its members.
        Answer chairOfInspection = m.ballots.open("INSPECTION_CHAIR", 1);
        String inspectionChairId = chairOfInspection.body().path("electionId").asText();
        assertProblem(m.ballots.nominate(inspectionChairId, m0), 409, "candidate-not-on-inspection-committee", "R-41");
        assertThat(m.ballots.nominate(inspectionChairId, m3).status()).isEqualTo(200);
        assertThat(m.ballots.approveAndVote(inspectionChairId, 1, List.of(m3), List.of(m3), all).electedPersonIds()).containsExactly(m3);

        // the inspection committee then elects its vice-chair; its rounds' roll is its members present, the guest included.
        Answer vice = m.ballots.open("INSPECTION_VICE_CHAIR", 1);
        String viceId = vice.body().path("electionId").asText();
        assertThat(m.ballots.nominate(viceId, m4).status()).isEqualTo(200);
        String list = m.ballots.decide("CANDIDATE_LIST", "Danh sách bầu Phó Chủ nhiệm Ủy ban Kiểm tra", List.of(m4));
        assertThat(c.organiser.post("/api/elections/" + viceId + "/approve-list", "{\"listDecisionId\":\"" + list + "\"}").status()).isEqualTo(200);
        vn.daihoi.support.CountingDesk.of(c.organiser, m.meetingId).committee();
        Answer round = c.organiser.post("/api/elections/" + viceId + "/rounds", "{\"round\":1}");
        assertThat(round.status()).as(round.raw()).isEqualTo(201);
        vn.daihoi.support.CountingDesk.of(c.organiser, m.meetingId).seal(viceId, 1);
        assertThat(round.body().path("voters").asInt()).as("m3, m4 and the guest member").isEqualTo(3);
        assertThat(round.body().path("summoned").asInt()).as("quorum over the inspection committee").isEqualTo(3);
        assertThat(round.body().path("present").asInt()).isEqualTo(3);
        String candidate = c.organiser.get("/api/elections/" + viceId).body().path("ballotOrder").get(0).asText();
        String ballot = "{\"keptCandidateIds\":[\"" + candidate + "\"]}";
        Answer notAMember = m.voterOf.get(m0).postWithHeader("/api/elections/" + viceId + "/rounds/1/ballots", ballot,
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(notAMember.status()).as(notAMember.raw()).isEqualTo(409);
        assertThat(notAMember.body().path("code").asText()).isEqualTo("not-on-round-roll");
        for (Http v : m.voters(m3, m4)) {
            assertThat(v.postWithHeader("/api/elections/" + viceId + "/rounds/1/ballots", ballot, "Idempotency-Key",
                    UUID.randomUUID().toString()).status()).isEqualTo(201);
        }
        // The guest member holds no voting credential (guests never get one, R-11): he votes on a paper ballot,
        // entered twice by the counting committee.
        String viceRound = "/api/elections/" + viceId + "/rounds/1";
        assertThat(c.organiser.post(viceRound + "/paper-ballots", "{\"delegateId\":\"" + m.delegateOf.get(outsider) + "\"}").status())
                .isEqualTo(200);
        vn.daihoi.support.CountingDesk meetingDesk = vn.daihoi.support.CountingDesk.of(c.organiser, m.meetingId);
        for (Http member : List.of(meetingDesk.member(counters.get(0)), meetingDesk.member(counters.get(1)))) {
            Answer entry = member.post(viceRound + "/paper-entries", "{\"sheet\":1,\"keptCandidateIds\":[\"" + candidate + "\"]}");
            assertThat(entry.status()).as(entry.raw()).isEqualTo(204);
        }
        assertThat(c.organiser.post(viceRound + "/paper-accounting", "{\"notReturned\":0}").status()).isEqualTo(200);
        JsonNode counted = vn.daihoi.support.CountingDesk.of(c.organiser, m.meetingId).close(viceId, 1).body();
        assertThat(counted.path("collected").asInt()).isEqualTo(3);
        assertThat(counted.path("paper").asInt()).isEqualTo(1);
        assertThat(counted.path("lines").get(0).path("votes").asInt()).isEqualTo(3);
        assertThat(counted.path("lines").get(0).path("outcome").asText()).isEqualTo("ELECTED");
        // The counting minutes name the meeting, not a congress.
        JsonNode minutes = c.organiser.get(viceRound + "/minutes").body();
        assertThat(minutes.path("congressTitle").asText()).isEqualTo("Hội nghị lần thứ nhất Ban Chấp hành");

        // The federation's season still shows the congress, not the meeting, as the branch's congress of the term.
        JsonNode season = c.organiser.get("/api/units/" + c.scenario.branch + "/congresses?term=2023").body();
        assertThat(season.path("units").get(0).path("congress").path("congressId").asText()).isEqualTo(c.scenario.congress);

        // submitted with the meeting's chair election listed first, the term and ordinal are still the congress's.
        Answer submitted = c.organiser.post("/api/units/" + c.scenario.branch + "/terms",
                "{\"electionIds\":[\"" + chair.electionId() + "\",\"" + e.electionId() + "\"]}");
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        assertThat(submitted.body().path("congressOrdinal").asInt()).isEqualTo(10);
    }

    @Test
    void aFirstMeetingDoesNotElectAChairTheCongressAlreadyElectedDirectly() {
        Elected e = congressThatElected(8, 3);
        CongressInSession c = e.congress();
        String chair = e.committee().get(0);
        // the congress elects the chair directly, in the same session.
        Ballots.Result direct = new Ballots(c.organiser, c.scenario.congress).elect("CHAIR", 1, List.of(chair), List.of(chair), c.voters);
        assertThat(direct.electedPersonIds()).containsExactly(chair);

        Meeting m = meetingOf(e);
        for (String p : e.committee()) m.checkIn(p);
        assertThat(c.organiser.post(m.path("/open"), "").status()).isEqualTo(200);
        long before = eventCount();
        Answer second = m.ballots.open("CHAIR", 1);
        assertProblem(second, 409, "chair-elected-by-congress", "R-40");
        assertThat(second.body().path("title").asText()).isEqualTo("Đại hội đã bầu trực tiếp Chủ tịch; Hội nghị lần thứ nhất không bầu lại Chủ tịch.");
        assertProblem(m.ballots.open("EXECUTIVE_COMMITTEE", 3), 409, "not-elected-at-first-meeting", "R-41");
        assertThat(eventCount()).as("refusals record nothing").isEqualTo(before);
        // The vice-chairs are still elected at the meeting.
        assertThat(m.ballots.open("VICE_CHAIRS", 1).status()).isEqualTo(201);
    }

    @Test
    void badMeetingRequestsAreRefusedWithProblemDetailsAndChangeNothing() {
        CongressInSession c = new CongressInSession(this, 3, 3);
        String person = c.personIds.get(0);
        long before = eventCount();
        String base = """
                "unitId":"%s","kind":"COMMITTEE_MEETING","term":{"startYear":2023,"endYear":2028},"date":"2023-06-01","venue":"Phòng họp"
                """.formatted(c.scenario.branch).strip();
        assertProblem(c.organiser.post("/api/congresses", "{" + base + "}"), 422, "missing-field", "R-41");
        assertProblem(c.organiser.post("/api/congresses", "{" + base + ",\"purpose\":\"FIRST_MEETING\",\"convenerPersonId\":\"" + person + "\"}"),
                422, "missing-field", "R-41");
        assertProblem(c.organiser.post("/api/congresses", "{" + base + ",\"purpose\":\"FIRST_MEETING\",\"ofCongressId\":\"nope\",\"convenerPersonId\":\"" + person + "\"}"),
                422, "unknown-congress", "R-41");
        assertProblem(c.organiser.post("/api/congresses", "{" + base + ",\"purpose\":\"FIRST_MEETING\",\"ofCongressId\":\"" + c.scenario.congress
                + "\",\"convenerPersonId\":\"no-such-person\"}"), 422, "unknown-person", "R-41");
        assertProblem(c.organiser.post("/api/congresses", "{" + base + ",\"purpose\":\"SOMETHING\"}"), 400, "malformed-request", null);
        assertProblem(c.organiser.post("/api/congresses", "{" + base.replace("COMMITTEE_MEETING", "DELEGATE") + ",\"ordinal\":11,\"announcedSeats\":5,\"purpose\":\"OTHER\"}"),
                422, "not-a-meeting", "R-10");
        // A congress is not a first meeting; a first meeting of a congress that elected nobody has nobody to summon.
        assertProblem(c.organiser.post("/api/congresses/" + c.scenario.congress + "/delegates/elected-committee", ""),
                409, "not-a-first-meeting", "R-41");
        assertThat(eventCount()).isEqualTo(before);
        Answer m = conveneFirstMeeting(c, c.scenario.congress, person);
        assertThat(m.status()).as(m.raw()).isEqualTo(201);
        long after = eventCount();
        assertProblem(c.organiser.post("/api/congresses/" + m.body().path("congress").path("congressId").asText()
                + "/delegates/elected-committee", ""), 409, "committee-not-elected", "R-41");
        assertThat(eventCount()).isEqualTo(after);
    }

    @Test
    void aCongressConvenedBeforeMeetingsExistedStillLoadsFromItsOldEvent() {
        CongressInSession c = new CongressInSession(this, 2, 2);
        // Rewrite a copy of the congress's first event into the shape of revision 1 (no purpose, electing congress or
        // convener), under a new congress id, as if it had been stored before this change.
        String oldId = UUID.randomUUID().toString();
        jdbc.update("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                payload_type, payload_revision, payload, meta_data)
                select ?, ?, 0, type, time_stamp, payload_type, '1',
                       convert_to(((convert_from(payload, 'UTF8')::jsonb - 'purpose' - 'ofCongressId' - 'convenerPersonId')
                                   || jsonb_build_object('congressId', ?::text, 'ordinal', 9, 'term',
                                                         jsonb_build_object('startYear', 2018, 'endYear', 2023)))::text, 'UTF8'),
                       meta_data
                from domain_event_entry where aggregate_identifier = ? and sequence_number = 0""",
                UUID.randomUUID().toString(), oldId, oldId, c.scenario.congress);
        String payload = jdbc.queryForObject("select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ?",
                String.class, oldId);
        assertThat(payload).doesNotContain("purpose").doesNotContain("convenerPersonId");

        // The projection reads it, and the aggregate loads from it to take a delegate.
        JsonNode view = null;
        for (int i = 0; i < 100 && (view == null || view.path("congress").isMissingNode()); i++) {
            Answer a = c.organiser.get("/api/congresses/" + oldId);
            if (a.status() == 200) view = a.body();
            else sleep();
        }
        assertThat(view).as("the projection read the old event").isNotNull();
        assertThat(view.path("congress").path("kind").asText()).isEqualTo("DELEGATE");
        assertThat(view.path("congress").path("ordinalRoman").asText()).isEqualTo("IX");
        assertThat(view.path("congress").path("purpose").isNull()).isTrue();
        Answer added = c.organiser.post("/api/congresses/" + oldId + "/delegates",
                "{\"personId\":\"" + c.personIds.get(0) + "\",\"code\":\"DB-CU\"}");
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        assertThat(added.body().path("basis").asText()).isEqualTo("ELECTED");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
