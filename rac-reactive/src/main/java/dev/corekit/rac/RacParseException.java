package dev.corekit.rac;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The output of {@code rac} could not be parsed: a malformed line, or a field with a bad value. */
public class RacParseException extends RacException {
  private static final long serialVersionUID = 1L;

  /** The bad field, or empty. */
  private final String field;

  private final transient @Nullable RacRecord record;

  /**
   * Creates the exception.
   *
   * @param message the description, naming the field and the record
   * @param field the name of the bad field, or an empty string for a malformed line
   * @param record the record holding the bad field, if any
   */
  public RacParseException(String message, String field, @Nullable RacRecord record) {
    super(message, List.of(), null);
    this.field = field;
    this.record = record;
  }

  /**
   * Returns the name of the field whose value could not be parsed.
   *
   * @return the field name, or an empty string for a malformed line
   */
  public String field() {
    return field;
  }

  /**
   * Returns the record holding the bad field.
   *
   * @return the record, or empty for a malformed line
   */
  public Optional<RacRecord> record() {
    return Optional.ofNullable(record);
  }
}
