package dev.corekit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/**
 * TLS certificates are verified by default: a loopback server with a self-signed certificate is
 * refused unless the caller trusts its certificate or explicitly turns verification off.
 */
class TlsVerificationTest {
  private static final String PING = "pong";

  @TempDir static Path folder;
  static DisposableServer server;
  static Path certificate;

  @BeforeAll
  static void startSelfSignedServer() throws Exception {
    Path keystore = folder.resolve("server.p12");
    certificate = folder.resolve("server.crt");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    run(
        keytool,
        "-genkeypair",
        "-alias",
        "core",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-validity",
        "2",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "SAN=ip:127.0.0.1",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit",
        "-keypass",
        "changeit");
    run(
        keytool,
        "-exportcert",
        "-rfc",
        "-alias",
        "core",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit",
        "-file",
        certificate.toString());
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, "changeit".toCharArray());
    SslContext serverTls = SslContextBuilder.forServer(keys).build();
    server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .secure(spec -> spec.sslContext(serverTls))
            .route(
                routes ->
                    routes.get(
                        "/ping",
                        (request, response) ->
                            response
                                .header("Content-Type", "text/plain")
                                .sendString(Mono.just(PING), StandardCharsets.UTF_8)))
            .bindNow(Duration.ofSeconds(10));
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
    assertThat(process.exitValue()).as("keytool: %s", output).isZero();
  }

  @AfterAll
  static void stop() {
    server.disposeNow(Duration.ofSeconds(5));
  }

  private static String url() {
    return "https://127.0.0.1:" + server.port();
  }

  @Test
  void refusesASelfSignedServerByDefault() {
    try (CoreClient client = CoreClient.builder().baseUrl(url()).retry(RetryPolicy.NONE).build()) {
      StepVerifier.create(client.about().ping())
          .expectErrorSatisfies(
              error ->
                  assertThat(error)
                      .isInstanceOf(CoreConnectException.class)
                      .hasMessage(
                          "GET /ping: the TLS certificate of 127.0.0.1:"
                              + server.port()
                              + " is not trusted (no valid certification path to a trusted"
                              + " authority): trust its certificate authority"))
          .verify(Duration.ofSeconds(10));
    }
  }

  @Test
  void acceptsTheServerWhenItsCertificateIsTrusted() throws Exception {
    SslContext trusting = SslContextBuilder.forClient().trustManager(certificate.toFile()).build();
    try (CoreClient client = CoreClient.builder().baseUrl(url()).sslContext(trusting).build()) {
      StepVerifier.create(client.about().ping())
          .expectNext(PING)
          .expectComplete()
          .verify(Duration.ofSeconds(10));
    }
  }

  @Test
  void acceptsAnyServerOnlyWhenVerificationIsExplicitlyOff() {
    try (CoreClient client = CoreClient.builder().baseUrl(url()).trustAllCertificates().build()) {
      StepVerifier.create(client.about().ping())
          .expectNext(PING)
          .expectComplete()
          .verify(Duration.ofSeconds(10));
    }
  }
}
