package com.partnerline.kernel;

/**
 * Published in the transaction that erases a customer (an end customer of a vendor, known
 * only by the email on orders, trials and reported sales): every module that keeps that
 * email replaces it, and what else it keeps about that customer (name, address), by the
 * pseudonym, keeping amounts and references unchanged. {@code email} is the erased address
 * in lower case; it is never stored with the event.
 */
public record CustomerErased(String email, String pseudonym) {
}
