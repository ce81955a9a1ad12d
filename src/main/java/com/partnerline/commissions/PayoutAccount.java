package com.partnerline.commissions;

/**
 * A vendor's own bank account: the debtor of its payment files.
 *
 * @param iban normalised (no spaces, upper case), checksum checked
 * @param bic normalised, 8 or 11 characters
 */
public record PayoutAccount(String accountHolder, String iban, String bic) {
}
