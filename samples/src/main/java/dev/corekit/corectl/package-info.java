/**
 * The {@code corectl} command-line tool: {@link dev.corekit.corectl.Corectl} is its entry point;
 * the commands and helpers are package-private and may change.
 */
@NullMarked
package dev.corekit.corectl;

import org.jspecify.annotations.NullMarked;
