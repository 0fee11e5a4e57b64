package dev.corekit.samples;

import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessConfigIo;

/**
 * The process config the samples run: an ffmpeg test pattern (lavfi {@code testsrc2}) encoded to
 * HLS in Core's memory filesystem. Runs on any Core without a camera.
 */
public final class TestPattern {
  private TestPattern() {}

  /**
   * A config for a test pattern process.
   *
   * @param id the process id
   * @return the config
   */
  public static ProcessConfig config(String id) {
    return ProcessConfig.builder()
        .id(id)
        .reference("corekit-sample")
        .addInput(
            ProcessConfigIo.builder()
                .id("in")
                .address("testsrc2=size=640x360:rate=25")
                .addOptions("-f", "lavfi", "-re")
                .build())
        .addOutput(
            ProcessConfigIo.builder()
                .id("out")
                .address("{memfs}/" + id + ".m3u8")
                .addOptions(
                    "-codec:v",
                    "libx264",
                    "-preset",
                    "ultrafast",
                    "-f",
                    "hls",
                    "-hls_time",
                    "2",
                    "-hls_list_size",
                    "6",
                    "-hls_flags",
                    "delete_segments")
                .build())
        .autostart(true)
        .build();
  }
}
