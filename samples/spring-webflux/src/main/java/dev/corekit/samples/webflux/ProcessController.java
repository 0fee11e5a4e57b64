package dev.corekit.samples.webflux;

import dev.corekit.core.CoreClient;
import dev.corekit.core.model.CoreProcess;
import dev.corekit.core.model.ProcessState;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * Core's processes over HTTP. The answers are this service's own small records, written by the
 * application's JSON mapper (Jackson 3 on Spring Boot 4); the SDK's models stay with the SDK, which
 * reads Core's JSON with its own Jackson 2 mapper.
 */
@RestController
public class ProcessController {
  private final CoreClient core;

  /**
   * Creates the controller.
   *
   * @param core the client the starter configured
   */
  public ProcessController(CoreClient core) {
    this.core = core;
  }

  /**
   * Lists Core's processes, streamed from Core element by element.
   *
   * @return the processes as a JSON array
   */
  @GetMapping(path = "/processes", produces = MediaType.APPLICATION_JSON_VALUE)
  public Flux<ProcessView> processes() {
    return core.processes().list().map(ProcessView::of);
  }

  /**
   * Streams the state of one process: now, and again each time it changes, until the client goes
   * away (or {@code limit} states were sent).
   *
   * @param id the process id
   * @param limit how many states to send at most; 0 for no limit
   * @return the states as server-sent events named {@code state}
   */
  @GetMapping(path = "/processes/{id}/state", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public Flux<ServerSentEvent<StateView>> state(
      @PathVariable String id, @RequestParam(defaultValue = "0") long limit) {
    Flux<ServerSentEvent<StateView>> states =
        core.processes()
            .watch(id)
            .map(
                state ->
                    ServerSentEvent.builder(StateView.of(state)).event("state").id(id).build());
    return limit > 0 ? states.take(limit) : states;
  }

  /**
   * One process as this service shows it.
   *
   * @param id the process id
   * @param reference the reference the process was created with
   * @param order what it was told to do ({@code start}, {@code stop}), if Core sent its state
   * @param exec what it does ({@code running}, {@code finished} ...), if Core sent its state
   */
  public record ProcessView(
      String id, String reference, @Nullable String order, @Nullable String exec) {
    static ProcessView of(CoreProcess process) {
      Optional<ProcessState> state = process.state();
      return new ProcessView(
          process.id(),
          process.reference(),
          state.map(s -> s.order().value()).orElse(null),
          state.map(s -> s.exec().value()).orElse(null));
    }
  }

  /**
   * The state of a process.
   *
   * @param order what it was told to do
   * @param exec what it does
   * @param runtimeSeconds how long it has run
   * @param lastLogline ffmpeg's last log line
   */
  public record StateView(String order, String exec, long runtimeSeconds, String lastLogline) {
    static StateView of(ProcessState state) {
      return new StateView(
          state.order().value(), state.exec().value(), state.runtimeSeconds(), state.lastLogline());
    }
  }
}
