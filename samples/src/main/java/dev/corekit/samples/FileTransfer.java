package dev.corekit.samples;

import dev.corekit.core.CoreClient;
import dev.corekit.core.api.FilesystemApi;
import dev.corekit.core.model.FileInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Filesystem upload and download from files: the file is streamed from disk to Core and back, never
 * read into memory whole; then listed by a glob and deleted.
 */
public final class FileTransfer {
  private FileTransfer() {}

  /**
   * What a round trip did.
   *
   * @param uploadedBytes the bytes sent to Core
   * @param listed the files the glob found afterwards
   * @param downloadedBytes the bytes read back
   */
  public record Result(long uploadedBytes, List<FileInfo> listed, long downloadedBytes) {}

  /**
   * Uploads a small file to Core's memory filesystem and downloads it again.
   *
   * @param args unused; the server comes from {@code CORE_URL} or is an embedded simulator
   * @throws IOException if the local temporary files cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("corekit-sample");
    Path local =
        Files.writeString(
            dir.resolve("hello.txt"), "Hello from corekit!\n", StandardCharsets.UTF_8);
    try (SampleServer server = SampleServer.fromEnvironment();
        CoreClient core = server.client()) {
      Result r = roundTrip(core, "mem", local, "samples/hello.txt", dir.resolve("back.txt"));
      System.out.println(
          "uploaded "
              + r.uploadedBytes()
              + " bytes, listed "
              + r.listed().size()
              + " file(s), downloaded "
              + r.downloadedBytes()
              + " bytes");
    }
  }

  /**
   * Uploads a local file, lists the folder it went to, downloads it to another local file, and
   * deletes it on the server.
   *
   * @param core the client
   * @param storage the storage, such as {@code mem} or {@code disk}
   * @param local the file to upload
   * @param remotePath the path in the storage, without leading slash
   * @param downloadTo where to write the downloaded copy
   * @return sizes and the listing
   * @throws IOException if the local file cannot be read
   */
  public static Result roundTrip(
      CoreClient core, String storage, Path local, String remotePath, Path downloadTo)
      throws IOException {
    FilesystemApi fs = core.filesystems();
    Duration deadline = Duration.ofSeconds(30);
    fs.upload(storage, remotePath, local).block(deadline);
    String folder =
        remotePath.contains("/") ? remotePath.substring(0, remotePath.lastIndexOf('/')) : "";
    List<FileInfo> listed =
        fs.list(storage, FilesystemApi.ListQuery.builder().glob("/" + folder + "/*").build())
            .collectList()
            .block(deadline);
    long downloaded = fs.download(storage, remotePath, downloadTo).block(deadline);
    fs.delete(storage, remotePath).block(deadline);
    return new Result(Files.size(local), listed, downloaded);
  }
}
