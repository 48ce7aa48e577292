package aimengine.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages form layers a newcomer can read top-down (README, "Architecture"); a dependency cycle or an upward
 * dependency fails the build. Lives in the cli module because only there are planner and cli classes both on the
 * class path.
 */
@AnalyzeClasses(packages = "aimengine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("aimengine.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule plannerLayers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("cli").definedBy("aimengine.cli..")
            .layer("deploy").definedBy("aimengine.deploy..")
            .layer("data").definedBy("aimengine.data..")
            .layer("plan").definedBy("aimengine.plan..")
            .layer("generate").definedBy("aimengine.generate..")
            .layer("rules").definedBy("aimengine.rules..")
            .layer("facts").definedBy("aimengine.facts..")
            .layer("catalogs").definedBy("aimengine.model..", "aimengine.recipe..", "aimengine.probe..",
                    "aimengine.cache..")
            .layer("knowledge").definedBy("aimengine.hardware..", "aimengine.engine..")
            .layer("io").definedBy("aimengine.io..", "aimengine.yaml..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("deploy").mayOnlyBeAccessedByLayers("cli", "data")
            .whereLayer("data").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("plan").mayOnlyBeAccessedByLayers("cli", "deploy", "data")
            .whereLayer("generate").mayOnlyBeAccessedByLayers("cli", "deploy", "data", "plan")
            .whereLayer("rules").mayOnlyBeAccessedByLayers("cli", "data", "plan")
            .whereLayer("facts").mayOnlyBeAccessedByLayers("cli", "deploy", "data", "plan", "generate", "rules")
            .whereLayer("catalogs").mayOnlyBeAccessedByLayers("cli", "deploy", "data", "plan", "generate", "rules",
                    "facts", "catalogs")
            .whereLayer("knowledge").mayOnlyBeAccessedByLayers("cli", "deploy", "data", "plan", "generate", "rules",
                    "facts", "catalogs", "knowledge");

    @ArchTest
    static final ArchRule cliLayers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("main").definedBy("aimengine.cli")
            .layer("command").definedBy("aimengine.cli.command..")
            .layer("render").definedBy("aimengine.cli.render..")
            .layer("metrics").definedBy("aimengine.cli.metrics..")
            .layer("launch").definedBy("aimengine.cli.launch..")
            .layer("base").definedBy("aimengine.cli.base..")
            .whereLayer("main").mayNotBeAccessedByAnyLayer()
            .whereLayer("command").mayOnlyBeAccessedByLayers("main")
            .whereLayer("render").mayOnlyBeAccessedByLayers("main", "command")
            .whereLayer("metrics").mayOnlyBeAccessedByLayers("main", "command", "render")
            .whereLayer("launch").mayOnlyBeAccessedByLayers("main", "command", "render", "metrics")
            .whereLayer("base").mayOnlyBeAccessedByLayers("main", "command", "render", "metrics", "launch");

    @ArchTest
    static final ArchRule plannerNeverUsesTheCli = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
            .that().resideOutsideOfPackage("aimengine.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("aimengine.cli..", "picocli..");
}
