package com.partnerline.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The content hash that tells a re-delivery from a conflicting one: hex SHA-256 of the
 * RFC 8785 canonical JSON of the fields a delivery is made of, named explicitly by the
 * caller (never a class's {@code toString()}, which changes with the code), so that
 * key order and whitespace do not matter and renaming a Java field changes nothing.
 */
final class ContentHash {

	private ContentHash() {
	}

	/** An empty object to put the fields into. */
	static ObjectNode object() {
		return JsonNodeFactory.instance.objectNode();
	}

	static String of(ObjectNode fields) {
		try {
			byte[] canonical = new JsonCanonicalizer(fields.toString()).getEncodedUTF8();
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
