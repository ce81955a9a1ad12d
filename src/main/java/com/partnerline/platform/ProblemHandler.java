package com.partnerline.platform;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of an API request into RFC 9457 {@code application/problem+json}:
 * malformed JSON is 400, invalid fields are 422 with an {@code errors} array naming
 * each field, business refusals carry their own status, and anything unexpected is a
 * logged 500 that reveals nothing. Titles and details speak the caller's language.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 1)
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	private final MessageSource messages;

	ProblemHandler(MessageSource messages) {
		this.messages = messages;
		setMessageSource(messages);
	}

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<Object> handleApiProblem(ApiProblem problem) {
		ProblemDetail body = problem(problem.status(), text(problem.messageKey(), problem.arguments()));
		if (!problem.errors().isEmpty()) {
			body.setType(Problems.VALIDATION_TYPE);
			body.setProperty("errors", localized(problem.errors()));
		}
		HttpHeaders headers = new HttpHeaders();
		if (problem.retryAfter() != null) {
			// whole seconds, rounded up: a client that waits that long is not refused again
			headers.set(HttpHeaders.RETRY_AFTER,
					Long.toString(Math.max(1, (problem.retryAfter().toMillis() + 999) / 1000)));
		}
		return respond(problem.status(), body, headers);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> handleIntegrity(DataIntegrityViolationException ex) {
		if (ex.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null
				&& sql.getSQLState().startsWith("22")) {
			// data exceptions (too long, out of range, bad characters) are bad input that a check let through,
			// not a conflict with what exists
			log.warn("A value the request checks let through was refused by the database: {}", sql.getMessage());
			return respond(HttpStatus.BAD_REQUEST, problem(HttpStatus.BAD_REQUEST, text("problem.detail.400")));
		}
		log.info("Refused a write that broke a constraint: {}", ex.getMostSpecificCause().getMessage());
		return respond(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, text("problem.conflict")));
	}

	/**
	 * A date or month the request named that the calendar cannot reach (year +999999999
	 * and a month more): bad input that a controller took as it came, not a failure of ours.
	 */
	@ExceptionHandler(DateTimeException.class)
	ResponseEntity<Object> handleDateBeyondTheCalendar(DateTimeException ex) {
		log.warn("Refused a date beyond the calendar that a controller let through: {}", ex.getMessage());
		return respond(HttpStatus.BAD_REQUEST, problem(HttpStatus.BAD_REQUEST, text("problem.dateOutOfRange")));
	}

	/**
	 * Jetty refused the request's body while the controller read it (too slow: 408, too large: 413):
	 * the client's doing, answered with Jetty's status and not logged as a failure of ours.
	 */
	@ExceptionHandler(HttpException.RuntimeException.class)
	ResponseEntity<Object> handleRefusedBody(HttpException.RuntimeException ex) {
		HttpStatus status = switch (ex.getCode()) {
			case 408 -> HttpStatus.REQUEST_TIMEOUT;
			case 413 -> HttpStatus.CONTENT_TOO_LARGE;
			default -> ex.getCode() >= 400 && ex.getCode() < 500 ? HttpStatus.BAD_REQUEST : null;
		};
		if (status == null) {
			return handleUnexpected(ex);
		}
		log.debug("Refused a request body: {}", ex.getMessage());
		return respond(status, problem(status, text("problem.detail." + status.value())));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex) {
		log.error("Unexpected failure", ex);
		HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
		return respond(status, problem(status, text("problem.unexpected")));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return validationFailed(fieldProblems(ex.getBindingResult()));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach(error -> errors.add(new FieldProblem(String.valueOf(name),
						messages.getMessage(error, LocaleContextHolder.getLocale()))));
		});
		return validationFailed(errors);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// A well-formed document with a value of the wrong kind names its field (422);
		// a document that is not JSON at all is a plain 400.
		if (RequestLimits.tooLarge(ex)) {
			HttpStatus tooLarge = HttpStatus.CONTENT_TOO_LARGE;
			return respond(tooLarge, problem(tooLarge, text("problem.detail.413")));
		}
		if (ex.getMostSpecificCause() instanceof DatabindException mapping && !mapping.getPath().isEmpty()) {
			return validationFailed(List.of(new FieldProblem(jsonPath(mapping), text("validation.unreadableValue"))));
		}
		// Jackson's own message names Java types; where the document broke is what the caller can use
		String where = ex.getMostSpecificCause() instanceof JacksonException parse && parse.getLocation() != null
				? " " + text("problem.malformedAt", parse.getLocation().getLineNr(), parse.getLocation().getColumnNr())
				: "";
		return respond(HttpStatus.BAD_REQUEST, problem(HttpStatus.BAD_REQUEST, text("problem.malformed") + where));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
				: String.valueOf(ex.getPropertyName());
		return badRequest(List.of(new FieldProblem(name, text("validation.unreadableValue"))));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return badRequest(List.of(new FieldProblem(ex.getParameterName(), text("validation.required"))));
	}

	private ResponseEntity<Object> badRequest(List<FieldProblem> errors) {
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST, text("problem.badValues"));
		body.setType(Problems.VALIDATION_TYPE);
		body.setProperty("errors", errors);
		return respond(HttpStatus.BAD_REQUEST, body);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail detail) {
			// Spring's own details may name Java types; the caller gets the status's text in its language
			detail.setType(Problems.type(statusCode.value()));
			detail.setTitle(text("problem.status." + statusCode.value()));
			detail.setDetail(text("problem.detail." + statusCode.value()));
		}
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		return response == null ? null
				: ResponseEntity.status(response.getStatusCode())
					.headers(response.getHeaders())
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(response.getBody());
	}

	private static String jsonPath(DatabindException mapping) {
		StringBuilder path = new StringBuilder();
		for (var reference : mapping.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private ResponseEntity<Object> validationFailed(List<FieldProblem> errors) {
		HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
		ProblemDetail body = problem(status, text("problem.validation"));
		body.setType(Problems.VALIDATION_TYPE);
		body.setProperty("errors", errors);
		return respond(status, body);
	}

	private List<FieldProblem> fieldProblems(BindingResult result) {
		Locale locale = LocaleContextHolder.getLocale();
		List<FieldProblem> errors = new ArrayList<>();
		result.getFieldErrors()
			.forEach(error -> errors.add(new FieldProblem(error.getField(), messages.getMessage(error, locale))));
		result.getGlobalErrors()
			.forEach(error -> errors.add(new FieldProblem(error.getObjectName(), messages.getMessage(error, locale))));
		return errors;
	}

	private List<FieldProblem> localized(List<FieldProblem> errors) {
		return errors.stream()
			.map(error -> new FieldProblem(error.field(), text(error.message())))
			.toList();
	}

	private ProblemDetail problem(HttpStatusCode status, String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setType(Problems.type(status.value()));
		body.setTitle(text("problem.status." + status.value()));
		return body;
	}

	private static ResponseEntity<Object> respond(HttpStatusCode status, ProblemDetail body) {
		return respond(status, body, HttpHeaders.EMPTY);
	}

	private static ResponseEntity<Object> respond(HttpStatusCode status, ProblemDetail body, HttpHeaders headers) {
		return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	/** Resolves a message key in the caller's language; text that is not a key is kept as it is. */
	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
	}

}
