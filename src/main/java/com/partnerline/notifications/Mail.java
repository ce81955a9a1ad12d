package com.partnerline.notifications;

import java.util.Locale;
import java.util.Map;

/**
 * A mail to queue: {@code template} names {@code templates/mail/<template>.txt} and
 * {@code .html}; its subject is the message {@code mail.<template>.subject}, which may
 * use the variables {@code subjectArguments}.
 *
 * @param to the recipient's address
 * @param locale the recipient's language (the account's setting)
 * @param template the template's name, such as {@code confirm-email}
 * @param variables what the templates show; values are escaped by the templates
 * @param subjectArguments arguments of the subject message, in order
 */
public record Mail(String to, Locale locale, String template, Map<String, Object> variables,
		Object... subjectArguments) {
}
