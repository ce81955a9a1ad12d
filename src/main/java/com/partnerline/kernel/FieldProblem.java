package com.partnerline.kernel;

/**
 * One bad field of a request: {@code field} is the JSON path of the field (for
 * example {@code salesPlan.lines[0].sku}), {@code message} says what is wrong with it.
 */
public record FieldProblem(String field, String message) {
}
