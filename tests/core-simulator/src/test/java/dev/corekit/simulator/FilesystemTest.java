package dev.corekit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FilesystemTest {
  private static CoreSimulator sim;
  private static Http http;

  @BeforeAll
  static void start() {
    sim = CoreSimulator.builder().build().start();
    http = new Http(sim).login("admin", "datarhei");
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void listsDiskAndMem() {
    assertThat(http.get("/api/v3/fs").body())
        .isEqualTo(
            "[{\"name\":\"disk\",\"type\":\"disk\",\"mount\":\"/\"},{\"name\":\"mem\",\"type\":\"mem\",\"mount\":\"/memfs\"}]");
  }

  @Test
  void putCreatesThenOverwritesAndGetHeadDeleteWork() throws Exception {
    Http.Resp created =
        http.send("PUT", "/api/v3/fs/mem/hello.txt", "hello world", "application/octet-stream");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Content-Location")).isEqualTo("/api/v3/fs/mem/hello.txt");
    assertThat(http.send("PUT", "/api/v3/fs/mem/hello.txt", "hello again", "text/plain").status())
        .isEqualTo(204);

    Http.Resp got = http.get("/api/v3/fs/mem/hello.txt");
    assertThat(got.body()).isEqualTo("hello again");
    assertThat(got.header("Content-Type")).startsWith("text/plain");
    assertThat(got.header("Last-Modified")).endsWith("GMT");

    HttpResponse<Void> head =
        http.client.send(
            http.request("/api/v3/fs/mem/hello.txt")
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Length")).hasValue("11");

    Http.Resp range =
        http.send("GET", "/api/v3/fs/mem/hello.txt", null, null, "Range", "bytes=0-4");
    assertThat(range.status()).isEqualTo(206);
    assertThat(range.body()).isEqualTo("hello");

    Http.Resp deleted = http.delete("/api/v3/fs/mem/hello.txt");
    assertThat(deleted.body()).isEqualTo("Deleted: /hello.txt");
    assertThat(deleted.header("Content-Type")).startsWith("text/plain");
    assertThat(http.get("/api/v3/fs/mem/hello.txt").json().toString())
        .isEqualTo("{\"code\":404,\"message\":\"File not found\",\"details\":[\"/hello.txt\"]}");
    assertThat(http.get("/api/v3/fs/nofs/x").json().toString())
        .isEqualTo(
            "{\"code\":404,\"message\":\"File not found\",\"details\":[\"unknown filesystem: nofs\"]}");
  }

  @Test
  void multiSegmentPathsListGlobAndSort() {
    http.send("PUT", "/api/v3/fs/disk/a/b/one.txt", "1", "text/plain");
    http.send("PUT", "/api/v3/fs/disk/a/b/three.txt", "333", "text/plain");
    http.send("PUT", "/api/v3/fs/disk/a/two.m3u8", "22", "text/plain");
    assertThat(http.get("/api/v3/fs/disk/a/b/three.txt").body()).isEqualTo("333");
    assertThat(names(http.get("/api/v3/fs/disk?glob=/a/b/*.txt&sort=name&order=asc").json()))
        .containsExactly("/a/b/one.txt", "/a/b/three.txt");
    assertThat(names(http.get("/api/v3/fs/disk?glob=/a/**&sort=size&order=desc").json()))
        .containsExactly("/a/b/three.txt", "/a/two.m3u8", "/a/b/one.txt");
    assertThat(names(http.get("/api/v3/fs/disk?glob=/a/*").json())).containsExactly("/a/two.m3u8");
    assertThat(names(http.get("/api/v3/fs/disk?glob=/a/**&size_min=2&size_max=2").json()))
        .containsExactly("/a/two.m3u8");
    JsonNode entry = http.get("/api/v3/fs/disk?glob=/a/two.m3u8").json().get(0);
    assertThat(entry.get("size_bytes").asLong()).isEqualTo(2);
    assertThat(entry.get("last_modified").isIntegralNumber()).isTrue();
    // public read without auth
    assertThat(new Http(sim).get("/a/two.m3u8").body()).isEqualTo("22");
    // delete by glob (16.20)
    assertThat(http.delete("/api/v3/fs/disk?glob=/a/b/*").json().size()).isEqualTo(2);
    assertThat(http.delete("/api/v3/fs/disk").status()).isEqualTo(400);
    assertThat(http.get("/api/v3/fs/disk?glob=/nothing*").body()).isEqualTo("[]");
  }

  @Test
  void copyAndMoveBetweenFilesystems() {
    http.send("PUT", "/api/v3/fs/mem/src.txt", "data", "text/plain");
    assertThat(
            http.put(
                    "/api/v3/fs",
                    "{\"operation\":\"copy\",\"source\":\"mem:/src.txt\",\"target\":\"disk:/copy.txt\"}")
                .body())
        .isEqualTo("\"OK\"");
    assertThat(
            http.put(
                    "/api/v3/fs",
                    "{\"operation\":\"move\",\"source\":\"mem:/src.txt\",\"target\":\"mem:/moved.txt\"}")
                .status())
        .isEqualTo(200);
    assertThat(http.get("/api/v3/fs/disk/copy.txt").body()).isEqualTo("data");
    assertThat(http.get("/api/v3/fs/mem/moved.txt").body()).isEqualTo("data");
    assertThat(http.get("/api/v3/fs/mem/src.txt").status()).isEqualTo(404);
    assertThat(new Http(sim).get("/memfs/moved.txt").body()).isEqualTo("data");
    assertThat(new Http(sim).send("PUT", "/memfs/x.txt", "x", "text/plain").status())
        .isEqualTo(401);
    assertThat(http.put("/api/v3/fs", "{\"operation\":\"rename\"}").status()).isEqualTo(400);
  }

  private static List<String> names(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(f -> out.add(f.get("name").asText()));
    return out;
  }
}
