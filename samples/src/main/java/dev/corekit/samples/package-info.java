/**
 * Runnable samples of the SDK, one small class per use: a reactive service, a blocking script,
 * token injection, following a process, file transfer, and RAC session listing. Each has a {@code
 * main} (against {@code CORE_URL}/{@code CORE_USER}/{@code CORE_PASSWORD}, or an embedded Core
 * simulator when {@code CORE_URL} is not set) and a method its test calls.
 *
 * <pre>{@code
 * java -cp samples/target/corectl.jar dev.corekit.samples.ReactiveService
 * }</pre>
 */
@NullMarked
package dev.corekit.samples;

import org.jspecify.annotations.NullMarked;
