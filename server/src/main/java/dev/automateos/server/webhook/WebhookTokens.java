package dev.automateos.server.webhook;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** The unguessable part of a webhook URL: 24 random bytes, 32 URL-safe characters (192 bits). */
final class WebhookTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{32}");

    private WebhookTokens() {
    }

    static String next() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lets a malformed token answer 404 without a database round trip. */
    static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }
}
