package com.partnerline.accounts;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Form login for the control panel and the vendor console. */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final Accounts accounts;

	AccountUserDetailsService(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		Account account = accounts.findByEmail(email).orElseThrow(() -> new UsernameNotFoundException(email));
		String hash = accounts.passwordHash(account.id()).orElseThrow(() -> new UsernameNotFoundException(email));
		return User.withUsername(account.email())
			.password(hash)
			.authorities(List.of(new SimpleGrantedAuthority(account.role().authority())))
			.disabled(account.status() != AccountStatus.ACTIVE)
			.build();
	}

}
