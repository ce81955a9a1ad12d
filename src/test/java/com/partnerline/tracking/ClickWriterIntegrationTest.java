package com.partnerline.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.partnerline.support.Api;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ClickWriterIntegrationTest extends IntegrationTest {

	@Autowired
	ClickWriter writer;

	@Autowired
	ClickHousekeeping housekeeping;

	@Test
	void recordsEveryAnsweredRedirectAndCommitsConcurrentClicksTogether() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String code = partner.api().post("/api/v1/partner/links", map("vendor", vendor.slug(), "sku", "PROD")).json()
			.path("code").asString();
		long batchesBefore = writer.groups();
		long writtenBefore = writer.written();
		ExecutorService pool = Executors.newFixedThreadPool(32);
		List<String> clickIds = new ArrayList<>();
		try {
			List<Callable<Api.Response>> calls = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				int n = i;
				calls.add(() -> api.header("X-Forwarded-For", "10.0." + (n % 50) + ".1").get("/r/" + code));
			}
			for (Future<Api.Response> f : pool.invokeAll(calls)) {
				Api.Response response = f.get();
				assertThat(response.status()).isEqualTo(302);
				clickIds.add(TrackingIntegrationTest.clickIdOf(response));
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM clicks WHERE click_id = ANY(?)")
			.param(clickIds.toArray(String[]::new))
			.query(Long.class)
			.single()).isEqualTo(200);
		// one counted click per address and hour: 50 addresses
		assertThat(jdbc.sql("SELECT count(*) FROM clicks WHERE link_code = ? AND counted").param(code)
			.query(Long.class).single()).isEqualTo(50);
		// the partner's counts: the groups' deltas before the fold, the folded counts after it
		assertThat(partnerCounts(partner)).containsExactly(200L, 50L);
		housekeeping.fold();
		assertThat(partnerCounts(partner)).containsExactly(200L, 50L);
		assertThat(jdbc.sql("SELECT count(*) FROM click_count_deltas WHERE partner_id = ?")
			.param(UUID.fromString(partner.id()))
			.query(Long.class)
			.single()).isZero();
		long batches = writer.groups() - batchesBefore;
		long written = writer.written() - writtenBefore;
		assertThat(written).isGreaterThanOrEqualTo(200);
		assertThat(batches).as("transactions for %d clicks", written).isLessThan(written);
	}

	@Test
	void aBotBeforeAVisitorFromTheSameAddressDoesNotUseUpTheVisitorsCountedClick() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String code = partner.api().post("/api/v1/partner/links", map("vendor", vendor.slug(), "sku", "PROD")).json()
			.path("code").asString();
		Api sameAddress = api.header("X-Forwarded-For", "10.9.8.7");
		String bot = TrackingIntegrationTest.clickIdOf(
				sameAddress.header("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1)").get("/r/" + code));
		String visitor = TrackingIntegrationTest.clickIdOf(
				sameAddress.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0").get("/r/" + code));
		String again = TrackingIntegrationTest.clickIdOf(
				sameAddress.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0").get("/r/" + code));
		assertThat(counted(bot)).isFalse();
		assertThat(counted(visitor)).isTrue();
		assertThat(counted(again)).isFalse();
	}

	private List<Long> partnerCounts(TestPartner partner) {
		return jdbc.sql("""
				SELECT sum(clicks)::bigint, sum(counted)::bigint FROM (
				  SELECT clicks, counted FROM click_counts WHERE partner_id = :p
				  UNION ALL SELECT clicks, counted FROM click_count_deltas WHERE partner_id = :p) c""")
			.param("p", UUID.fromString(partner.id()))
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	private boolean counted(String clickId) {
		return jdbc.sql("SELECT counted FROM clicks WHERE click_id = ?").param(clickId).query(Boolean.class).single();
	}

}
