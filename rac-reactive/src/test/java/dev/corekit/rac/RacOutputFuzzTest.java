package dev.corekit.rac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds rac's output parser and the typed views seeded random and mutated output: every input gives
 * records or a {@link RacException} (a parse error naming the field); nothing else is thrown,
 * nothing hangs. The seed is printed; {@code -Dfuzz.cases} raises the number of cases.
 */
class RacOutputFuzzTest {
  private static final int CASES = Integer.getInteger("fuzz.cases", 100_000);
  private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime() % 1_000_000);

  private static final List<Function<RacRecord, ?>> VIEWS =
      List.of(
          RacCluster::from,
          RacServer::from,
          RacProcess::from,
          RacInfobase::from,
          RacInfobaseSession::from,
          RacConnection::from,
          RacLock::from,
          RacManager::from,
          RacService::from,
          RacRule::from,
          RacLimit::from,
          RacCounter::from,
          RacProfile::from,
          RacAdmin::from,
          RacLicense::from,
          RacInfobaseSummary::from);

  private static final byte[] STRUCTURE = " :\n\r\"'-0123456789.".getBytes(StandardCharsets.UTF_8);

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void racOutputGivesRecordsOrATypedError() throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    for (String sample :
        List.of(
            Samples.CLUSTER,
            Samples.SERVER,
            Samples.PROCESS,
            Samples.INFOBASE,
            Samples.CONNECTION,
            Samples.MANAGER,
            Samples.SERVICE,
            Samples.LICENSE,
            Samples.ADMINS,
            Samples.SESSION,
            Samples.LOCK,
            Samples.RULE,
            Samples.PROFILE,
            Samples.COUNTER,
            Samples.LIMIT)) {
      seeds.add(sample.getBytes(StandardCharsets.UTF_8));
      seeds.add(sample.replace("\n", "\r\n").getBytes(Charset.forName("IBM866")));
    }
    Random random = new Random(SEED);
    int records = 0;
    int rejected = 0;
    for (int i = 0; i < CASES; i++) {
      byte[] input =
          i % 10 == 0 ? garbage(random) : mutate(seeds.get(random.nextInt(seeds.size())), random);
      try {
        records += parse(input, random);
      } catch (RacException expected) {
        rejected++;
      } catch (RuntimeException | IOException | Error unexpected) {
        throw new AssertionError(
            "case "
                + i
                + " (seed "
                + SEED
                + ") threw "
                + unexpected
                + " for input "
                + Base64.getEncoder().encodeToString(input),
            unexpected);
      }
    }
    System.out.printf(
        "fuzz rac output: %d cases (seed %d): %d records read, %d inputs rejected with a RacException%n",
        CASES, SEED, records, rejected);
    assertThat(records).isPositive();
  }

  private static int parse(byte[] input, Random random) throws IOException {
    int count = 0;
    RacOutputParser parser =
        switch (random.nextInt(3)) {
          case 0 -> RacOutputParser.of(new ByteArrayInputStream(input), StandardCharsets.UTF_8);
          case 1 -> RacOutputParser.of(new ByteArrayInputStream(input), RacOutputParser.CP866);
          default -> RacOutputParser.autoDetect(new ByteArrayInputStream(input));
        };
    try (parser) {
      RacRecord record;
      while ((record = parser.next()) != null) {
        count++;
        VIEWS.get(random.nextInt(VIEWS.size())).apply(record);
      }
    }
    return count;
  }

  private static byte[] garbage(Random random) {
    byte[] bytes = new byte[random.nextInt(400)];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] mutate(byte[] seed, Random random) {
    List<Byte> bytes = new ArrayList<>(seed.length + 16);
    for (byte b : seed) {
      bytes.add(b);
    }
    int mutations = 1 + random.nextInt(5);
    for (int m = 0; m < mutations && !bytes.isEmpty(); m++) {
      int at = random.nextInt(bytes.size());
      switch (random.nextInt(6)) {
        case 0 -> bytes.set(at, (byte) random.nextInt(256));
        case 1 -> bytes.add(at, STRUCTURE[random.nextInt(STRUCTURE.length)]);
        case 2 -> bytes.subList(at, Math.min(bytes.size(), at + 1 + random.nextInt(30))).clear();
        case 3 -> bytes.subList(at, bytes.size()).clear();
        case 4 -> bytes.addAll(at, bytes.subList(0, Math.min(at, 60)));
        default -> bytes.set(at, STRUCTURE[random.nextInt(STRUCTURE.length)]);
      }
    }
    byte[] out = new byte[bytes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = bytes.get(i);
    }
    return out;
  }
}
