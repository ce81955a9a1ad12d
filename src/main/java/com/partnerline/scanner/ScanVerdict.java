package com.partnerline.scanner;

/** What the engine found in a file. */
public enum ScanVerdict {

	CLEAN, INFECTED

}
