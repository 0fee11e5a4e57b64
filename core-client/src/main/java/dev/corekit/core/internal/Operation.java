package dev.corekit.core.internal;

import java.util.Objects;

/**
 * One operation of the API description: identity, method, path template, the first Core version
 * that serves it, and how it authenticates. Generated implementations hold one constant per
 * operation.
 */
public final class Operation {
  /** How an operation authenticates. */
  public enum Auth {
    /** No token. */
    NONE,
    /** The access token. */
    ACCESS,
    /** The refresh token. */
    REFRESH
  }

  private final String id;
  private final String method;
  private final String pathTemplate;
  private final Version since;
  private final Auth auth;
  private final boolean idempotent;

  private Operation(String id, String method, String pathTemplate, Version since, Auth auth) {
    this.id = id;
    this.method = method;
    this.pathTemplate = pathTemplate;
    this.since = since;
    this.auth = auth;
    this.idempotent =
        method.equals("GET")
            || method.equals("HEAD")
            || method.equals("PUT")
            || method.equals("DELETE")
            || method.equals("OPTIONS");
  }

  /**
   * Describes an operation.
   *
   * @param id the operationId
   * @param method the HTTP method, upper case
   * @param pathTemplate the path with {@code {name}} placeholders
   * @param since the first Core version serving it
   * @param auth how it authenticates
   * @return the operation
   */
  public static Operation of(
      String id, String method, String pathTemplate, String since, Auth auth) {
    return new Operation(
        Objects.requireNonNull(id, "id"),
        Objects.requireNonNull(method, "method"),
        Objects.requireNonNull(pathTemplate, "pathTemplate"),
        Version.parse(since),
        Objects.requireNonNull(auth, "auth"));
  }

  /**
   * @return the operationId
   */
  public String id() {
    return id;
  }

  /**
   * @return the HTTP method
   */
  public String method() {
    return method;
  }

  /**
   * @return the path template
   */
  public String pathTemplate() {
    return pathTemplate;
  }

  /**
   * @return the first Core version serving the operation
   */
  public Version since() {
    return since;
  }

  /**
   * @return how the operation authenticates
   */
  public Auth auth() {
    return auth;
  }

  /**
   * @return whether repeating the request has the effect of sending it once (GET, PUT, DELETE,
   *     HEAD)
   */
  public boolean idempotent() {
    return idempotent;
  }

  @Override
  public String toString() {
    return method + " " + pathTemplate;
  }
}
