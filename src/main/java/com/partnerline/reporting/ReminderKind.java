package com.partnerline.reporting;

/** Why a partner is reminded: its report is due within a few days, or its due date has passed. */
public enum ReminderKind {

	DUE_SOON, OVERDUE

}
