package com.partnerline.kernel;

import java.util.Objects;
import java.util.UUID;

/** Identifies a partner account across all vendors' programs. */
public record PartnerId(UUID value) {

	public PartnerId {
		Objects.requireNonNull(value, "value must not be null");
	}

	public static PartnerId of(String value) {
		return new PartnerId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
