package com.partnerline.platform;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.Caller;
import com.partnerline.accounts.CurrentCaller;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Which language a person reads: the signed-in account's setting, else the
 * language picked with the switcher (a cookie), else the request's
 * {@code Accept-Language}, else English. Picking a language while signed in changes
 * the account's setting, so mail follows too.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

	/** The languages of the product, in the switcher's order. */
	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"), Locale.FRENCH,
			Locale.GERMAN);

	static final String COOKIE = "pl_lang";

	/**
	 * Every bundle under {@code messages/} in UTF-8, found by scanning, so that each
	 * module keeps its own texts ({@code messages/<module>.properties} and its
	 * {@code _ru}, {@code _fr}, {@code _de} translations). No fallback to the
	 * machine's language: a missing key falls back to English only. Formatted by
	 * ICU (plural forms; see {@link IcuMessageSource}).
	 */
	@Bean
	MessageSource messageSource() throws IOException {
		ReloadableResourceBundleMessageSource source = new IcuMessageSource();
		source.setBasenames(bundleBasenames().toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setUseCodeAsDefaultMessage(false);
		return source;
	}

	/** The base names of the message bundles: {@code classpath:messages/core} and the like. */
	static List<String> bundleBasenames() throws IOException {
		Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties");
		return Arrays.stream(resources)
			.map(Resource::getFilename)
			.filter(Objects::nonNull)
			.filter(name -> !name.matches(".*_[a-z]{2}\\.properties"))
			.map(name -> "classpath:messages/" + name.substring(0, name.length() - ".properties".length()))
			.distinct()
			.sorted()
			.toList();
	}

	@Bean
	LocaleResolver localeResolver(CurrentCaller currentCaller, AccountManagement accounts) {
		return new PreferenceLocaleResolver(currentCaller, accounts);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor).excludePathPatterns("/api/**", "/r/**", "/feeds/**", "/informer/**");
	}

	/** The supported language closest to {@code requested}, or English. */
	static Locale supported(@Nullable Locale requested) {
		if (requested == null) {
			return Locale.ENGLISH;
		}
		return SUPPORTED.stream()
			.filter(locale -> locale.getLanguage().equals(requested.getLanguage()))
			.findFirst()
			.orElse(Locale.ENGLISH);
	}

	static final class PreferenceLocaleResolver implements LocaleResolver {

		private final CurrentCaller currentCaller;

		private final AccountManagement accounts;

		PreferenceLocaleResolver(CurrentCaller currentCaller, AccountManagement accounts) {
			this.currentCaller = currentCaller;
			this.accounts = accounts;
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			Object chosen = request.getAttribute(COOKIE);
			if (chosen instanceof Locale locale) {
				return locale;
			}
			Optional<Caller> caller = currentCaller.get().filter(c -> c.accountId() != null);
			if (caller.isPresent()) {
				return supported(caller.get().locale());
			}
			if (request.getCookies() != null) {
				for (Cookie cookie : request.getCookies()) {
					if (COOKIE.equals(cookie.getName())) {
						return supported(Locale.forLanguageTag(cookie.getValue()));
					}
				}
			}
			for (Locale locale : java.util.Collections.list(request.getLocales())) {
				Locale match = supported(locale);
				if (match.getLanguage().equals(locale.getLanguage())) {
					return match;
				}
			}
			return Locale.ENGLISH;
		}

		@Override
		public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
				@Nullable Locale locale) {
			Locale chosen = supported(locale);
			request.setAttribute(COOKIE, chosen);
			if (response != null) {
				Cookie cookie = new Cookie(COOKIE, chosen.toLanguageTag());
				cookie.setPath("/");
				cookie.setMaxAge(365 * 24 * 3600);
				cookie.setHttpOnly(true);
				cookie.setAttribute("SameSite", "Lax");
				response.addCookie(cookie);
			}
			currentCaller.get()
				.filter(caller -> caller.accountId() != null)
				.ifPresent(caller -> accounts.changeLanguage(caller.accountId(), chosen));
		}

	}

}
