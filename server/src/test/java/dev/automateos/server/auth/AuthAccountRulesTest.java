package dev.automateos.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.web.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class AuthAccountRulesTest {

    private static List<String> codes(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::code).toList();
    }

    @Test
    void usernamesAreThreeToSixtyFourPlainCharacters() {
        assertThat(AccountRules.checkUsername("/username", "Ada.Lovelace_1-x")).isEmpty();
        assertThat(codes(AccountRules.checkUsername("/username", "ab"))).containsExactly("invalid_username");
        assertThat(codes(AccountRules.checkUsername("/username", "a".repeat(65)))).containsExactly("invalid_username");
        assertThat(codes(AccountRules.checkUsername("/username", "has space"))).containsExactly("invalid_username");
        assertThat(codes(AccountRules.checkUsername("/username", "ünïcode"))).containsExactly("invalid_username");
        assertThat(codes(AccountRules.checkUsername("/username", ".hidden"))).containsExactly("invalid_username");
        assertThat(codes(AccountRules.checkUsername("/username", null))).containsExactly("required");
        assertThat(AccountRules.normalizeUsername(" Ada ")).isEqualTo("ada");
    }

    @Test
    void passwordsNeedTenToOneHundredTwentyEightCharactersAndSomeSubstance() {
        assertThat(AccountRules.checkPassword("/password", "a long enough secret", "ada")).isEmpty();
        assertThat(codes(AccountRules.checkPassword("/password", "too short", "ada"))).containsExactly("too_short");
        assertThat(codes(AccountRules.checkPassword("/password", "x1".repeat(65), "ada"))).containsExactly("too_long");
        assertThat(codes(AccountRules.checkPassword("/password", "my name is Ada!", "ada"))).containsExactly("too_weak");
        assertThat(codes(AccountRules.checkPassword("/password", "aaaaaaaaaaaa", "bob"))).containsExactly("too_weak");
        assertThat(codes(AccountRules.checkPassword("/password", "Password123", "bob"))).containsExactly("too_weak");
        assertThat(codes(AccountRules.checkPassword("/password", "", "bob"))).containsExactly("required");
        assertThat(AccountRules.checkPassword("/new_password", "short", "bob").getFirst().path())
                .isEqualTo("/new_password");
    }

    @Test
    void emailsMustLookLikeEmails() {
        assertThat(AccountRules.checkEmail("/email", "ada@example.org")).isEmpty();
        assertThat(AccountRules.checkEmail("/email", null)).isEmpty();
        assertThat(codes(AccountRules.checkEmail("/email", "not-an-email"))).containsExactly("invalid_email");
        assertThat(codes(AccountRules.checkEmail("/email", "a@b"))).containsExactly("invalid_email");
        assertThat(codes(AccountRules.checkEmail("/email", "a@" + "b".repeat(260) + ".org")))
                .containsExactly("invalid_email");
        assertThat(AccountRules.normalizeEmail("  ")).isNull();
    }

    @Test
    void passwordsLongerThanBcryptReadsStillCountEveryCharacter() {
        Passwords passwords = new Passwords(new BCryptPasswordEncoder(4));
        String long1 = "x".repeat(100) + "1";
        String long2 = "x".repeat(100) + "2";
        String hash = passwords.hash(long1);
        assertThat(passwords.matches(long1, hash)).isTrue();
        assertThat(passwords.matches(long2, hash)).isFalse();
        String shortHash = passwords.hash("a long enough secret");
        assertThat(passwords.matches("a long enough secret", shortHash)).isTrue();
    }

    @Test
    void aMissingHashNeverMatches() {
        Passwords passwords = new Passwords(new BCryptPasswordEncoder(4));
        assertThat(passwords.matches("anything at all", null)).isFalse();
    }
}
