package com.partnerline.platform;

import com.partnerline.support.PageChecks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Nu HTML checker that every browser test's pages go through finds errors, and only errors. */
class PageChecksUnitTest {

	@Test
	void findsErrorsInBrokenHtmlAndNoneInValidHtml() {
		assertThat(PageChecks.html("""
				<!DOCTYPE html><html lang="en"><head><title>t</title></head>
				<body><label for="a">A</label><input id="a"><select id="s"></select><p><div></div></p></body></html>"""))
			.isNotEmpty();
		assertThat(PageChecks.html("""
				<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>
				<body><main><h1>Title</h1><label for="a">A</label><input id="a"></main></body></html>"""))
			.isEmpty();
	}

}
