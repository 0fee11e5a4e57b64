package dev.corekit.it.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries: internal packages stay out of public signatures, the reactive client never
 * depends on the blocking one, and only the blocking modules block.
 */
class ArchitectureTest {
  private static JavaClasses sdk;

  @BeforeAll
  static void importTheSdk() {
    sdk =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.corekit.core", "dev.corekit.sync", "dev.corekit.rac");
  }

  @Test
  void internalTypesNeverAppearInPublicSignatures() {
    ArchRule rule =
        ArchRuleDefinition.classes()
            .that(publicApi())
            .should(exposeNoInternalType())
            .because("users must never have to name a type of an internal package");
    rule.check(sdk);
  }

  @Test
  void theReactiveClientNeverDependsOnTheBlockingOne() {
    noClasses()
        .that()
        .resideInAPackage("dev.corekit.core..")
        .and()
        .resideOutsideOfPackage("dev.corekit.core.sync..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.corekit.core.sync..", "dev.corekit.sync..")
        .check(sdk);
  }

  @Test
  void onlyTheBlockingModulesBlock() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.corekit.core.sync..", "dev.corekit.sync..")
        .should()
        .callMethodWhere(blockingCall())
        .because(".block() belongs to the blocking modules and the samples; reactive code composes")
        .check(sdk);
  }

  private static DescribedPredicate<JavaClass> publicApi() {
    return new DescribedPredicate<>("are public types of public packages") {
      @Override
      public boolean test(JavaClass type) {
        return type.getModifiers().contains(JavaModifier.PUBLIC)
            && !type.getPackageName().contains(".internal")
            && !type.getSimpleName().startsWith("Immutable");
      }
    };
  }

  private static ArchCondition<JavaClass> exposeNoInternalType() {
    return new ArchCondition<>(
        "expose no type of an internal package in a public or protected signature") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        for (com.tngtech.archunit.core.domain.JavaCodeUnit unit : type.getCodeUnits()) {
          if (!visible(unit.getModifiers())) {
            continue;
          }
          Set<JavaClass> used = new HashSet<>(unit.getRawParameterTypes());
          used.add(unit.getRawReturnType());
          unit.getThrowsClause().getTypes().forEach(used::add);
          report(unit, used, events);
        }
        for (com.tngtech.archunit.core.domain.JavaField field : type.getFields()) {
          if (visible(field.getModifiers())) {
            report(field, Set.of(field.getRawType()), events);
          }
        }
        if (type.getRawSuperclass().isPresent()) {
          report(type, Set.of(type.getRawSuperclass().get()), events);
        }
      }
    };
  }

  private static boolean visible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static void report(Object where, Set<JavaClass> used, ConditionEvents events) {
    for (JavaClass type : used) {
      JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
      if (base.getPackageName().startsWith("dev.corekit")
          && base.getPackageName().contains(".internal")) {
        events.add(SimpleConditionEvent.violated(where, where + " exposes " + base.getName()));
      }
    }
  }

  private static DescribedPredicate<com.tngtech.archunit.core.domain.JavaMethodCall>
      blockingCall() {
    return new DescribedPredicate<>(
        "is Mono.block*, Flux.blockFirst/blockLast or toIterable/toStream") {
      @Override
      public boolean test(com.tngtech.archunit.core.domain.JavaMethodCall call) {
        String owner = call.getTarget().getOwner().getName();
        String name = call.getTarget().getName();
        boolean reactor =
            owner.equals("reactor.core.publisher.Mono")
                || owner.equals("reactor.core.publisher.Flux");
        return reactor
            && (name.startsWith("block") || name.equals("toIterable") || name.equals("toStream"));
      }
    };
  }
}
