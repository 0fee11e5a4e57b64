package dev.corekit.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class BlockingParityTest {

  public interface ReactiveApi {
    Mono<String> get(String id);

    Flux<String> list();

    ReactiveChild child();

    Mono<Void> closeAsync();
  }

  public interface ReactiveChild {
    Mono<Long> count();

    Mono<String> onlyReactive();
  }

  public interface BlockingApi extends AutoCloseable {
    String get(String id);

    List<String> list();

    Stream<String> listStream();

    BlockingChild child();

    @Override
    void close();
  }

  public interface BlockingChild {
    long count();

    String onlyBlocking(int x);

    Integer count(String wrongOverload);
  }

  public interface WrongTypes {
    Integer get(String id);

    List<String> list();

    List<Integer> listStream();
  }

  /** A reactive class with its own toString, statics and close methods. */
  public static final class ReactiveClient implements AutoCloseable {
    public static ReactiveClient create() {
      return new ReactiveClient();
    }

    public Mono<String> get(String id) {
      return Mono.just(id);
    }

    @Override
    public void close() {}

    public Mono<Void> closeAsync() {
      return Mono.empty();
    }

    @Override
    public String toString() {
      return "client";
    }
  }

  public interface BlockingClient extends AutoCloseable {
    String get(String id);

    @Override
    void close();
  }

  @Test
  void ignoresObjectMethodsStaticsAndCloseOnClasses() {
    assertThat(BlockingParity.missing(ReactiveClient.class, BlockingClient.class)).isEmpty();
  }

  @Test
  void reportsNothingForInterfacesInStep() {
    assertThat(
            BlockingParity.missing(
                BlockingProxyTest.Greeter.class, BlockingProxyTest.BlockingGreeter.class))
        .isEmpty();
  }

  @Test
  void reportsMissingTwinsInBothDirectionsAlsoInNestedInterfaces() {
    List<String> problems = BlockingParity.missing(ReactiveApi.class, BlockingApi.class);
    assertThat(problems)
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).startsWith("blocking lacks BlockingChild.onlyReactive()"))
        .anySatisfy(p -> assertThat(p).startsWith("reactive lacks ReactiveChild.onlyBlocking(int)"))
        .anySatisfy(p -> assertThat(p).startsWith("reactive lacks ReactiveChild.count(String)"));
  }

  @Test
  void reportsTwinsWhoseReturnTypesDoNotMap() {
    List<String> problems = BlockingParity.missing(ReactiveApi.class, WrongTypes.class);
    assertThat(problems)
        .anySatisfy(p -> assertThat(p).startsWith("incompatible").contains("WrongTypes.get"))
        .anySatisfy(p -> assertThat(p).startsWith("reactive lacks ReactiveApi.listStream()"))
        .anySatisfy(p -> assertThat(p).startsWith("blocking lacks WrongTypes.child()"));
  }
}
