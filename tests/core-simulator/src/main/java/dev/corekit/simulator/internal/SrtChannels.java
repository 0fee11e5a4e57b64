package dev.corekit.simulator.internal;

import static dev.corekit.simulator.CoreVersion.V16_11;
import static dev.corekit.simulator.CoreVersion.V16_20;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Core's SRT server as {@code GET /api/v3/srt} shows it: one channel for each running process with
 * an output that publishes to SRT, i.e. an {@code srt://} address whose stream id says {@code
 * mode:publish} ({@code name,mode:publish} or {@code #!:m=publish,r=name}), or the placeholder
 * {@code {srt,name=...,mode=publish}}. 16.20 answers an array of channels, older releases one
 * object of publishers, subscribers, connections and log; releases before 16.11 name two statistics
 * {@code sent_unique__bytes} and {@code recv_loss__bytes}.
 */
final class SrtChannels {
  private static final int PACKET_BYTES = 1206;

  private SrtChannels() {}

  static JsonNode render(Settings s, Iterable<Proc> procs, long now) {
    Map<String, Proc> publishers = new TreeMap<>();
    long delay = s.processStartDelay().toMillis();
    for (Proc p : procs) {
      synchronized (p) {
        if (!p.exec(now, delay).equals("running")) {
          continue;
        }
        for (JsonNode out : p.config.path("output")) {
          String name = publishedName(out.path("address").asText(""));
          if (name != null) {
            publishers.putIfAbsent(name, p);
          }
        }
      }
    }
    if (s.since(V16_20)) {
      ArrayNode channels = Json.arr();
      publishers.forEach(
          (name, p) -> {
            long socket = socketId(p);
            ObjectNode c = channels.addObject();
            c.put("name", name);
            c.put("socketid", socket);
            c.putArray("subscriber");
            c.putObject("connections").set(Long.toString(socket), connection(s, p, now));
            c.putObject("log");
          });
      return channels;
    }
    ObjectNode o = Json.obj();
    ObjectNode publisher = o.putObject("publisher");
    o.putObject("subscriber");
    ObjectNode connections = o.putObject("connections");
    o.putObject("log");
    publishers.forEach(
        (name, p) -> {
          long socket = socketId(p);
          publisher.put(name, socket);
          connections.set(Long.toString(socket), connection(s, p, now));
        });
    return o;
  }

  /** The channel an output address publishes, or null if it publishes nothing to SRT. */
  static @Nullable String publishedName(String address) {
    String a = address.trim();
    if (a.startsWith("{srt,") && a.endsWith("}")) {
      String name = null;
      boolean publish = false;
      for (String kv : a.substring(5, a.length() - 1).split(",")) {
        String[] p = kv.split("=", 2);
        if (p.length == 2 && p[0].trim().equals("name")) {
          name = p[1].trim();
        } else if (p.length == 2 && p[0].trim().equals("mode")) {
          publish = p[1].trim().equals("publish");
        }
      }
      return publish && name != null && !name.isEmpty() ? name : null;
    }
    if (!a.toLowerCase(Locale.ROOT).startsWith("srt://") || a.indexOf('?') < 0) {
      return null;
    }
    for (String param : a.substring(a.indexOf('?') + 1).split("&")) {
      if (param.startsWith("streamid=")) {
        return fromStreamId(
            URLDecoder.decode(param.substring("streamid=".length()), StandardCharsets.UTF_8));
      }
    }
    return null;
  }

  private static @Nullable String fromStreamId(String streamId) {
    if (streamId.startsWith("#!:")) {
      String resource = null;
      boolean publish = false;
      for (String kv : streamId.substring(3).split(",")) {
        String[] p = kv.split("=", 2);
        if (p.length == 2 && p[0].equals("r")) {
          resource = p[1];
        } else if (p.length == 2 && p[0].equals("m")) {
          publish = p[1].equals("publish");
        }
      }
      return publish && resource != null && !resource.isEmpty() ? resource : null;
    }
    String[] parts = streamId.split(",");
    boolean publish = false;
    for (int i = 1; i < parts.length; i++) {
      publish |= parts[i].equals("mode:publish");
    }
    return publish && !parts[0].isEmpty() ? parts[0] : null;
  }

  /** A stable socket id per process (Core's are random 32-bit numbers). */
  private static long socketId(Proc p) {
    return 100_000 + Math.floorMod(p.id.hashCode(), 900_000);
  }

  private static ObjectNode connection(Settings s, Proc p, long now) {
    long ms = Math.max(0, now - p.startedAt - s.processStartDelay().toMillis());
    long packets = ms * 40 / 1000;
    long bytes = packets * PACKET_BYTES;
    boolean old = !s.since(V16_11);
    ObjectNode c = Json.obj();
    c.putObject("log");
    ObjectNode st = c.putObject("stats");
    st.put("timestamp_ms", ms);
    st.put("sent_pkt", 0);
    st.put("recv_pkt", packets);
    st.put("sent_unique_pkt", 0);
    st.put("recv_unique_pkt", packets);
    st.put("send_loss_pkt", 0);
    st.put("recv_loss_pkt", 0);
    st.put("sent_retrans_pkt", 0);
    st.put("recv_retran_pkts", 0);
    st.put("sent_ack_pkt", packets * 17 / 10);
    st.put("recv_ack_pkt", 0);
    st.put("sent_nak_pkt", 0);
    st.put("recv_nak_pkt", 0);
    st.put("send_km_pkt", 0);
    st.put("recv_km_pkt", 0);
    st.put("send_duration_us", 0);
    st.put("send_drop_pkt", 0);
    st.put("recv_drop_pkt", 0);
    st.put("recv_undecrypt_pkt", 0);
    st.put("sent_bytes", 0);
    st.put("recv_bytes", bytes);
    st.put(old ? "sent_unique__bytes" : "sent_unique_bytes", 0);
    st.put("recv_unique_bytes", bytes);
    st.put(old ? "recv_loss__bytes" : "recv_loss_bytes", 0);
    st.put("sent_retrans_bytes", 0);
    st.put("send_drop_bytes", 0);
    st.put("recv_drop_bytes", 0);
    st.put("recv_undecrypt_bytes", 0);
    st.put("pkt_send_period_us", 10.967254638671875);
    st.put("flow_window_pkt", 25600);
    st.put("flight_size_pkt", 0);
    st.put("rtt_ms", 0.5);
    st.put("bandwidth_mbit", 2907.4);
    st.put("avail_send_buf_bytes", 0);
    st.put("avail_recv_buf_bytes", 0);
    st.put("max_bandwidth_mbit", -1);
    st.put("mss_bytes", 1500);
    st.put("send_buf_pkt", 0);
    st.put("send_buf_bytes", 0);
    st.put("send_buf_ms", 0);
    st.put("send_tsbpd_delay_ms", 120);
    st.put("recv_buf_pkt", 9);
    st.put("recv_buf_bytes", 9 * PACKET_BYTES);
    st.put("recv_buf_ms", 93);
    st.put("recv_tsbpd_delay_ms", 120);
    st.put("reorder_tolerance_pkt", 0);
    st.put("pkt_recv_avg_belated_time_ms", 0);
    return c;
  }
}
