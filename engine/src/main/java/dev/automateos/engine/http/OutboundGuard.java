package dev.automateos.engine.http;

import dev.automateos.engine.node.OutboundRefusedException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a URL may be requested: scheme http or https, a host, no refused host name, and
 * every address the host resolves to allowed by the {@link OutboundPolicy}. Checking every address
 * (not only the first) matters: a name with one public and one metadata address would otherwise
 * pass the check and then connect to the wrong one. Thread-safe.
 */
public final class OutboundGuard {

    /** Resolves a host name; {@link InetAddress#getAllByName} in production, a fixed table in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata.goog");

    private final OutboundPolicy policy;
    private final Resolver resolver;

    public OutboundGuard(OutboundPolicy policy) {
        this(policy, InetAddress::getAllByName);
    }

    public OutboundGuard(OutboundPolicy policy, Resolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    public OutboundPolicy policy() {
        return policy;
    }

    /**
     * Returns the addresses the host resolves to when all are allowed. Throws
     * {@link OutboundRefusedException} when the URL or one address is refused, and
     * {@link UnknownHostException} when the name does not resolve.
     */
    public List<InetAddress> check(URI uri) throws UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new OutboundRefusedException("Outbound request refused: only http and https URLs can be requested, not '" + scheme + "'.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new OutboundRefusedException("Outbound request refused: the URL has no valid host name.");
        }
        String host = OutboundPolicy.normalizeHost(uri.getHost());
        checkName(host);
        InetAddress[] addresses = resolver.resolve(host);
        for (InetAddress address : addresses) {
            checkAddress(host, address);
        }
        return List.of(addresses);
    }

    private void checkName(String host) {
        if (METADATA_NAMES.contains(host)) {
            throw refused(host, "it is a cloud metadata service");
        }
        if (OutboundPolicy.matches(policy.deniedHosts(), host)) {
            throw refused(host, "the host is on the outbound deny list");
        }
        if (!policy.allowedHosts().isEmpty() && !OutboundPolicy.matches(policy.allowedHosts(), host)) {
            throw refused(host, "only the hosts on the outbound allow list can be reached");
        }
    }

    private void checkAddress(String host, InetAddress address) {
        String ip = address.getHostAddress();
        switch (AddressKind.of(address)) {
            case CLOUD_METADATA -> throw refused(host, ip + " is a cloud metadata or link-local address");
            case NOT_ROUTABLE -> throw refused(host, ip + " is a multicast, broadcast or reserved address");
            case LOOPBACK -> {
                if (!policy.allowLoopback()) {
                    throw refused(host, ip + " is a loopback address and the outbound policy refuses loopback");
                }
            }
            case PRIVATE -> {
                if (!policy.allowPrivate()) {
                    throw refused(host, ip + " is a private address and the outbound policy refuses private ranges");
                }
            }
            case PUBLIC -> {
                // Always allowed.
            }
        }
    }

    private static OutboundRefusedException refused(String host, String reason) {
        return new OutboundRefusedException("Outbound request to '" + host + "' refused: " + reason + ".");
    }
}
