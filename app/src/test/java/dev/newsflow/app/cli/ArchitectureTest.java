package dev.newsflow.app.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Pure logic knows nothing of Kafka: the Kafka code is a thin shell around it. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.newsflow");

  @Test
  void pureLogicPackagesDoNotDependOnKafka() {
    noClasses()
        .that().resideInAnyPackage(
            "dev.newsflow.ingest.fetch..", "dev.newsflow.ingest.feed..", "dev.newsflow.ingest.extract..",
            "dev.newsflow.schemas.url..", "dev.newsflow.ingest.schedule..", "dev.newsflow.ingest.poll..", "dev.newsflow.enrich.tag..",
            "dev.newsflow.enrich.dedup..", "dev.newsflow.sink.jsonl..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "kafka..")
        .check(CLASSES);
  }

  @Test
  void stagesDoNotReachIntoEachOther() {
    noClasses().that().resideInAPackage("dev.newsflow.ingest..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.newsflow.enrich..", "dev.newsflow.sink..", "dev.newsflow.app..")
        .check(CLASSES);
    noClasses().that().resideInAPackage("dev.newsflow.sink..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.newsflow.ingest..", "dev.newsflow.enrich..", "dev.newsflow.app..")
        .check(CLASSES);
  }
}
