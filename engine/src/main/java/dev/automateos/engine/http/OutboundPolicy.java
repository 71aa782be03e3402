package dev.automateos.engine.http;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What outbound HTTP may reach. Cloud metadata services, link-local ranges (169.254.0.0/16,
 * fe80::/10) and multicast/reserved addresses are refused whatever the settings: no workflow has a
 * reason to reach them, and they are the classic target of server-side request forgery.
 *
 * @param allowPrivate   private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7); default true,
 *                       because a personal hub talks to the NAS and the router
 * @param allowLoopback  127/8, ::1 and the unspecified address; default true
 * @param deniedHosts    host names refused even when their addresses are allowed; {@code *.example.com}
 *                       matches sub-domains. Wins over {@code allowedHosts}
 * @param allowedHosts   when not empty, only these host names (same patterns) are reachable at all; it
 *                       narrows, it never lifts an address rule
 * @param maxRedirects   redirects followed per request, each re-checked; default 5
 * @param connectTimeout default 10 s
 */
public record OutboundPolicy(boolean allowPrivate, boolean allowLoopback, List<String> deniedHosts,
                             List<String> allowedHosts, int maxRedirects, Duration connectTimeout) {

    public OutboundPolicy {
        deniedHosts = normalized(deniedHosts);
        allowedHosts = normalized(allowedHosts);
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException("maxRedirects must be between 0 and 20");
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    }

    /** The defaults of a personal hub: private and loopback allowed, metadata refused, 5 redirects. */
    public static OutboundPolicy defaults() {
        return new OutboundPolicy(true, true, List.of(), List.of(), 5, null);
    }

    public OutboundPolicy withAllowPrivate(boolean allow) {
        return new OutboundPolicy(allow, allowLoopback, deniedHosts, allowedHosts, maxRedirects, connectTimeout);
    }

    public OutboundPolicy withAllowLoopback(boolean allow) {
        return new OutboundPolicy(allowPrivate, allow, deniedHosts, allowedHosts, maxRedirects, connectTimeout);
    }

    public OutboundPolicy withDeniedHosts(List<String> hosts) {
        return new OutboundPolicy(allowPrivate, allowLoopback, hosts, allowedHosts, maxRedirects, connectTimeout);
    }

    public OutboundPolicy withAllowedHosts(List<String> hosts) {
        return new OutboundPolicy(allowPrivate, allowLoopback, deniedHosts, hosts, maxRedirects, connectTimeout);
    }

    /** Whether a normalized host name matches one of the patterns: exact, or {@code *.domain} for sub-domains. */
    static boolean matches(List<String> patterns, String host) {
        for (String pattern : patterns) {
            boolean hit = pattern.startsWith("*.")
                    ? host.endsWith(pattern.substring(1))
                    : host.equals(pattern);
            if (hit) {
                return true;
            }
        }
        return false;
    }

    private static List<String> normalized(List<String> hosts) {
        if (hosts == null) {
            return List.of();
        }
        return hosts.stream().map(Objects::requireNonNull).map(OutboundPolicy::normalizeHost).toList();
    }

    /** Lower case, without IPv6 brackets or the trailing dot of a fully qualified name. */
    static String normalizeHost(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }
}
