package com.partnerline.partners;

/** Who processes an Internet Partner's orders: the network's checkout, or the partner's own store (which then files Sales Reports). */
public enum OrderProcessing {

	NETWORK, SELF

}
