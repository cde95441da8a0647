package dev.fila.engine.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The domain core is pure: it depends on the JDK alone (no Pekko, no Jackson, no I/O), takes time from
 * its caller and draws no random numbers. Both runtimes rely on this for determinism.
 */
class DomainPurityTest {

    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.fila.engine.domain");

    @Test
    void dependsOnTheJdkAlone() {
        classes()
                .that()
                .resideInAPackage("dev.fila.engine.domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java.lang..", "java.util..", "java.time..", "dev.fila.engine.domain..")
                .check(DOMAIN);
    }

    @Test
    void doesNoInputOrOutput() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..", "org.apache.pekko..")
                .orShould()
                .dependOnClassesThat()
                .belongToAnyOf(Thread.class)
                .check(DOMAIN);
    }

    @Test
    void neverReadsTheClock() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(Clock.class)
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(System.class, "nanoTime")
                .orShould()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalTime.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .check(DOMAIN);
    }

    @Test
    void drawsNoRandomNumbers() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(Random.class, SplittableRandom.class, ThreadLocalRandom.class, SecureRandom.class)
                .orShould()
                .callMethod(Math.class, "random")
                .orShould()
                .callMethod(UUID.class, "randomUUID")
                .check(DOMAIN);
    }
}
