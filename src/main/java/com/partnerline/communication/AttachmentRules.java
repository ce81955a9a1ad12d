package com.partnerline.communication;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import org.apache.tika.Tika;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * What a ticket message may carry: at most {@value #MAX_FILES} files, each at most
 * {@code partnerline.support.attachment-max-size} (5 MB), of a type detected from its
 * bytes by Apache Tika (never from its name): PNG, JPEG, GIF, PDF, plain text, CSV, ZIP.
 * A refusal names the file.
 */
@Component
class AttachmentRules {

	static final int MAX_FILES = 5;

	static final Set<String> ALLOWED = Set.of("image/png", "image/jpeg", "image/gif", "application/pdf", "text/plain",
			"text/csv", "application/zip");

	private static final int MAX_NAME = 255;

	/** Thread-safe; detects from magic bytes only when given no name. */
	private static final Tika TIKA = new Tika();

	private final long maxSize;

	AttachmentRules(@Value("${partnerline.support.attachment-max-size:5MB}") DataSize maxSize) {
		this.maxSize = maxSize.toBytes();
	}

	long maxSize() {
		return maxSize;
	}

	/**
	 * The files to store, checked; parts without a name and without bytes (a file input left empty) are skipped.
	 * @throws ApiProblem 422 with a line per refused file, or for more than {@value #MAX_FILES} files
	 */
	List<Checked> check(@Nullable List<Upload> uploads) {
		List<Upload> given = uploads == null ? List.of()
				: uploads.stream().filter(u -> !(u.size() == 0 && (u.name() == null || u.name().isBlank()))).toList();
		if (given.size() > MAX_FILES) {
			throw ApiProblem.invalidField("attachments", "communication.attachment.tooMany");
		}
		List<FieldProblem> errors = new ArrayList<>();
		List<Checked> checked = new ArrayList<>();
		for (Upload upload : given) {
			String name = sanitise(upload.name());
			if (upload.size() > maxSize) {
				errors.add(new FieldProblem(name, "communication.attachment.tooLarge"));
				continue;
			}
			byte[] bytes;
			try (InputStream in = upload.source().getInputStream()) {
				bytes = in.readNBytes((int) maxSize + 1);
			}
			catch (IOException ex) {
				errors.add(new FieldProblem(name, "communication.attachment.unreadable"));
				continue;
			}
			if (bytes.length > maxSize) {
				errors.add(new FieldProblem(name, "communication.attachment.tooLarge"));
				continue;
			}
			if (bytes.length == 0) {
				errors.add(new FieldProblem(name, "communication.attachment.empty"));
				continue;
			}
			String type = detect(bytes, name);
			if (type == null) {
				errors.add(new FieldProblem(name, "communication.attachment.typeRefused"));
				continue;
			}
			checked.add(new Checked(name, type, bytes, sha256(bytes)));
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.invalid(errors);
		}
		return checked;
	}

	/**
	 * The type the bytes are, when allowed: from the content alone. Plain text and CSV
	 * cannot be told apart by content, so text whose name ends in {@code .csv} is CSV.
	 */
	static @Nullable String detect(byte[] bytes, String name) {
		String detected = TIKA.detect(bytes);
		String type = detected.toLowerCase(Locale.ROOT);
		int parameters = type.indexOf(';');
		if (parameters >= 0) {
			type = type.substring(0, parameters).strip();
		}
		if (type.equals("text/plain") && name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
			return "text/csv";
		}
		return ALLOWED.contains(type) ? type : null;
	}

	/**
	 * The name to keep and hand out again: its last path segment, without control,
	 * quote, slash and other characters file systems or headers stumble on, at most 255
	 * characters (the extension kept), never empty nor starting with a dot.
	 */
	static String sanitise(@Nullable String original) {
		String name = original == null ? "" : original;
		int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		name = name.substring(slash + 1);
		StringBuilder clean = new StringBuilder();
		name.codePoints().forEach(c -> {
			if (Character.isISOControl(c) || "\"<>:*?|;%\u2028\u2029".indexOf(c) >= 0
					|| Character.getType(c) == Character.FORMAT) {
				clean.append('_');
			}
			else {
				clean.appendCodePoint(Character.isWhitespace(c) ? ' ' : c);
			}
		});
		name = clean.toString().strip();
		while (name.startsWith(".")) {
			name = name.substring(1);
		}
		if (name.isBlank()) {
			name = "attachment";
		}
		if (name.codePointCount(0, name.length()) > MAX_NAME) {
			int dot = name.lastIndexOf('.');
			String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
			String stem = dot > 0 && !extension.isEmpty() ? name.substring(0, dot) : name;
			int keep = MAX_NAME - extension.length();
			stem = stem.substring(0, stem.offsetByCodePoints(0, keep));
			name = stem + extension;
		}
		return name;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A file as it came, before it is checked; its bytes are read only when its size is within the limit. */
	record Upload(@Nullable String name, long size, InputStreamSource source) {
	}

	/** A file that passed the rules, ready to store. */
	record Checked(String name, String contentType, byte[] bytes, String sha256) {
	}

}
