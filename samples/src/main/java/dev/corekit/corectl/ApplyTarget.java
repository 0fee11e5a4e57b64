package dev.corekit.corectl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corekit.core.CoreBadRequestException;
import dev.corekit.core.api.ClusterApi;
import dev.corekit.core.api.ProcessApi;
import dev.corekit.core.model.CoreProcess;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessOrder;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Where {@code apply} reads and changes processes: the process API of the node that answers, or the
 * cluster API ({@code apply --cluster}), which places the processes on the cluster's nodes.
 */
interface ApplyTarget {

  /** The processes there, each with its config and metadata (processes without config left out). */
  List<ApplyPlan.Current> list();

  /** Creates a process (its config may carry metadata). */
  void create(ProcessConfig config);

  /** Replaces the config of a process. */
  void update(String id, ProcessConfig config);

  /** Deletes a process. */
  void delete(String id);

  /** Sets one metadata key of a process. */
  void setMetadataKey(String id, String key, JsonNode value);

  /** The processes of one node, through its process API. */
  static ApplyTarget node(ProcessApi processes) {
    return new ApplyTarget() {
      @Override
      public List<ApplyPlan.Current> list() {
        return current(
            processes.list(ProcessApi.ListQuery.builder().filter("config,metadata").build()));
      }

      @Override
      public void create(ProcessConfig config) {
        processes.create(config).block();
      }

      @Override
      public void update(String id, ProcessConfig config) {
        processes.update(id, config).block();
      }

      @Override
      public void delete(String id) {
        processes.delete(id).block();
      }

      @Override
      public void setMetadataKey(String id, String key, JsonNode value) {
        processes.setMetadataKey(id, key, value).block();
      }
    };
  }

  /** The processes of a Core cluster, through its cluster API. */
  static ApplyTarget cluster(ClusterApi cluster) {
    return new ApplyTarget() {
      @Override
      public List<ApplyPlan.Current> list() {
        // The cluster stores every config with autostart false and keeps the wish as the order
        // (start or stop); the config as it was given has autostart true when the order is start.
        return current(
            cluster
                .listProcesses(
                    ClusterApi.ListProcessesQuery.builder().filter("config,metadata,state").build())
                .map(
                    proc ->
                        proc.config().isEmpty() || proc.state().isEmpty()
                            ? proc
                            : CoreProcess.builder()
                                .from(proc)
                                .config(
                                    ProcessConfig.builder()
                                        .from(proc.config().get())
                                        .autostart(
                                            ProcessOrder.START.equals(proc.state().get().order()))
                                        .build())
                                .build()));
      }

      @Override
      public void create(ProcessConfig config) {
        try {
          cluster.createProcess(config).block();
        } catch (CoreBadRequestException e) {
          throw ClusterCommand.explained(e, config.id().orElse("?"));
        }
      }

      @Override
      public void update(String id, ProcessConfig config) {
        try {
          cluster.updateProcess(id, config).block();
        } catch (CoreBadRequestException e) {
          throw ClusterCommand.explained(e, id);
        }
      }

      @Override
      public void delete(String id) {
        cluster.deleteProcess(id).block();
      }

      @Override
      public void setMetadataKey(String id, String key, JsonNode value) {
        cluster.setProcessMetadataKey(id, key, value).block();
      }
    };
  }

  private static List<ApplyPlan.Current> current(Flux<CoreProcess> processes) {
    List<ApplyPlan.Current> current = new ArrayList<>();
    for (CoreProcess proc : processes.toIterable()) {
      proc.config()
          .ifPresent(c -> current.add(new ApplyPlan.Current(proc.id(), c, proc.metadata())));
    }
    return current;
  }
}
