package com.partnerline.reporting;

/** The two monthly reports of the program's Reporting and Cooperation Policy. */
public enum ReportType {

	/** Partner Planning and Forecast Report: anticipated volume, products and quantities; due before the month. */
	FORECAST,

	/** Partner Sales Report: products, quantities, amounts, clients and total; due after the month. */
	SALES

}
