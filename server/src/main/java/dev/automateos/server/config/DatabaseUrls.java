package dev.automateos.server.config;

/** Shows a JDBC URL without any password it may carry. */
public final class DatabaseUrls {

    private DatabaseUrls() {
    }

    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****").replaceAll("//([^:/@]+):[^@/]*@", "//$1:****@");
    }
}
