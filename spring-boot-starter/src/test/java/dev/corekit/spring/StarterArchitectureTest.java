package dev.corekit.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The starter's own rules, as tests/integration's ArchitectureTest sets them for the SDK. */
class StarterArchitectureTest {
  private final JavaClasses starter =
      // The module's own classes only (scanning the whole test classpath takes long).
      new ClassFileImporter().importPath(java.nio.file.Path.of("target", "classes"));

  @Test
  void usesNoInternalTypeOfTheSdk() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.corekit..internal..")
        .because("the starter is built on the SDK's public API only")
        .check(starter);
  }

  @Test
  void neverBlocks() {
    noClasses()
        .should()
        .callMethodWhere(
            DescribedPredicate.describe(
                "a block call of Reactor",
                call ->
                    call.getTarget().getName().startsWith("block")
                        && call.getTarget()
                            .getOwner()
                            .getPackageName()
                            .equals("reactor.core.publisher")))
        .because("the health check and the beans compose; nothing waits on a Reactor thread")
        .check(starter);
  }
}
