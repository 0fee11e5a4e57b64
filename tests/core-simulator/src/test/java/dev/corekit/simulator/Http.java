package dev.corekit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A small blocking test client over java.net.http (not the SDK). */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  final String base;
  String token;

  Http(CoreSimulator sim) {
    this.base = sim.baseUrl();
  }

  record Resp(int status, HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  Http login(String user, String password) {
    Resp r =
        post("/api/login", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
    if (r.status() != 200) {
      throw new IllegalStateException("login failed: " + r);
    }
    token = r.json().get("access_token").asText();
    return this;
  }

  Resp get(String path) {
    return send("GET", path, null, null);
  }

  Resp delete(String path) {
    return send("DELETE", path, null, null);
  }

  Resp post(String path, String json) {
    return send("POST", path, json, "application/json");
  }

  Resp put(String path, String json) {
    return send("PUT", path, json, "application/json");
  }

  Resp send(String method, String path, String body, String contentType, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(TIMEOUT)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.setHeader(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Resp(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  /** Sends raw bytes over a socket and returns everything the server answers until it closes. */
  static String raw(CoreSimulator sim, String request) {
    try (Socket s = new Socket("127.0.0.1", sim.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls a condition every 20 ms until it holds or the timeout passes. */
  static boolean await(BooleanSupplier condition, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
    }
    return condition.getAsBoolean();
  }

  static String processJson(String id) {
    return "{\"id\":\""
        + id
        + "\",\"reference\":\"demo\",\"input\":[{\"id\":\"in\",\"address\":\"testsrc2=rate=25:size=640x360\","
        + "\"options\":[\"-re\",\"-f\",\"lavfi\"]}],\"output\":[{\"id\":\"out\",\"address\":\"-\","
        + "\"options\":[\"-codec:v\",\"libx264\",\"-f\",\"null\"]}],\"options\":[\"-loglevel\",\"info\"],"
        + "\"reconnect\":true,\"reconnect_delay_seconds\":5,\"autostart\":false,\"stale_timeout_seconds\":30}";
  }
}
