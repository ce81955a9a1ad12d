package com.partnerline.commissions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import com.partnerline.orders.Arrivals;
import com.partnerline.orders.MonthlyOrders;
import com.partnerline.orders.OrderManagement;

import org.springframework.stereotype.Component;

/** The month's sales as the orders module answers them, through its public API only. */
@Component
class OrdersMonthlySales implements MonthlySales {

	private final OrderManagement orders;

	private final Arrivals arrivals;

	OrdersMonthlySales(OrderManagement orders, Arrivals arrivals) {
		this.orders = orders;
		this.arrivals = arrivals;
	}

	@Override
	public Instant cutOff(VendorId vendorId) {
		return arrivals.cutOff(vendorId);
	}

	@Override
	public List<Volume> volumes(VendorId vendorId, YearMonth month, Instant receivedBy) {
		return orders.monthlyVolumes(vendorId, month, receivedBy)
			.stream()
			.map(v -> new Volume(v.partnerId(), v.volume()))
			.toList();
	}

	@Override
	public BigDecimal partnerVolume(VendorId vendorId, PartnerId partnerId, YearMonth month) {
		return orders.partnerMonths(vendorId, partnerId, month, month)
			.stream()
			.map(MonthlyOrders::volume)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	@Override
	public List<Refund> lateRefunds(VendorId vendorId, YearMonth month, Instant receivedBy,
			Map<YearMonth, Instant> receivedAfter) {
		return orders.lateRefunds(vendorId, month, receivedBy, receivedAfter)
			.stream()
			.map(r -> new Refund(r.partnerId(), r.refundId(), r.orderId(), r.orderPeriod(), r.orderReceivedAt(),
					r.orderAmount(), r.period(), r.receivedAt(), r.amount()))
			.toList();
	}

	@Override
	public List<LateOrder> lateOrders(VendorId vendorId, Map<YearMonth, Instant> receivedAfter, Instant receivedBy) {
		return orders.ordersReceivedAfter(vendorId, receivedAfter, receivedBy)
			.stream()
			.map(o -> new LateOrder(o.partnerId(), o.orderId(), o.period(), o.receivedAt(), o.amount()))
			.toList();
	}

	@Override
	public List<Booked> booked(VendorId vendorId, PartnerId partnerId, YearMonth month, Instant receivedBy) {
		return orders.booked(vendorId, partnerId, month, receivedBy)
			.stream()
			.map(b -> new Booked(b.orderId(), b.refundId(), b.occurredAt(), b.amount(), b.selfReferral()))
			.toList();
	}

}
