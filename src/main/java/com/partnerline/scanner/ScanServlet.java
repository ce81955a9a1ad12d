package com.partnerline.scanner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;

/**
 * {@code POST /api/v1/scan}: multipart {@code file} (and {@code partner}, optionally
 * {@code vendor}), answered with the verdict (docs/api.md).
 * <p>
 * A servlet of its own rather than a controller: the dispatcher servlet's multipart
 * support reads every part to disk before a controller runs, and the scanner must
 * hold no more than a chunk of a file. Here nothing has read the body when
 * {@link #doPost} starts; the parts are read as a stream (commons-fileupload's
 * streaming API) and the file part goes to clamd chunk by chunk. Everything that can
 * refuse a scan without its file (size announced, rate, queue, engine) refuses
 * before the body is read.
 */
class ScanServlet extends HttpServlet {

	/** Longest value of the small text fields ({@code partner}, {@code vendor}) that is read. */
	private static final int MAX_FIELD = 100;

	private final transient ScanAdmission admission;

	private final transient Scanner scanner;

	private final transient ScannerSettings settings;

	private final transient MessageSource messages;

	private final transient JsonMapper json;

	ScanServlet(ScanAdmission admission, Scanner scanner, ScannerSettings settings, MessageSource messages,
			JsonMapper json) {
		this.admission = admission;
		this.scanner = scanner;
		this.settings = settings;
		this.messages = messages;
		this.json = json;
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		try {
			ScanResult result = scan(request);
			if (result != null) {
				write(response, 200, MediaType.APPLICATION_JSON_VALUE, result);
			}
		}
		catch (ApiProblem problem) {
			problem(response, problem);
		}
	}

	private @Nullable ScanResult scan(HttpServletRequest request) throws IOException {
		long announced = request.getContentLengthLong();
		if (announced > settings.maxFileSize().toBytes() + ScannerSettings.MULTIPART_ALLOWANCE) {
			throw ApiProblem.tooLarge("scanner.problem.too-large", settings.maxFileSize().toMegabytes());
		}
		if (!JakartaServletFileUpload.isMultipartContent(request)) {
			throw ApiProblem.invalidField("file", "scanner.problem.multipart");
		}
		admission.countScan(request.getRemoteAddr());
		try (ScanAdmission.Slot slot = admission.enter(); Scanner.Session session = scanner.open()) {
			FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(request);
			String partner = null;
			String vendor = null;
			ScanResult result = null;
			while (parts.hasNext()) {
				FileItemInput part = parts.next();
				if ("file".equals(part.getFieldName()) && !part.isFormField() && result == null) {
					// not closed when the scan is refused: closing a part's stream reads it to its end
					InputStream file = part.getInputStream();
					result = session.scan(file);
					file.close();
				}
				else if ("partner".equals(part.getFieldName())) {
					partner = field(part);
				}
				else if ("vendor".equals(part.getFieldName())) {
					vendor = field(part);
				}
			}
			if (result == null) {
				throw ApiProblem.invalidField("file", "scanner.problem.no-file");
			}
			session.keep(scanner.attribution(partner, vendor), result);
			return result;
		}
		catch (FileUploadException ex) {
			throw ApiProblem.invalidField("file", "scanner.problem.multipart");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw Scanner.engineUnavailable();
		}
	}

	private static String field(FileItemInput part) throws IOException {
		try (InputStream in = part.getInputStream()) {
			byte[] value = in.readNBytes(MAX_FIELD);
			return new String(value, StandardCharsets.UTF_8).trim();
		}
	}

	private void problem(HttpServletResponse response, ApiProblem problem) throws IOException {
		Locale locale = LocaleContextHolder.getLocale();
		int status = problem.status().value();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.errors().isEmpty() ? "about:blank" : "https://partnerline.dev/problems/validation");
		body.put("title", messages.getMessage("problem.status." + status, null, "", locale));
		body.put("status", status);
		body.put("detail", messages.getMessage(problem.messageKey(), problem.arguments(), problem.messageKey(), locale));
		if (!problem.errors().isEmpty()) {
			List<Map<String, String>> errors = problem.errors()
				.stream()
				.map((FieldProblem error) -> Map.of("field", error.field(), "message",
						messages.getMessage(error.message(), null, error.message(), locale)))
				.toList();
			body.put("errors", errors);
		}
		if (problem.retryAfter() != null) {
			response.setHeader("Retry-After", Long.toString(Math.max(1, (problem.retryAfter().toMillis() + 999) / 1000)));
		}
		if (status == 413) {
			// the rest of the body is not wanted; do not keep the connection for it
			response.setHeader("Connection", "close");
		}
		write(response, status, MediaType.APPLICATION_PROBLEM_JSON_VALUE, body);
	}

	private void write(HttpServletResponse response, int status, String contentType, Object body) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.setStatus(status);
		response.setContentType(contentType);
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Cache-Control", "no-store");
		json.writeValue(response.getOutputStream(), body);
	}

}
