package dev.corekit.it.secrets;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Finds the public types of the SDK's packages on the class path and makes instances of them
 * through their builders, factories and constructors, putting a canary into every attribute that
 * holds a secret and a plain filler ({@code v-<name>}) into every other text attribute.
 *
 * <p>What holds a secret: for the generated Core models, the properties the API description marks
 * as secret ({@link #X_SECRET}, "schema.property"); for every other type, attributes and parameters
 * named like a secret (password, pwd, secret, passphrase, token).
 */
final class PublicTypes {

  /**
   * The model properties that hold secrets: every property of {@code api-spec/core-api.yaml} whose
   * description starts with "Secret." (the proposed {@code x-secret: true} list). A test checks
   * that this list matches the spec.
   */
  static final Set<String> X_SECRET =
      Set.of(
          "LoginRequest.password",
          "JwtTokens.access_token",
          "JwtTokens.refresh_token",
          "JwtRefresh.access_token",
          "ConfigApiAuth.password",
          "ConfigJwt.secret",
          "ConfigTls.secret",
          "ConfigBasicAuth.password",
          "ConfigS3Storage.secret_access_key",
          "ConfigRtmp.token",
          "ConfigSrt.passphrase",
          "ConfigSrt.token",
          "ConfigService.token",
          "IamUserApiAuth.userpass",
          "IamUserServicesAuth.basic",
          "IamUserServicesAuth.token",
          "IamUserServicesAuth.session",
          "SessionTokenRequest.token",
          "ClusterNodeCore.address");

  private static final String MODEL_PACKAGE = "dev.corekit.core.model";

  enum Secret {
    NONE,
    PASSWORD,
    TOKEN,
    REFRESH
  }

  private final Map<Secret, String> canaries;
  private final Map<Class<?>, Function<String, Object>> fixed = new LinkedHashMap<>();
  final List<AutoCloseable> closeables = new ArrayList<>();
  final Map<Class<?>, String> failures = new LinkedHashMap<>();

  PublicTypes(String password, String token, String refresh) {
    this.canaries = Map.of(Secret.PASSWORD, password, Secret.TOKEN, token, Secret.REFRESH, refresh);
  }

  /** Values for parameter types that are not SDK types (or need a working value), by type. */
  PublicTypes fixed(Class<?> type, Function<String, Object> value) {
    fixed.put(type, value);
    return this;
  }

  // ---- scanning ----

  /** The public top-level and nested types of the packages (not their sub-packages). */
  static List<Class<?>> scan(String... packages) {
    Set<String> names = new TreeSet<>();
    ClassLoader loader = PublicTypes.class.getClassLoader();
    for (String pkg : packages) {
      String path = pkg.replace('.', '/') + "/";
      try {
        Enumeration<URL> urls = loader.getResources(path);
        while (urls.hasMoreElements()) {
          URL url = urls.nextElement();
          if (url.getProtocol().equals("jar")) {
            JarURLConnection c = (JarURLConnection) url.openConnection();
            c.setUseCaches(false);
            try (JarFile jar = c.getJarFile()) {
              for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                String n = e.nextElement().getName();
                if (n.startsWith(path)
                    && n.endsWith(".class")
                    && n.indexOf('/', path.length()) < 0) {
                  names.add(n.substring(0, n.length() - 6).replace('/', '.'));
                }
              }
            }
          } else if (url.getProtocol().equals("file")) {
            File[] files = new File(URI.create(url.toString())).listFiles();
            for (File f : files == null ? new File[0] : files) {
              if (f.getName().endsWith(".class")) {
                names.add(pkg + "." + f.getName().substring(0, f.getName().length() - 6));
              }
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<Class<?>> types = new ArrayList<>();
    for (String n : names) {
      if (n.endsWith("package-info") || n.endsWith("module-info")) {
        continue;
      }
      try {
        Class<?> c = Class.forName(n, false, loader);
        if (isPublicApi(c)) {
          types.add(c);
        }
      } catch (ClassNotFoundException | LinkageError e) {
        // not loadable on this class path: not part of what a user can reach
      }
    }
    return types;
  }

  private static boolean isPublicApi(Class<?> c) {
    if (c.isSynthetic() || c.isAnonymousClass() || c.isLocalClass()) {
      return false;
    }
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  // ---- secrets ----

  /** Whether an attribute of a type holds a secret, and which canary it gets. */
  Secret secret(Class<?> owner, String attribute) {
    Class<?> model = modelOf(owner);
    if (model != null) {
      String json = jsonName(model, attribute);
      if (json != null && X_SECRET.contains(model.getSimpleName() + "." + json)) {
        return json.contains("refresh")
            ? Secret.REFRESH
            : json.contains("token") ? Secret.TOKEN : Secret.PASSWORD;
      }
      return Secret.NONE;
    }
    return secretByName(attribute);
  }

  static Secret secretByName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.contains("refresh") && n.contains("token")) {
      return Secret.REFRESH;
    }
    if (n.contains("token")) {
      return Secret.TOKEN;
    }
    if (n.contains("password")
        || n.contains("pwd")
        || n.contains("secret")
        || n.contains("passphrase")) {
      return Secret.PASSWORD;
    }
    return Secret.NONE;
  }

  /** The generated model interface behind a model type, its Immutable class or its builder. */
  static Class<?> modelOf(Class<?> owner) {
    Class<?> c = owner;
    while (c.getEnclosingClass() != null) {
      c = c.getEnclosingClass();
    }
    if (!c.getPackageName().equals(MODEL_PACKAGE)) {
      return null;
    }
    if (c.getSimpleName().startsWith("Immutable")) {
      try {
        return Class.forName(
            MODEL_PACKAGE + "." + c.getSimpleName().substring("Immutable".length()),
            false,
            c.getClassLoader());
      } catch (ClassNotFoundException e) {
        return c;
      }
    }
    return c;
  }

  private static String jsonName(Class<?> model, String attribute) {
    for (Method m : model.getMethods()) {
      if (m.getParameterCount() == 0 && m.getName().equalsIgnoreCase(attribute)) {
        JsonProperty p = m.getAnnotation(JsonProperty.class);
        return p != null ? p.value() : attribute;
      }
    }
    return null;
  }

  // ---- instances ----

  /** Makes instances of a type, or records why it cannot. */
  List<Object> instances(Class<?> type) {
    List<Object> out = new ArrayList<>();
    try {
      if (type.isEnum()) {
        out.addAll(List.of(type.getEnumConstants()));
        return out;
      }
      if (type.isAnnotation()) {
        return out;
      }
      Object v = make(type, 0);
      if (v != null) {
        out.add(v);
      }
      if (isBuilderType(type)) {
        return out;
      }
      Method builder = staticNoArg(type, "builder");
      if (builder != null) {
        Object b = builder.invoke(null);
        fill(b, type, 0);
        out.add(b);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      failures.put(
          type,
          String.valueOf(
              e instanceof java.lang.reflect.InvocationTargetException ? e.getCause() : e));
    }
    if (out.isEmpty() && !failures.containsKey(type)) {
      failures.put(type, "no builder, public constructor or factory");
    }
    return out;
  }

  private static boolean isBuilderType(Class<?> type) {
    return type.getSimpleName().equals("Builder") && type.getEnclosingClass() != null;
  }

  /** One instance of a type: builder, static factory, record or constructor; null if none works. */
  Object make(Class<?> type, int depth) throws ReflectiveOperationException {
    if (depth > 24) {
      return null;
    }
    if (isBuilderType(type)) {
      Method builder = staticNoArg(type.getEnclosingClass(), "builder");
      if (builder != null && type.isAssignableFrom(builder.getReturnType())) {
        Object b = builder.invoke(null);
        fill(b, type.getEnclosingClass(), depth);
        return b;
      }
    }
    Class<?> target = immutableOf(type);
    Method builder = staticNoArg(target, "builder");
    if (builder != null) {
      Object b = builder.invoke(null);
      fill(b, type, depth);
      Method build = b.getClass().getMethod("build");
      build.setAccessible(true);
      try {
        Object v = build.invoke(b);
        closeLater(v);
        return v;
      } catch (ReflectiveOperationException | RuntimeException e) {
        if (depth == 0) {
          throw e;
        }
        return null;
      }
    }
    if (type.isRecord()) {
      RecordComponent[] rc = type.getRecordComponents();
      Class<?>[] types = new Class<?>[rc.length];
      Object[] args = new Object[rc.length];
      for (int i = 0; i < rc.length; i++) {
        types[i] = rc[i].getType();
        args[i] = value(rc[i].getGenericType(), rc[i].getName(), type, depth);
      }
      return type.getDeclaredConstructor(types).newInstance(args);
    }
    if (!Modifier.isAbstract(type.getModifiers())) {
      for (Constructor<?> c : type.getConstructors()) {
        Object[] args = args(c, type, depth);
        if (args != null) {
          try {
            return closeLater(c.newInstance(args));
          } catch (ReflectiveOperationException | RuntimeException e) {
            // try the next one
          }
        }
      }
    }
    for (Method m : type.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())
          && type.isAssignableFrom(m.getReturnType())
          && !m.getName().equals("valueOf")) {
        Object[] args = args(m, type, depth);
        if (args != null) {
          try {
            return closeLater(m.invoke(null, args));
          } catch (ReflectiveOperationException | RuntimeException e) {
            // try the next one
          }
        }
      }
    }
    return null;
  }

  private Object closeLater(Object v) {
    if (v instanceof AutoCloseable) {
      closeables.add((AutoCloseable) v);
    }
    return v;
  }

  private static Class<?> immutableOf(Class<?> type) {
    if (type.getSimpleName().startsWith("Immutable") || type.getEnclosingClass() != null) {
      return type;
    }
    try {
      return Class.forName(
          type.getPackageName() + ".Immutable" + type.getSimpleName(),
          false,
          type.getClassLoader());
    } catch (ClassNotFoundException e) {
      return type;
    }
  }

  private static Method staticNoArg(Class<?> type, String name) {
    try {
      Method m = type.getMethod(name);
      return Modifier.isStatic(m.getModifiers()) ? m : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /**
   * Calls every setter-like method of a builder with a value for its attribute; failures are
   * skipped.
   */
  void fill(Object builder, Class<?> built, int depth) {
    Class<?> b = builder.getClass();
    List<Method> setters = new ArrayList<>();
    for (Method m : b.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())
          || m.getDeclaringClass() == Object.class
          || m.getParameterCount() == 0
          || m.getParameterCount() > 2
          || !m.getReturnType().isAssignableFrom(b)
          || Set.of("from", "equals").contains(m.getName())
          || m.getName().startsWith("clear")) {
        continue;
      }
      setters.add(m);
    }
    // Plain setters last, so that a value set by x(String) is not replaced by x(Optional) of
    // another value.
    setters.sort((x, y) -> Integer.compare(rank(x), rank(y)));
    for (Method m : setters) {
      String attribute = attribute(m.getName());
      Object[] args = new Object[m.getParameterCount()];
      Parameter[] ps = m.getParameters();
      boolean ok = true;
      for (int i = 0; i < args.length; i++) {
        boolean mapKey = args.length == 2 && i == 0;
        String name =
            mapKey
                ? "key"
                : args.length == 2 && !m.getName().startsWith("put") ? ps[i].getName() : attribute;
        Secret secret = mapKey ? Secret.NONE : secret(built, name);
        args[i] = value(ps[i].getParameterizedType(), name, built, depth + 1, secret);
        ok &= args[i] != null;
      }
      if (!ok) {
        continue;
      }
      try {
        m.setAccessible(true);
        m.invoke(builder, args);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // a value the builder refuses: leave the attribute unset
      }
    }
  }

  private static int rank(Method m) {
    String n = m.getName();
    return n.startsWith("addAll") || n.startsWith("putAll")
        ? 0
        : n.startsWith("add") || n.startsWith("put") ? 1 : 2;
  }

  private static String attribute(String method) {
    for (String prefix : List.of("addAll", "putAll", "add", "put")) {
      if (method.startsWith(prefix)
          && method.length() > prefix.length()
          && Character.isUpperCase(method.charAt(prefix.length()))) {
        String rest = method.substring(prefix.length());
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
      }
    }
    return method;
  }

  private Object[] args(Executable e, Class<?> owner, int depth) {
    Parameter[] ps = e.getParameters();
    Object[] args = new Object[ps.length];
    for (int i = 0; i < ps.length; i++) {
      args[i] = value(ps[i].getParameterizedType(), ps[i].getName(), owner, depth + 1);
      if (args[i] == null && ps[i].getType().isPrimitive()) {
        return null;
      }
    }
    return args;
  }

  private Object value(Type type, String name, Class<?> owner, int depth) {
    return value(type, name, owner, depth, secret(owner, name));
  }

  /**
   * A value of a type for an attribute: the canary for secrets, a filler otherwise; null if
   * unknown.
   */
  Object value(Type type, String name, Class<?> owner, int depth, Secret secret) {
    Class<?> raw = raw(type);
    String text = secret == Secret.NONE ? filler(name, owner) : canaries.get(secret);
    if (fixed.containsKey(raw)) {
      return fixed.get(raw).apply(name);
    }
    if (raw == String.class || raw == CharSequence.class || raw == Object.class) {
      return text;
    }
    if (raw == int.class || raw == Integer.class) {
      return 1;
    }
    if (raw == long.class || raw == Long.class) {
      return 1L;
    }
    if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
      return raw == float.class || raw == Float.class ? (Object) 1.5f : (Object) 1.5d;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return true;
    }
    if (raw == short.class || raw == Short.class) {
      return (short) 1;
    }
    if (raw == byte.class || raw == Byte.class) {
      return (byte) 1;
    }
    if (raw == char.class || raw == Character.class) {
      return 'c';
    }
    if (raw == Duration.class) {
      return Duration.ofSeconds(1);
    }
    if (raw == Instant.class) {
      return Instant.parse("2026-01-02T03:04:05Z");
    }
    if (raw == OffsetDateTime.class) {
      return OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
    }
    if (raw == LocalDateTime.class) {
      return LocalDateTime.of(2026, 1, 2, 3, 4, 5);
    }
    if (raw == LocalDate.class) {
      return LocalDate.of(2026, 1, 2);
    }
    if (raw == UUID.class) {
      return UUID.fromString("0b6f5d1e-2c3a-4e5f-8a9b-1c2d3e4f5a6b");
    }
    if (raw == Path.class) {
      return Path.of("/tmp/v-" + name);
    }
    if (raw == URI.class) {
      return URI.create("http://127.0.0.1:1/");
    }
    if (raw == Charset.class) {
      return StandardCharsets.UTF_8;
    }
    if (raw == byte[].class) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    if (raw == ByteBuffer.class) {
      return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
    if (raw == InputStream.class) {
      return new ByteArrayInputStream(new byte[0]);
    }
    if (raw == Throwable.class || raw == Exception.class || raw == RuntimeException.class) {
      return new RuntimeException("v-cause");
    }
    if (raw == OptionalInt.class) {
      return OptionalInt.of(1);
    }
    if (raw == OptionalLong.class) {
      return OptionalLong.of(1);
    }
    if (raw == OptionalDouble.class) {
      return OptionalDouble.of(1.5);
    }
    if (JsonNode.class.isAssignableFrom(raw)) {
      return JsonNodeFactory.instance.textNode(text);
    }
    Type[] args =
        type instanceof ParameterizedType
            ? ((ParameterizedType) type).getActualTypeArguments()
            : new Type[0];
    if (raw == Optional.class) {
      Object inner = args.length == 1 ? value(args[0], name, owner, depth, secret) : text;
      return inner == null ? null : Optional.of(inner);
    }
    if (raw == List.class || raw == Collection.class || raw == Iterable.class) {
      Object inner = args.length == 1 ? value(args[0], name, owner, depth, secret) : text;
      return inner == null ? null : List.of(inner);
    }
    if (raw == Set.class) {
      Object inner = args.length == 1 ? value(args[0], name, owner, depth, secret) : text;
      return inner == null ? null : new LinkedHashSet<>(List.of(inner));
    }
    if (raw == Map.class) {
      Object k = args.length == 2 ? value(args[0], "key", owner, depth, Secret.NONE) : "v-key";
      Object v = args.length == 2 ? value(args[1], name, owner, depth, secret) : text;
      return k == null || v == null ? null : Map.of(k, v);
    }
    if (raw.isArray() && raw.getComponentType() == String.class) {
      return new String[] {text};
    }
    if (raw.isEnum()) {
      Object[] constants = raw.getEnumConstants();
      return constants.length == 0 ? null : constants[0];
    }
    if (raw.getName().startsWith("dev.corekit.")) {
      try {
        return make(raw, depth + 1);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * The value of a text attribute that holds no secret: {@code v-<name>}; in the generated value
   * models a line as Core 16.16 writes it, with the memory filesystem's password in a URL ({@code
   * ... to 'http://admin:PASSWORD@127.0.0.1:8080/memfs/v-<name>.m3u8'}), which their toString()
   * must hide: any text of Core's (a command line argument, a log line, an address) may carry one.
   */
  private String filler(String name, Class<?> owner) {
    Class<?> model = modelOf(owner);
    if (model == null || !model.isInterface()) {
      return "v-" + name;
    }
    return "v-"
        + name
        + " to 'http://admin:"
        + canaries.get(Secret.PASSWORD)
        + "@127.0.0.1:8080/memfs/v-"
        + name
        + ".m3u8'";
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class) {
      return (Class<?>) type;
    }
    if (type instanceof ParameterizedType) {
      return (Class<?>) ((ParameterizedType) type).getRawType();
    }
    if (type instanceof WildcardType) {
      Type[] upper = ((WildcardType) type).getUpperBounds();
      return upper.length > 0 ? raw(upper[0]) : Object.class;
    }
    return Object.class;
  }
}
