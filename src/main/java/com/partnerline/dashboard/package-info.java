/**
 * Dashboards: the partner's control panel home per program (KPIs for a chosen period,
 * per-link figures, transactions with their status, payout history, CSV of each table)
 * and the vendor console's partner directory and partner page. A read model over the
 * other modules' APIs; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboards",
		allowedDependencies = { "partners", "catalog", "orders", "tracking", "commissions", "audit", "accounts",
				"kernel" })
@org.jspecify.annotations.NullMarked
package com.partnerline.dashboard;
