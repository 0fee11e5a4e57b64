package dev.corekit.simulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Fixed answers: ffmpeg skills and the metrics Core describes. */
final class StaticData {
  private StaticData() {}

  static ObjectNode skills() {
    ObjectNode s = Json.obj();
    ObjectNode ff = s.putObject("ffmpeg");
    ff.put("version", "5.1.9");
    ff.put("compiler", "gcc 12 (Debian 12.2.0-14)");
    ff.put("configuration", "--enable-gpl --enable-libx264 --enable-libfreetype --enable-libsrt");
    ArrayNode libs = ff.putArray("libraries");
    for (String[] l :
        new String[][] {
          {"libavutil", "57.28.100"},
          {"libavcodec", "59.37.100"},
          {"libavformat", "59.27.100"},
          {"libavdevice", "59.7.100"},
          {"libavfilter", "8.44.100"},
          {"libswscale", "6.7.100"},
          {"libswresample", "4.7.100"},
          {"libpostproc", "56.6.100"}
        }) {
      ObjectNode lib = libs.addObject();
      lib.put("name", l[0]);
      lib.put("compiled", l[1]);
      lib.put("linked", l[1]);
    }
    s.set(
        "filter",
        idNames(
            new String[][] {
              {"scale", "Scale the input video size and/or convert the image format."},
              {"fps", "Force constant framerate."},
              {"testsrc2", "Generate another test pattern."},
              {"anullsrc", "Null audio source, return empty audio frames."},
              {"overlay", "Overlay a video source on top of the input."}
            }));
    s.set("hwaccels", Json.arr());
    ObjectNode codecs = s.putObject("codecs");
    codecs.set(
        "audio",
        codecList(
            new String[][] {
              {"aac", "AAC (Advanced Audio Coding)", "aac", "aac"},
              {"mp3", "MP3 (MPEG audio layer 3)", "libmp3lame", "mp3float,mp3"},
              {"opus", "Opus", "libopus", "opus"}
            }));
    codecs.set(
        "video",
        codecList(
            new String[][] {
              {"h264", "H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10", "libx264", "h264"},
              {"rawvideo", "raw video", "rawvideo", "rawvideo"},
              {"vp9", "Google VP9", "", "vp9"}
            }));
    codecs.set(
        "subtitle", codecList(new String[][] {{"webvtt", "WebVTT subtitle", "webvtt", "webvtt"}}));
    ObjectNode devices = s.putObject("devices");
    devices.set(
        "demuxers",
        devList(
            new String[][] {
              {"lavfi", "Libavfilter virtual input device"}, {"v4l2", "Video4Linux2 device grab"}
            }));
    devices.set("muxers", devList(new String[][] {}));
    ObjectNode formats = s.putObject("formats");
    formats.set(
        "demuxers",
        idNames(
            new String[][] {
              {"hls", "Apple HTTP Live Streaming"},
              {"lavfi", "Libavfilter virtual input device"},
              {"mov,mp4,m4a,3gp,3g2,mj2", "QuickTime / MOV"},
              {"rtsp", "RTSP input"},
              {"flv", "FLV (Flash Video)"}
            }));
    formats.set(
        "muxers",
        idNames(
            new String[][] {
              {"hls", "Apple HTTP Live Streaming"},
              {"mp4", "MP4 (MPEG-4 Part 14)"},
              {"flv", "FLV (Flash Video)"},
              {"null", "raw null video"},
              {"mpegts", "MPEG-TS (MPEG-2 Transport Stream)"}
            }));
    ObjectNode protocols = s.putObject("protocols");
    protocols.set(
        "input",
        idNames(
            new String[][] {
              {"file", "file"},
              {"http", "http"},
              {"https", "https"},
              {"rtmp", "rtmp"},
              {"srt", "srt"},
              {"tcp", "tcp"},
              {"udp", "udp"}
            }));
    protocols.set(
        "output",
        idNames(
            new String[][] {
              {"file", "file"},
              {"http", "http"},
              {"pipe", "pipe"},
              {"rtmp", "rtmp"},
              {"srt", "srt"},
              {"tcp", "tcp"},
              {"udp", "udp"}
            }));
    return s;
  }

  private static ArrayNode idNames(String[][] items) {
    ArrayNode a = Json.arr();
    for (String[] i : items) {
      ObjectNode o = a.addObject();
      o.put("id", i[0]);
      o.put("name", i[1]);
    }
    return a;
  }

  private static ArrayNode devList(String[][] items) {
    ArrayNode a = Json.arr();
    for (String[] i : items) {
      ObjectNode o = a.addObject();
      o.put("id", i[0]);
      o.put("name", i[1]);
      o.putArray("devices");
    }
    return a;
  }

  private static ArrayNode codecList(String[][] items) {
    ArrayNode a = Json.arr();
    for (String[] i : items) {
      ObjectNode o = a.addObject();
      o.put("id", i[0]);
      o.put("name", i[1]);
      if (i[2].isEmpty()) {
        o.putNull("encoders");
      } else {
        o.set("encoders", Json.strings(List.of(i[2].split(","))));
      }
      o.set("decoders", Json.strings(List.of(i[3].split(","))));
    }
    return a;
  }

  /** Metric name, description, labels. */
  static final String[][] METRICS = {
    {"cpu_ncpu", "Number of logical CPUs in the system", ""},
    {"cpu_idle", "Percentage of idle CPU", ""},
    {"cpu_iowait", "Percentage of CPU waiting for IO", ""},
    {"cpu_system", "Percentage of CPU used for the system", ""},
    {"cpu_user", "Percentage of CPU used for the user", ""},
    {"cpu_limit", "Percentage of CPU to be consumed", ""},
    {"cpu_throttling", "Whether the CPU is currently throttled", ""},
    {"mem_total", "Total available memory in bytes", ""},
    {"mem_free", "Free memory in bytes", ""},
    {"mem_limit", "Memory limit in bytes", ""},
    {"mem_throttling", "Whether the memory is currently throttled", ""},
    {"disk_total", "Total size of the disk in bytes", "path"},
    {"disk_usage", "Number of used bytes on the disk", "path"},
    {"net_rx", "Number of received bytes", "interface"},
    {"net_tx", "Number of transmitted bytes", "interface"},
    {"uptime_uptime", "Current uptime in seconds", ""},
    {"filesystem_limit", "Total size of the filesystem in bytes, negative if unlimited", "name"},
    {"filesystem_usage", "Number of used bytes on the filesystem", "name"},
    {"filesystem_files", "Number of files on the filesystem (excluding directories)", "name"},
    {"ffmpeg_process", "State of the ffmpeg process", "state"},
    {
      "ffmpeg_process_io",
      "Stats per input and output of a process",
      "id,address,index,stream,type,codec,name,what"
    },
    {"restream_process", "Current process values by name", "processid,state,order,name"},
    {"restream_process_states", "Current process state", "processid,state"},
    {
      "restream_io",
      "Current process IO values by name",
      "processid,type,id,address,index,stream,media,name"
    },
    {"restream_state", "Summary of process states", "state"},
    {"session_active", "Number of currently active sessions", "collector"},
    {"session_rxbytes", "Number of received bytes", "collector"},
    {"session_txbytes", "Number of transmitted bytes", "collector"},
    {"session_total", "Total number of sessions", "collector"},
  };
}
