package dev.automateos.server.credential;

/** Syntax shared by several credential types. */
final class Tokens {

    /** An HTTP field name (RFC 9110 token): no spaces, colons or line breaks can sneak into a request. */
    static final String HTTP_TOKEN = "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$";

    private Tokens() {
    }
}
