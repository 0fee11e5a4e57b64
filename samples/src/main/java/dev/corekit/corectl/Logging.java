package dev.corekit.corectl;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets the log level of corectl's run: WARN by default (see {@link LogSetup}), DEBUG with {@code
 * --debug}.
 */
final class Logging {
  private Logging() {}

  static void configure(boolean debug) {
    if (!debug) {
      return;
    }
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger) {
      Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      root.setLevel(Level.DEBUG);
      // The event loops' own chatter is of no use to a user debugging a call.
      ((Logger) LoggerFactory.getLogger("io.netty")).setLevel(Level.INFO);
      ((Logger) LoggerFactory.getLogger("reactor.netty")).setLevel(Level.INFO);
    }
  }
}
