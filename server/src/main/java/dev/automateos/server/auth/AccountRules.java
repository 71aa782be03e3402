package dev.automateos.server.auth;

import dev.automateos.server.web.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a username, password and email acceptable. Each check returns the problems it
 * found (empty when the value is fine), located at the JSON Pointer the caller passes.
 */
public final class AccountRules {

    public static final int PASSWORD_MIN = 10;
    public static final int PASSWORD_MAX = 128;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    // The commonest passwords that pass the length rule; a full breach list is a later feature.
    private static final Set<String> COMMON = Set.of("1234567890", "12345678910", "0123456789", "qwertyuiop",
            "password12", "password123", "password1234", "passwordpassword", "iloveyou12", "1q2w3e4r5t",
            "qwerty1234", "qwerty12345", "abcdefghij", "letmein123", "welcome123", "administrator");

    private AccountRules() {
    }

    /** The stored form of a username: trimmed and lower-cased, so uniqueness ignores case. */
    public static String normalizeUsername(String username) {
        return username == null ? null : username.trim().toLowerCase(Locale.ROOT);
    }

    public static List<FieldProblem> checkUsername(String path, String username) {
        if (username == null || username.isBlank()) {
            return List.of(new FieldProblem(path, "required", "A username is required."));
        }
        if (!USERNAME.matcher(normalizeUsername(username)).matches()) {
            return List.of(new FieldProblem(path, "invalid_username", "A username has 3 to 64 characters: letters, "
                    + "digits, '.', '_' or '-', and starts with a letter or a digit."));
        }
        return List.of();
    }

    public static List<FieldProblem> checkPassword(String path, String password, String username) {
        if (password == null || password.isEmpty()) {
            return List.of(new FieldProblem(path, "required", "A password is required."));
        }
        int length = password.codePointCount(0, password.length());
        List<FieldProblem> problems = new ArrayList<>();
        if (length < PASSWORD_MIN) {
            problems.add(new FieldProblem(path, "too_short", "The password needs at least " + PASSWORD_MIN
                    + " characters."));
        } else if (length > PASSWORD_MAX) {
            problems.add(new FieldProblem(path, "too_long", "The password may have at most " + PASSWORD_MAX
                    + " characters."));
        } else if (weak(password, username)) {
            problems.add(new FieldProblem(path, "too_weak", "The password is too easy to guess: it must not contain "
                    + "the username, repeat one character, or be a well-known password."));
        }
        return problems;
    }

    private static boolean weak(String password, String username) {
        String lower = password.toLowerCase(Locale.ROOT);
        String name = normalizeUsername(username);
        return password.isBlank()
                || password.chars().distinct().count() == 1
                || (name != null && name.length() >= 3 && lower.contains(name))
                || COMMON.contains(lower);
    }

    /** {@code null} means no email; otherwise it must look like one and fit the column. */
    public static List<FieldProblem> checkEmail(String path, String email) {
        if (email == null) {
            return List.of();
        }
        if (email.length() > 254 || !EMAIL.matcher(email.trim()).matches()) {
            return List.of(new FieldProblem(path, "invalid_email", "This is not a valid email address."));
        }
        return List.of();
    }

    /** Emails are stored trimmed; an empty one means none. */
    public static String normalizeEmail(String email) {
        return email == null || email.isBlank() ? null : email.trim();
    }
}
