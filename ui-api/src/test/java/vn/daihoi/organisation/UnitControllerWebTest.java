package vn.daihoi.organisation;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.daihoi.account.Access;
import vn.daihoi.account.Caller;
import vn.daihoi.account.Grant;
import vn.daihoi.account.Role;
import vn.daihoi.common.RuleViolation;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import vn.daihoi.infra.ProjectionSync;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The web slice of the registry: parameters, defaults and the mapping of failures to problem details. */
@WebMvcTest(UnitController.class)
@AutoConfigureMockMvc(addFilters = false)
class UnitControllerWebTest {

    /** 18:00 UTC on 30 June is already 1 July in Vietnam (UTC+7). */
    private static final Instant EVENING_UTC = Instant.parse("2025-06-30T18:00:00Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(EVENING_UTC, vn.daihoi.infra.EventStoreConfiguration.VIETNAM);
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandGateway commands;
    @MockitoBean
    QueryGateway queries;
    @MockitoBean
    ProjectionSync sync;
    @MockitoBean
    Access access;

    @org.junit.jupiter.api.BeforeEach
    void anAdministratorCalls() {
        when(access.caller()).thenReturn(Caller.account("a1", List.of(new Grant(Role.ADMIN, ""))));
    }

    @Test
    void theTreeDefaultsToTodayInVietnamNotInUtc() throws Exception {
        when(queries.query(any(), any(ResponseType.class))).thenReturn(CompletableFuture.completedFuture(List.of()));
        mvc.perform(get("/api/units")).andExpect(status().isOk());
        ArgumentCaptor<Object> query = ArgumentCaptor.forClass(Object.class);
        verify(queries).query(query.capture(), any(ResponseType.class));
        assertThat(query.getValue()).isEqualTo(new UnitQueries.TreeAsOf(LocalDate.of(2025, 7, 1), null));
    }

    @Test
    void anUnknownFieldIsRefusedBeforeAnyCommandIsSent() throws Exception {
        mvc.perform(post("/api/units").contentType(MediaType.APPLICATION_JSON).content("""
                        {"code":"A","name":"Công đoàn","kind":"BRANCH_UNION","parentUnitId":"p","effectiveOn":"2020-01-01",
                         "decision":{"number":"1"},"nickname":"typo"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:daihoi:problem:malformed-request"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aRuleViolationFromTheAggregateBecomesAProblemWithItsRule() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(RuleViolation.conflict("unit-code-taken", "R-01", "code", "A"));
        mvc.perform(post("/api/units").contentType(MediaType.APPLICATION_JSON).content("""
                        {"code":"A","name":"Công đoàn","kind":"PROVINCIAL_FEDERATION","effectiveOn":"2020-01-01",
                         "decision":{"number":"1"}}"""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("R-01"))
                .andExpect(jsonPath("$.title").value("Mã đơn vị \"A\" đã được dùng cho một đơn vị khác."))
                .andExpect(jsonPath("$.titleEn").value("Unit code \"A\" is already used by another unit."))
                .andExpect(jsonPath("$.detail").value("Unit code \"A\" is already used by another unit."))
                .andExpect(jsonPath("$.field").value("code"));
    }
}
