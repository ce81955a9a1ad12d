/** Demo: the demo vendor, its program, products and a demo partner, loaded when demo mode is on. */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
@org.jspecify.annotations.NullMarked
package com.partnerline.demo;
