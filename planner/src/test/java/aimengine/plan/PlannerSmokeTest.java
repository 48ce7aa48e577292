package aimengine.plan;

import aimengine.data.DataLoader;
import aimengine.data.DataOptions;
import aimengine.engine.EngineCommandBuilder;
import aimengine.engine.FlagCatalogs;
import aimengine.hardware.HardwareCatalog;
import aimengine.model.ModelCatalog;
import aimengine.model.ModelResolver;
import aimengine.probe.GpuGroup;
import aimengine.probe.HostView;
import aimengine.recipe.RecipeCatalog;
import aimengine.rules.RuleBase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerSmokeTest {
    @Test
    void smoke() throws Exception {
        DataLoader data = new DataLoader(DataOptions.builtins());
        HardwareCatalog hw = data.hardware();
        Path base = Path.of(getClass().getResource("/plan").toURI());
        RecipeCatalog recipes = RecipeCatalog.load(List.of(base.resolve("recipes")), hw);
        ModelResolver models = new ModelResolver(null, ModelCatalog.load(List.of(base.resolve("models"))));
        FlagCatalogs flags = FlagCatalogs.builtin();
        Planner planner = new Planner(RuleBase.compile(data.drl()), hw, recipes, models, new EngineCommandBuilder(flags::newest));
        HostView host = new HostView("test", List.of(new GpuGroup("mi300x", "amd", "gfx942", 196592, 8, 8, 8)), List.of(), List.of(), false);
        for (PlanRequest q : List.of(new PlanRequest("Qwen/Qwen3-32B", 0, null, "vllm", "latency", null, false),
                new PlanRequest("meta-llama/Llama-3.1-405B-Instruct", 2, null, "vllm", "latency", null, false))) {
            Plan p = planner.plan(q, host, 8000, "0.0.0.0");
            System.out.println(p.status() + " " + (p.selected() == null ? "" : p.selected().command()));
            p.decisions().forEach(d -> System.out.println("  D " + d));
            p.candidates().forEach(c -> System.out.println("  C " + c.candidate().key() + " " + c.status() + " " + c.rule() + " " + c.reason()));
        }
    }
}
