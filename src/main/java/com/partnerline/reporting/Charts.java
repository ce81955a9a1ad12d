package com.partnerline.reporting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** Chart data for the pages' ECharts, as JSON in a {@code data-chart} attribute. */
final class Charts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Charts() {
	}

	record Series(String name, List<BigDecimal> data) {
	}

	static String bars(List<String> categories, List<Series> series, boolean stacked) {
		return JSON.writeValueAsString(Map.of("type", "bar", "stacked", stacked, "categories", categories, "series",
				series.stream().map(s -> Map.of("name", s.name(), "data", s.data())).toList()));
	}

}
