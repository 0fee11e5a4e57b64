package dev.corekit.it.secrets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * Captures every event of some loggers at DEBUG, in full: the formatted message, the arguments, the
 * MDC and the stack trace text of the throwable with its causes and suppressed exceptions. The
 * loggers are detached from the console while captured (no console noise, and no console I/O on
 * event loops under BlockHound); {@link #close()} restores their levels and additivity.
 */
final class LogCapture extends UnsynchronizedAppenderBase<ILoggingEvent> implements AutoCloseable {

  private final Queue<String> lines = new ConcurrentLinkedQueue<>();
  private final Map<Logger, Level> levels = new HashMap<>();
  private final Map<Logger, Boolean> additivity = new HashMap<>();

  static LogCapture debug(String... loggerNames) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    LogCapture capture = new LogCapture();
    capture.setContext(context);
    capture.setName("secrets-canary-capture");
    capture.start();
    for (String name : loggerNames) {
      Logger logger = context.getLogger(name);
      capture.levels.put(logger, logger.getLevel());
      capture.additivity.put(logger, logger.isAdditive());
      logger.setLevel(Level.DEBUG);
      logger.setAdditive(false);
      logger.addAppender(capture);
    }
    return capture;
  }

  @Override
  protected void append(ILoggingEvent e) {
    StringBuilder sb =
        new StringBuilder()
            .append(e.getLevel())
            .append(' ')
            .append(e.getLoggerName())
            .append(" [")
            .append(e.getThreadName())
            .append("] ")
            .append(e.getFormattedMessage());
    if (e.getArgumentArray() != null) {
      sb.append(" args=").append(Arrays.deepToString(e.getArgumentArray()));
    }
    if (e.getMDCPropertyMap() != null && !e.getMDCPropertyMap().isEmpty()) {
      sb.append(" mdc=").append(e.getMDCPropertyMap());
    }
    if (e.getKeyValuePairs() != null && !e.getKeyValuePairs().isEmpty()) {
      sb.append(" kv=").append(e.getKeyValuePairs());
    }
    if (e.getThrowableProxy() != null) {
      sb.append('\n').append(ThrowableProxyUtil.asString(e.getThrowableProxy()));
    }
    lines.add(sb.toString());
  }

  List<String> lines() {
    return new ArrayList<>(lines);
  }

  @Override
  public void close() {
    levels.forEach(
        (logger, level) -> {
          logger.detachAppender(this);
          logger.setLevel(level);
          logger.setAdditive(additivity.get(logger));
        });
    stop();
  }
}
