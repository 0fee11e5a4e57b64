/**
 * Implementation of the rac client: process execution, the command line and the API classes.
 *
 * <p>Internal: everything here may change without notice; use the types of {@code dev.corekit.rac}.
 */
@NullMarked
package dev.corekit.rac.internal;

import org.jspecify.annotations.NullMarked;
