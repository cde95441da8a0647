package dev.fila.engine.domain.queue;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The waiting line is deterministic domain code: JDK only, no clock, no random numbers. */
class QueueDomainPurityTest {

    private static final JavaClasses QUEUE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.fila.engine.domain.queue");

    @Test
    void dependsOnTheJdkOnly() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.fila.engine.domain..")
                .check(QUEUE);
    }

    @Test
    void drawsNoRandomNumbersAndReadsNoClock() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(
                        Random.class,
                        SplittableRandom.class,
                        ThreadLocalRandom.class,
                        SecureRandom.class,
                        Clock.class,
                        Instant.class)
                .orShould()
                .callMethod(Math.class, "random")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(System.class, "nanoTime")
                .check(QUEUE);
    }
}
