package dev.automateos.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.automateos.server.config.AutomateOsProperties;
import dev.automateos.server.config.InvalidSettingException;
import dev.automateos.server.crypto.MasterKey;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Issues and checks the short-lived access tokens (HS256 JWTs). The signing key is
 * {@code automateos.auth.jwt-secret} when set, otherwise derived from the master key, so every
 * server sharing the master key accepts every other server's tokens.
 */
@Service
public class JwtService {

    static final String ISSUER = "automateos";

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Duration ttl;
    private final Clock clock;

    public JwtService(AutomateOsProperties properties, MasterKey masterKey, Clock clock) {
        byte[] secret = signingSecret(properties.auth().jwtSecret(), masterKey);
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot set up JWT signing", e);
        }
        this.ttl = properties.auth().accessTokenTtl();
        this.clock = clock;
    }

    private static byte[] signingSecret(String configured, MasterKey masterKey) {
        if (configured == null || configured.isBlank()) {
            return masterKey.derive("jwt-signing/v1");
        }
        byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new InvalidSettingException("automateos.auth.jwt-secret", "must be at least 32 characters long");
        }
        return bytes;
    }

    public record IssuedToken(String value, Instant expiresAt) {
    }

    public IssuedToken issue(UUID userId, String username, Role role) {
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(userId.toString())
                .claim("name", username)
                .claim("role", role.wireName())
                .claim("scope", String.join(" ", role.sessionScopes().stream().sorted().map(Scope::wireName).toList()))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a JWT", e);
        }
        return new IssuedToken(jwt.serialize(), expires);
    }

    public Duration ttl() {
        return ttl;
    }

    /** Why a token was refused; each becomes its own problem code. */
    public static final class InvalidTokenException extends RuntimeException {
        private final boolean expired;

        InvalidTokenException(String message, boolean expired) {
            super(message, null, false, false);
            this.expired = expired;
        }

        public boolean expired() {
            return expired;
        }
    }

    public AuthenticatedUser verify(String token) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw new InvalidTokenException("The access token's signature is not valid.", false);
            }
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException | IllegalStateException e) {
            throw new InvalidTokenException("The access token is malformed.", false);
        }
        if (!ISSUER.equals(claims.getIssuer()) || claims.getExpirationTime() == null || claims.getSubject() == null) {
            throw new InvalidTokenException("The access token is not one of ours.", false);
        }
        if (!clock.instant().isBefore(claims.getExpirationTime().toInstant())) {
            throw new InvalidTokenException("The access token has expired; refresh it or log in again.", true);
        }
        try {
            Role role = Role.fromWire(claims.getStringClaim("role"));
            Set<Scope> scopes = EnumSet.noneOf(Scope.class);
            String scope = claims.getStringClaim("scope");
            if (scope != null && !scope.isBlank()) {
                List.of(scope.split(" ")).forEach(s -> scopes.add(Scope.fromWire(s)));
            }
            // A session never holds more than its role allows, whatever the token says.
            scopes.retainAll(role.sessionScopes());
            return new AuthenticatedUser(UUID.fromString(claims.getSubject()), claims.getStringClaim("name"), role,
                    scopes, null);
        } catch (ParseException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidTokenException("The access token's claims are malformed.", false);
        }
    }
}
