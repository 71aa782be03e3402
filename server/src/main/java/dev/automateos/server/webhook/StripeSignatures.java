package dev.automateos.server.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stripe's scheme: {@code Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...]} where each
 * {@code v1} is HMAC-SHA256 of {@code "<t>.<raw body>"} keyed with the endpoint secret. Several
 * {@code v1} values appear while a secret is rolled; one match is enough. Other schemes (v0) are ignored.
 */
final class StripeSignatures {

    private StripeSignatures() {
    }

    static boolean verify(String header, String secret, byte[] body, Instant now, int toleranceSeconds) {
        if (header == null) {
            return false;
        }
        String signedTime = null;
        List<String> signatures = new ArrayList<>();
        for (String item : header.split(",")) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = item.substring(0, eq).strip();
            String value = item.substring(eq + 1).strip();
            if (key.equals("t")) {
                signedTime = value;
            } else if (key.equals("v1")) {
                signatures.add(value);
            }
        }
        Long timestamp = signedTime == null ? null : parse(signedTime);
        if (timestamp == null || signatures.isEmpty()
                || Math.abs(now.getEpochSecond() - timestamp) > toleranceSeconds) {
            return false;
        }
        String expected = Signatures.hmacSha256Hex(secret, (signedTime + ".").getBytes(StandardCharsets.UTF_8), body);
        boolean match = false;
        for (String signature : signatures) {
            match |= Signatures.same(signature, expected);
        }
        return match;
    }

    private static Long parse(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
