package com.partnerline.kernel;

/** The internal key of a vendor (its tenant id); the public key is its slug. */
public record VendorId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}

}
