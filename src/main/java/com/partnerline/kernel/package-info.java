/**
 * The shared kernel: money, identifiers and the problem type every module uses to
 * refuse a request. Every module may depend on it; it depends on none.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.partnerline.kernel;
