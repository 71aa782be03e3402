package dev.automateos.engine.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The range an IP address belongs to, as far as the outbound guard cares. IPv6 forms that embed an
 * IPv4 address (mapped {@code ::ffff:a.b.c.d}, compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96},
 * 6to4 {@code 2002::/16}) are judged by the IPv4 address inside, so they cannot smuggle a refused one.
 */
public enum AddressKind {
    /** Cloud metadata services and all link-local addresses: always refused. */
    CLOUD_METADATA,
    /** Multicast, broadcast and reserved ranges: no HTTP server lives there; always refused. */
    NOT_ROUTABLE,
    LOOPBACK,
    PRIVATE,
    PUBLIC;

    private static final byte[] AWS_IPV6_METADATA = literal("fd00:ec2::254");

    public static AddressKind of(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet6Address ? ofIpv6(b) : ofIpv4(b);
    }

    private static AddressKind ofIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 169 && second == 254 || Arrays.equals(b, new byte[] {100, 100, 100, (byte) 200})) {
            return CLOUD_METADATA;
        }
        if (first == 127 || first == 0) {
            // 0.0.0.0 reaches the local host on Linux and macOS.
            return LOOPBACK;
        }
        if (first == 10 || first == 172 && (second & 0xf0) == 16 || first == 192 && second == 168
                || first == 100 && (second & 0xc0) == 64) {
            return PRIVATE;
        }
        return first >= 224 ? NOT_ROUTABLE : PUBLIC;
    }

    private static AddressKind ofIpv6(byte[] b) {
        if (Arrays.equals(b, AWS_IPV6_METADATA) || (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
            return CLOUD_METADATA;
        }
        if (isZero(b, 0, 15) && (b[15] == 0 || b[15] == 1)) {
            return LOOPBACK;
        }
        byte[] embedded = embeddedIpv4(b);
        if (embedded != null) {
            return ofIpv4(embedded);
        }
        if ((b[0] & 0xfe) == 0xfc || (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return PRIVATE;
        }
        return (b[0] & 0xff) == 0xff ? NOT_ROUTABLE : PUBLIC;
    }

    private static byte[] embeddedIpv4(byte[] b) {
        boolean compatible = isZero(b, 0, 12);
        boolean mapped = isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && isZero(b, 4, 12);
        if (compatible || mapped || nat64) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] literal(String ip) {
        try {
            return InetAddress.getByName(ip).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
