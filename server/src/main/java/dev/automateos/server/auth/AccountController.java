package dev.automateos.server.auth;

import dev.automateos.server.auth.AuthRequests.PasswordChangeRequest;
import dev.automateos.server.auth.AuthRequests.RegisterRequest;
import dev.automateos.server.auth.AuthRequests.RegistrationSetting;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registration, the registration switch, and the signed-in user's own account. */
@RestController
class AccountController {

    private final RegistrationService registration;
    private final MyAccountService myAccount;
    private final LoginRateLimiter limiter;

    AccountController(RegistrationService registration, MyAccountService myAccount, LoginRateLimiter limiter) {
        this.registration = registration;
        this.myAccount = myAccount;
        this.limiter = limiter;
    }

    @GetMapping("/api/v1/auth/status")
    RegistrationService.Status status() {
        return registration.status();
    }

    @PostMapping("/api/v1/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    UserView register(@RequestBody RegisterRequest body, HttpServletRequest request) {
        // Each registration costs a bcrypt hash, so strangers share the log-in limit per address.
        limiter.checkIp(request.getRemoteAddr());
        return UserView.of(registration.register(body.username(), body.password(), body.email()));
    }

    @GetMapping("/api/v1/auth/me")
    MyAccountService.MeView me(@AuthenticationPrincipal AuthenticatedUser me) {
        return myAccount.me(me);
    }

    @PutMapping("/api/v1/auth/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@AuthenticationPrincipal AuthenticatedUser me, @RequestBody PasswordChangeRequest body) {
        myAccount.changePassword(me, body.currentPassword(), body.newPassword());
    }

    @GetMapping("/api/v1/system/registration")
    Map<String, Boolean> registrationSetting() {
        return Map.of("open", registration.isOpen());
    }

    @PutMapping("/api/v1/system/registration")
    Map<String, Boolean> changeRegistrationSetting(@RequestBody RegistrationSetting body) {
        AuthRequests.require("/open", body.open());
        registration.setOpen(body.open());
        return Map.of("open", body.open());
    }
}
