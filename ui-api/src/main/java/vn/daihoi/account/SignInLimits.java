package vn.daihoi.account;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rate limits on the two public sign-in endpoints (ADR 0015). Only failed attempts count: hundreds of phones behind
 * one congress-hall NAT address all exchanging their real codes are never refused. Each attempt reserves one token
 * from every bucket it is subject to before anything is looked up or hashed, and gives them back when it succeeds;
 * so concurrent guesses cannot overshoot a limit, and a refusal costs neither a database query nor a password hash.
 * <p>
 * Buckets live in memory, per node, in maps bounded by {@code daihoi.abuse.max-tracked} (least recently used
 * first out), so an attacker cycling through addresses cannot exhaust memory; the global ceiling on failed voting
 * codes still holds him when his addresses are evicted.
 */
@Component
public class SignInLimits {

    private final Keyed codeByAddress;
    private final Keyed codeByValue;
    private final Bucket codeEverywhere;
    private final Keyed loginByAddress;
    private final Keyed loginByUsername;
    private final Set<String> trustedProxies;
    private final Proven proven;

    public SignInLimits(
            @Value("${daihoi.abuse.voting-code.address-burst:20}") long codeAddressBurst,
            @Value("${daihoi.abuse.voting-code.address-per-minute:10}") long codeAddressPerMinute,
            @Value("${daihoi.abuse.voting-code.code-burst:5}") long codeBurst,
            @Value("${daihoi.abuse.voting-code.code-per-minute:1}") long codePerMinute,
            @Value("${daihoi.abuse.voting-code.global-burst:500}") long globalBurst,
            @Value("${daihoi.abuse.voting-code.global-per-hour:1200}") long globalPerHour,
            @Value("${daihoi.abuse.voting-code.proven-address-hours:12}") long provenHours,
            @Value("${daihoi.abuse.login.address-burst:20}") long loginAddressBurst,
            @Value("${daihoi.abuse.login.address-per-minute:10}") long loginAddressPerMinute,
            @Value("${daihoi.abuse.login.username-burst:10}") long usernameBurst,
            @Value("${daihoi.abuse.login.username-per-minute:1}") long usernamePerMinute,
            @Value("${daihoi.abuse.max-tracked:10000}") int maxTracked,
            @Value("${daihoi.abuse.trusted-proxies:}") String trustedProxies) {
        this.codeByAddress = new Keyed(limit(codeAddressBurst, codeAddressPerMinute, Duration.ofMinutes(1)), maxTracked);
        this.codeByValue = new Keyed(limit(codeBurst, codePerMinute, Duration.ofMinutes(1)), maxTracked);
        this.codeEverywhere = Bucket.builder().addLimit(limit(globalBurst, globalPerHour, Duration.ofHours(1))).build();
        this.loginByAddress = new Keyed(limit(loginAddressBurst, loginAddressPerMinute, Duration.ofMinutes(1)), maxTracked);
        this.loginByUsername = new Keyed(limit(usernameBurst, usernamePerMinute, Duration.ofMinutes(1)), maxTracked);
        this.proven = new Proven(Duration.ofHours(provenHours), maxTracked);
        this.trustedProxies = Arrays.stream(trustedProxies.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Bandwidth limit(long burst, long refill, Duration per) {
        return Bandwidth.builder().capacity(burst).refillGreedy(refill, per).build();
    }

    /** An attempt allowed to proceed: report {@link #succeeded()} and its reserved tokens go back. */
    public static final class Attempt {
        private final List<Bucket> reserved;
        private final Runnable onSuccess;

        private Attempt(List<Bucket> reserved, Runnable onSuccess) {
            this.reserved = reserved;
            this.onSuccess = onSuccess;
        }

        public void succeeded() {
            for (Bucket b : reserved) b.addTokens(1);
            onSuccess.run();
        }
    }

    /** Too many failed attempts: the client may try again after {@code retryAfterSeconds}. */
    public static final class TooManyAttempts extends RuntimeException {
        private final long retryAfterSeconds;

        TooManyAttempts(long retryAfterSeconds) {
            super("too many failed sign-in attempts", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /**
     * A voting-code exchange: failures count per address, per code typed, and across all addresses. An address that
     * exchanged a real code within {@code proven-address-hours} (a congress hall's) is exempt from the global ceiling,
     * so that guessing from many other addresses cannot lock a hall out; it keeps its own per-address limit. Each code
     * works once, so an attacker proves at most as many addresses as he holds codes.
     */
    public Attempt votingCode(HttpServletRequest request, String code) {
        String address = client(request);
        String typed = code == null ? "" : code.toUpperCase().replaceAll("[^A-Z0-9]", "");
        // Only a digest of what was typed is kept in memory, never a code itself.
        String digest = java.util.HexFormat.of().formatHex(Secrets.sha256(typed));
        List<Bucket> buckets = proven.holds(address)
                ? List.of(codeByAddress.bucket(address), codeByValue.bucket(digest))
                : List.of(codeByAddress.bucket(address), codeByValue.bucket(digest), codeEverywhere);
        return reserve(buckets, () -> proven.add(address));
    }

    /** A password login: failures count per address and per username (known or not, so the limit tells nothing). */
    public Attempt login(HttpServletRequest request, String username) {
        String name = username == null ? "" : username.strip().toLowerCase();
        return reserve(List.of(loginByAddress.bucket(client(request)), loginByUsername.bucket(name)), () -> { });
    }

    /** How many addresses the voting-code limit keeps in memory (tests prove it bounded). */
    int trackedAddresses() {
        return codeByAddress.size();
    }

    private static Attempt reserve(List<Bucket> buckets, Runnable onSuccess) {
        List<Bucket> taken = new ArrayList<>(buckets.size());
        for (Bucket b : buckets) {
            ConsumptionProbe p = b.tryConsumeAndReturnRemaining(1);
            if (!p.isConsumed()) {
                for (Bucket t : taken) t.addTokens(1);
                throw new TooManyAttempts(Math.max(1, (p.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
            }
            taken.add(b);
        }
        return new Attempt(taken, onSuccess);
    }

    /**
     * The client's address: the connection's peer. {@code X-Forwarded-For} is believed only when the peer is one of
     * {@code daihoi.abuse.trusted-proxies}, and then only its last hop not itself a trusted proxy.
     */
    String client(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trustedProxies.contains(peer)) return peer;
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) return hop;
        }
        return peer;
    }

    /** Addresses that exchanged a real code, each for a while; the least recently used forgotten beyond {@code max}. */
    private static final class Proven {
        private final long forNanos;
        private final Map<String, Long> since;

        Proven(Duration lasts, int max) {
            this.forNanos = lasts.toNanos();
            this.since = new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                    return size() > max;
                }
            };
        }

        synchronized boolean holds(String address) {
            Long at = since.get(address);
            return at != null && System.nanoTime() - at < forNanos;
        }

        synchronized void add(String address) {
            since.put(address, System.nanoTime());
        }
    }

    /** Buckets by key, the least recently used forgotten beyond {@code max}. */
    private static final class Keyed {
        private final Bandwidth limit;
        private final Map<String, Bucket> buckets;

        Keyed(Bandwidth limit, int max) {
            this.limit = limit;
            this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                    return size() > max;
                }
            };
        }

        synchronized int size() {
            return buckets.size();
        }

        synchronized Bucket bucket(String key) {
            return buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(limit).build());
        }
    }
}
