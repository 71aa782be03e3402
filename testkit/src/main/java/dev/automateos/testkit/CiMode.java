package dev.automateos.testkit;

/** Under CI ({@code CI=true}) a missing service is a failure, not a skip. */
public final class CiMode {

    private CiMode() {
    }

    public static boolean active() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
