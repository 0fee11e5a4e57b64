/**
 * A Spring Boot WebFlux service on the corekit starter: it lists the processes of a datarhei Core
 * server as JSON and streams a process's state as server-sent events, configured by properties
 * alone ({@code corekit.core.*} in {@code application.properties}).
 */
@NullMarked
package dev.corekit.samples.webflux;

import org.jspecify.annotations.NullMarked;
