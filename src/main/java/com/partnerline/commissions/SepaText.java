package com.partnerline.commissions;

import com.ibm.icu.text.Transliterator;

/**
 * Names and texts of a SEPA (EUR) payment file in the SEPA character set (EPC guidance:
 * {@code a-z A-Z 0-9 / - ? : ( ) . , ' +} and space): transliterated to Latin by ICU
 * (Cyrillic, Greek, accents...), what is left outside the set replaced by a space.
 */
final class SepaText {

	private static final Transliterator TO_LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII");

	private SepaText() {
	}

	static String of(String text, int maxLength) {
		String latin;
		// A Transliterator is not documented as safe for concurrent use; payment files are rare.
		synchronized (TO_LATIN) {
			latin = TO_LATIN.transliterate(text);
		}
		String sepa = latin.replaceAll("[^A-Za-z0-9/\\-?:().,'+ ]", " ").replaceAll(" {2,}", " ").strip();
		return sepa.length() <= maxLength ? sepa : sepa.substring(0, maxLength).strip();
	}

}
