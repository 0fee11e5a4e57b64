package dev.corekit.core.internal;

import dev.corekit.core.model.SrtChannel;
import dev.corekit.core.model.SrtChannelsLegacy;
import dev.corekit.core.model.SrtConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Converters from the answers of older Core releases into the types of the current one, named by
 * the spec's {@code x-legacy-answer} extension ({@code convert}). Each reads one legacy shape
 * completely: what the older answer says is kept where the current type has a place for it.
 */
public final class LegacyAnswers {
  private LegacyAnswers() {}

  /**
   * Converts the SRT channel list of Core 16.9.0 to 16.16.0 (one object keyed by channel name and
   * socket id) into 16.20.0's list of channels: one channel per published stream, with its
   * publisher's socket id, its subscribers and the connections of both. The server-wide log of the
   * old shape belongs to no channel; 16.20.0 leaves it out as well.
   *
   * @param legacy the older answer
   * @return the channels, ordered by name
   */
  public static List<SrtChannel> srtChannels(SrtChannelsLegacy legacy) {
    TreeSet<String> names = new TreeSet<>(legacy.publisher().keySet());
    List<SrtChannel> channels = new ArrayList<>(names.size());
    for (String name : names) {
      long publisher = legacy.publisher().get(name);
      List<Long> subscribers = legacy.subscriber().getOrDefault(name, List.of());
      Map<String, SrtConnection> connections = new LinkedHashMap<>();
      addConnection(legacy, publisher, connections);
      for (Long subscriber : subscribers) {
        addConnection(legacy, subscriber, connections);
      }
      channels.add(
          SrtChannel.builder()
              .name(name)
              .socketid(publisher)
              .subscriber(subscribers)
              .connections(connections)
              .build());
    }
    return channels;
  }

  private static void addConnection(
      SrtChannelsLegacy legacy, long socket, Map<String, SrtConnection> into) {
    String key = Long.toString(socket);
    SrtConnection connection = legacy.connections().get(key);
    if (connection != null) {
      into.put(key, connection);
    }
  }
}
