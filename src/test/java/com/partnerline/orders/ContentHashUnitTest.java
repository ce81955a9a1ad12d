package com.partnerline.orders;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashUnitTest {

	@Test
	void keyOrderDoesNotMatterAndEveryValueDoes() {
		String one = ContentHash.of(ContentHash.object().put("orderId", "A-1").put("amount", "10.5"));
		String other = ContentHash.of(ContentHash.object().put("amount", "10.5").put("orderId", "A-1"));
		assertThat(one).isEqualTo(other).hasSize(64);
		assertThat(ContentHash.of(ContentHash.object().put("orderId", "A-1").put("amount", "10.6"))).isNotEqualTo(one);
		assertThat(ContentHash.of(ContentHash.object().put("orderId", "A-1").put("amount", (String) null)))
			.isNotEqualTo(ContentHash.of(ContentHash.object().put("orderId", "A-1")));
	}

}
