package com.partnerline.accounts;

import java.time.Instant;

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

	TokenController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@PostMapping("/api/v1/auth/token")
	TokenResponse issue(@Valid @RequestBody TokenRequest request) {
		Account account = accounts.checkPassword(request.email(), request.password())
			.orElseThrow(() -> ApiProblem.unauthorized("accounts.badCredentials"));
		AccountManagement.IssuedToken token = accounts.issueToken(account);
		return new TokenResponse(token.token(), token.expiresAt());
	}

	record TokenRequest(@NotBlank @Email String email, @NotBlank String password) {
	}

	record TokenResponse(String token, Instant expiresAt) {
	}

}
