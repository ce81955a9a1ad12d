/**
 * Platform: what runs underneath every capability. The database (embedded or
 * external), security, languages and formats, problem responses, the web shell.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
@org.jspecify.annotations.NullMarked
package com.partnerline.platform;
