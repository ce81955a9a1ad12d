package com.partnerline.enablement;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import org.apache.tika.Tika;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * What the material library takes. The size is bounded
 * ({@code partnerline.enablement.max-file-size}, 413 above); the type comes from the
 * bytes (Apache Tika, never the name): PNG, JPEG and GIF images, which must also decode
 * (ImageIO reads every pixel; the size in pixels comes from the image itself, bounded
 * against decompression bombs); SVG without active content (no script, no event
 * handler, no foreign object, no {@code javascript:} link; it is still served with a
 * sandboxing CSP); HTML5 banners without active content ({@link HtmlCreatives}: checked,
 * then rebuilt from an allow-list); PDF documents. Executables and anything else are
 * refused with 415. Nothing is stored when a check fails.
 */
@Component
class UploadChecks {

	static final Set<String> BANNER_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/svg+xml");

	static final Set<String> DOCUMENT_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif");

	/** Larger images are refused before their pixels are decoded. */
	static final int MAX_PIXELS = 40_000_000;

	private static final Tika TIKA = new Tika();

	private final long maxSize;

	UploadChecks(@Value("${partnerline.enablement.max-file-size:5MB}") DataSize maxSize) {
		this.maxSize = maxSize.toBytes();
	}

	long maxSize() {
		return maxSize;
	}

	/**
	 * The checked file.
	 * @throws ApiProblem 413 over the size limit, 415 for a type that is not allowed for {@code kind}
	 *     or an image that does not decode, 422 for active content or an empty file
	 */
	Checked check(byte[] bytes, String kind, @Nullable String target) {
		if (bytes.length > maxSize) {
			throw ApiProblem.tooLarge("enablement.upload.tooLarge", DataSize.ofBytes(maxSize).toMegabytes());
		}
		if (bytes.length == 0) {
			throw ApiProblem.invalidField("file", "enablement.upload.empty");
		}
		String type = detect(bytes);
		if (HtmlCreatives.TYPES.contains(type) && "BANNER".equals(kind)) {
			return HtmlCreatives.check(bytes, target == null ? "about:blank" : target);
		}
		Set<String> allowed = "DOCUMENT".equals(kind) ? DOCUMENT_TYPES : BANNER_TYPES;
		if (!allowed.contains(type)) {
			throw unsupported();
		}
		Integer width = null;
		Integer height = null;
		if (type.equals("image/svg+xml")) {
			if (!inactiveSvg(bytes)) {
				throw ApiProblem.invalidField("file", "enablement.upload.activeContent");
			}
		}
		else if (type.startsWith("image/")) {
			int[] size = decode(bytes);
			width = size[0];
			height = size[1];
		}
		return new Checked(type, bytes, sha256(bytes), width, height);
	}

	static ApiProblem unsupported() {
		return new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "enablement.upload.typeRefused", new Object[0],
				List.of(new FieldProblem("file", "enablement.upload.typeRefused")));
	}

	static String detect(byte[] bytes) {
		String type = TIKA.detect(bytes).toLowerCase(Locale.ROOT);
		int parameters = type.indexOf(';');
		return parameters < 0 ? type : type.substring(0, parameters).strip();
	}

	/** Width and height of an image whose every pixel decodes; 415 otherwise. */
	static int[] decode(byte[] bytes) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw unsupported();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
					throw unsupported();
				}
				BufferedImage image = reader.read(0);
				if (image == null) {
					throw unsupported();
				}
				return new int[] { width, height };
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ApiProblem problem) {
				throw problem;
			}
			throw unsupported();
		}
	}

	/** An SVG is inactive when it parses (no DTD, no external entities) and has no element or attribute that runs or loads code. */
	static boolean inactiveSvg(byte[] bytes) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			Element root = builder.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
			if (!"svg".equals(root.getLocalName())) {
				return false;
			}
			NodeList all = root.getOwnerDocument().getElementsByTagNameNS("*", "*");
			for (int i = 0; i < all.getLength(); i++) {
				Element element = (Element) all.item(i);
				String name = String.valueOf(element.getLocalName()).toLowerCase(Locale.ROOT);
				if (Set.of("script", "foreignobject", "iframe", "embed", "object", "handler", "listener")
					.contains(name)) {
					return false;
				}
				NamedNodeMap attributes = element.getAttributes();
				for (int a = 0; a < attributes.getLength(); a++) {
					Attr attribute = (Attr) attributes.item(a);
					String attributeName = String.valueOf(attribute.getLocalName() != null ? attribute.getLocalName()
							: attribute.getName()).toLowerCase(Locale.ROOT);
					String value = attribute.getValue().replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
					if (attributeName.startsWith("on") || value.startsWith("javascript:") || value.startsWith("data:text/html")
							|| value.contains("javascript:")) {
						return false;
					}
				}
			}
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A file that passed the checks. */
	record Checked(String contentType, byte[] bytes, String sha256, @Nullable Integer width,
			@Nullable Integer height) {
	}

}
