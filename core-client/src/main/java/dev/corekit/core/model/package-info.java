/**
 * The value types of the Core API: one immutable type per schema of the API description, generated
 * at build time, plus open enums that keep values unknown to this SDK.
 *
 * <p>Fields that hold secrets (passwords, tokens, keys: {@code x-secret} in the API description)
 * are shown as {@code ***} by {@code toString()}, and so are passwords inside URLs in any text
 * field (Core 16.16 writes the memory filesystem's password into command lines and log lines);
 * accessors and JSON still carry the values as Core sent them.
 *
 * <p>Every type is built with {@code builder()} and serialized with Jackson (an {@code
 * ObjectMapper} with {@code Jdk8Module} and {@code JavaTimeModule}; {@code CoreClient} configures
 * its own).
 */
@Value.Style(
    jdkOnly = true,
    optionalAcceptNullable = true,
    redactedMask = "***",
    underrideToString = "describe",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = true))
@NullMarked
package dev.corekit.core.model;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
