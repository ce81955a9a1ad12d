package com.partnerline.accounts;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

import com.partnerline.kernel.ApiProblem;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/token}: a bearer token for the partner API. */
@RestController
class TokenController {

	private final AccountManagement accounts;

	private final LoginThrottle throttle;

	private final LogonAddresses addresses;

	TokenController(AccountManagement accounts, LoginThrottle throttle, LogonAddresses addresses) {
		this.addresses = addresses;
		this.accounts = accounts;
		this.throttle = throttle;
	}

	@PostMapping("/api/v1/auth/token")
	TokenResponse issue(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
		String address = http.getRemoteAddr();
		// Reserved before the password is checked: a refused guess costs the guesser, not the slow hash,
		// and a failed one stays counted.
		throttle.beforeAttempt(request.email(), address);
		Account account = accounts.checkPassword(request.email(), request.password()).orElse(null);
		if (account == null) {
			throw ApiProblem.unauthorized("accounts.badCredentials");
		}
		throttle.succeeded(request.email());
		addresses.recordByEmail(request.email(), address);
		AccountManagement.IssuedToken token = accounts.issueToken(account);
		return new TokenResponse(token.token(), token.expiresAt());
	}

	record TokenRequest(@NotBlank @Email String email, @NotBlank String password) {
	}

	record TokenResponse(String token, Instant expiresAt) {
	}

}
