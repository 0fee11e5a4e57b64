/**
 * The 1C:Enterprise remote administration CLI {@code rac} as a reactive API.
 *
 * <p>Entry point: {@link dev.corekit.rac.RacClient}. A {@link dev.corekit.rac.RacSession} (one
 * {@code ras} address) gives one API per {@code rac} mode; reads stream typed views ({@link
 * dev.corekit.rac.RacView}) parsed from {@link dev.corekit.rac.RacRecord}s while {@code rac} is
 * still writing, writes return {@code Mono<Void>} or the new id. {@link dev.corekit.rac.RacSync} is
 * the same API as blocking calls.
 *
 * <pre>{@code
 * try (RacClient rac = RacClient.builder().executable(Path.of("/opt/1cv8/x86_64/8.3.24.1548/rac")).build()) {
 *   RacSession ras = rac.session("srv1c");
 *   ras.clusters().list()
 *       .flatMap(c -> ras.cluster(c.id()).infobases().summaries())
 *       .subscribe(ib -> System.out.println(ib.name()));
 * }
 * }</pre>
 */
@NullMarked
@Value.Style(jdkOnly = true, defaults = @Value.Immutable(copy = false), redactedMask = "***")
package dev.corekit.rac;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
