package com.partnerline.support;

import java.io.StringReader;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.xml.sax.SAXException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official ISO 20022 schema pain.001.001.09, as shipped inside hbci4j-core (a test
 * dependency for this file only), to validate the payment files the application writes.
 */
public final class Pain001Schema {

	private static final Schema SCHEMA = load();

	private Pain001Schema() {
	}

	private static Schema load() {
		URL xsd = Pain001Schema.class.getClassLoader().getResource("pain.001.001.09.xsd");
		assertThat(xsd).as("pain.001.001.09.xsd of hbci4j-core").isNotNull();
		assertThat(xsd.toString()).contains("hbci4j-core");
		try {
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			return factory.newSchema(xsd);
		}
		catch (SAXException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Fails with the schema's own message unless {@code xml} is a valid pain.001.001.09 document. */
	public static void assertValid(String xml) {
		try {
			SCHEMA.newValidator().validate(new StreamSource(new StringReader(xml)));
		}
		catch (SAXException | java.io.IOException ex) {
			throw new AssertionError("not a valid pain.001.001.09 document: " + ex.getMessage() + "\n" + xml, ex);
		}
	}

}
