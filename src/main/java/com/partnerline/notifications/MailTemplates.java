package com.partnerline.notifications;

import java.util.Locale;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders mails from {@code templates/mail/<name>.txt} (Thymeleaf TEXT mode) and
 * {@code <name>.html}, with texts from the message bundles in the recipient's
 * language. A separate engine, so that the web pages' engine and its settings stay
 * untouched.
 */
@Component
class MailTemplates {

	private final SpringTemplateEngine text = new SpringTemplateEngine();

	private final SpringTemplateEngine html = new SpringTemplateEngine();

	private final MessageSource messages;

	MailTemplates(MessageSource messages) {
		this.messages = messages;
		text.setTemplateResolver(resolver(".txt", TemplateMode.TEXT));
		text.setTemplateEngineMessageSource(messages);
		html.setTemplateResolver(resolver(".html", TemplateMode.HTML));
		html.setTemplateEngineMessageSource(messages);
	}

	private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		return resolver;
	}

	Rendered render(Mail mail) {
		Locale locale = mail.locale();
		Context context = new Context(locale, mail.variables());
		String subject = messages.getMessage("mail." + mail.template() + ".subject", mail.subjectArguments(), locale);
		context.setVariable("subject", subject);
		return new Rendered(subject, text.process(mail.template(), context), html.process(mail.template(), context));
	}

	record Rendered(String subject, String text, String html) {
	}

}
