package dev.automateos.server.auth;

/**
 * The answer of {@code POST /api/v1/auth/token}, shaped like an OAuth2 token response
 * (RFC 6749 section 5.1) plus the refresh token's lifetime and the signed-in user.
 */
record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
                     long refreshExpiresIn, String scope, UserView user) {
}
