package dev.corekit.it.faults;

import dev.corekit.core.CoreClient;
import java.util.List;

/** The fault-injection suite through the reactive client. */
class ReactiveFaultInjectionTest extends FaultInjectionTest {
  @Override
  List<FaultRun.Call> calls(CoreClient client) {
    return reactiveCalls(client);
  }

  @Override
  String style() {
    return "reactive";
  }
}
