package vn.daihoi.account;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ADR 0015: what the sign-in limits count, from whom, and how much memory an attacker can make them hold. */
class SignInLimitsTest {

    /** The shipped per-address, per-code and per-username limits; the global ceiling, memory bound and proxies as given. */
    private static SignInLimits limits(long globalBurst, int maxTracked, String proxies) {
        return new SignInLimits(20, 10, 5, 1, globalBurst, 600, 12, 20, 10, 10, 1, maxTracked, proxies);
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", "/api/auth/voting-code");
        r.setRemoteAddr(address);
        return r;
    }

    private static int failuresUntilRefused(SignInLimits l, MockHttpServletRequest r, int max) {
        for (int i = 0; i < max; i++) {
            try {
                l.votingCode(r, java.util.UUID.randomUUID().toString()); // fails: not reported as succeeded
            } catch (SignInLimits.TooManyAttempts e) {
                assertThat(e.retryAfterSeconds()).isBetween(1L, 60L);
                return i;
            }
        }
        return max;
    }

    @Test
    void aHallOfPhonesBehindOneAddressExchangingRealCodesIsNeverRefused() {
        SignInLimits l = limits(300, 1000, "");
        for (int i = 0; i < 2000; i++) l.votingCode(from("203.0.113.7"), "REAL-" + i).succeeded();
        assertThat(failuresUntilRefused(l, from("203.0.113.7"), 100)).as("failures still allowed after 2000 successes").isEqualTo(20);
    }

    @Test
    void theGlobalCeilingHoldsAnAttackerWhoSpreadsHisGuessesOverManyAddresses() {
        SignInLimits l = limits(300, 1000, "");
        int allowed = 0;
        for (int a = 0; a < 200; a++) allowed += failuresUntilRefused(l, from("198.51.100." + a), 20);
        assertThat(allowed).isEqualTo(300);
    }

    @Test
    void aHallWhoseDelegatesHaveExchangedCodesKeepsExchangingWhileGuessesFromElsewhereEmptyTheGlobalCeiling() {
        SignInLimits l = limits(100, 1000, "");
        l.votingCode(from("203.0.113.7"), "REAL-CODE-1").succeeded();
        int allowed = 0;
        for (int a = 0; a < 20; a++) allowed += failuresUntilRefused(l, from("198.51.100." + a), 20);
        assertThat(allowed).as("the global ceiling").isEqualTo(100);
        assertThatThrownBy(() -> l.votingCode(from("192.0.2.50"), "REAL-CODE-2"))
                .as("an address that never exchanged a code waits for the ceiling").isInstanceOf(SignInLimits.TooManyAttempts.class);
        for (int i = 0; i < 50; i++) l.votingCode(from("203.0.113.7"), "REAL-CODE-" + (10 + i)).succeeded();
        assertThat(failuresUntilRefused(l, from("203.0.113.7"), 100)).as("the hall keeps its own per-address limit").isEqualTo(20);
    }

    @Test
    void anAttackerCyclingThroughAddressesCannotMakeTheLimitsHoldMoreThanTheirBound() {
        SignInLimits l = limits(1_000_000, 500, "");
        for (int a = 0; a < 20_000; a++) {
            try {
                l.votingCode(from("10." + (a >> 16) + "." + ((a >> 8) & 255) + "." + (a & 255)), "GUESS-" + a);
            } catch (SignInLimits.TooManyAttempts ignored) {
                // not reached: every address is new
            }
        }
        assertThat(l.trackedAddresses()).isEqualTo(500);
    }

    @Test
    void xForwardedForIsBelievedOnlyFromATrustedProxy() {
        SignInLimits none = limits(300, 1000, "");
        MockHttpServletRequest spoofed = from("192.0.2.1");
        spoofed.addHeader("X-Forwarded-For", "10.9.9.9");
        assertThat(none.client(spoofed)).isEqualTo("192.0.2.1");

        SignInLimits behindProxy = limits(300, 1000, "127.0.0.1, 10.0.0.2");
        MockHttpServletRequest proxied = from("127.0.0.1");
        proxied.addHeader("X-Forwarded-For", "6.6.6.6, 198.51.100.23, 10.0.0.2");
        assertThat(behindProxy.client(proxied)).as("the last hop before the trusted proxies").isEqualTo("198.51.100.23");
        MockHttpServletRequest direct = from("192.0.2.1");
        direct.addHeader("X-Forwarded-For", "10.9.9.9");
        assertThat(behindProxy.client(direct)).as("a client that is not a proxy").isEqualTo("192.0.2.1");
    }

    @Test
    void aRefusalLeavesTheOtherLimitsUntouched() {
        SignInLimits l = limits(300, 1000, "");
        // The same typed code from six addresses: the sixth is refused by the per-code limit ...
        for (int i = 0; i < 5; i++) l.votingCode(from("192.0.2." + i), "ABCD-EFGH");
        assertThatThrownBy(() -> l.votingCode(from("192.0.2.9"), "abcd efgh")).isInstanceOf(SignInLimits.TooManyAttempts.class);
        // ... and that refusal did not spend 192.0.2.9's own allowance.
        assertThat(failuresUntilRefused(l, from("192.0.2.9"), 100)).isEqualTo(20);
    }
}
