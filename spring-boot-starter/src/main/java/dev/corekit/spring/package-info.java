/**
 * Spring Boot auto-configuration of corekit: a {@link dev.corekit.core.CoreClient} (and a {@code
 * CoreSyncClient} when core-client-sync is present) from {@code corekit.core.*} properties, a
 * {@link dev.corekit.rac.RacClient} when {@code corekit.rac.executable} is set, a reactive health
 * indicator, and the application's Micrometer meters and observations (traces).
 */
@NullMarked
package dev.corekit.spring;

import org.jspecify.annotations.NullMarked;
