package aimengine.cli.command;

import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import aimengine.cli.render.PlanText;
import aimengine.deploy.DeploySettings;
import aimengine.deploy.DeployTarget;
import aimengine.deploy.Manifest;
import aimengine.deploy.ManifestFolder;
import aimengine.deploy.ManifestYaml;
import aimengine.deploy.ServingUnit;
import aimengine.deploy.ServingUnits;
import aimengine.hardware.Hardware;
import aimengine.plan.Plan;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `aim-engine deploy MODEL --target T`: plan, then write the manifests that run the plan on a cluster or host. */
@Command(name = "deploy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Plan, then write Kubernetes, KServe or Compose manifests that run `aim-engine run` pinned to the plan.",
                "Exit codes: 0 written, 1 could not write, 2 bad input, 3 no workable plan (nothing is written; the explanation goes to stderr)."})
public final class DeployCommand extends BaseCommand {
    @Mixin
    PlanMixin plan;

    @Option(names = "--target", required = true, paramLabel = "TARGET", description = "kubernetes, kserve or compose.")
    String target;

    @Option(names = "--image", paramLabel = "IMAGE", description = "Container image (default: aim-engine:latest, :latest-cuda, :sglang or :sglang-cuda by GPU vendor and engine, as deploy/container builds them).")
    String image;

    @Option(names = "--name", paramLabel = "NAME", description = "Name of the objects (default: from the model, e.g. qwen3-32b).")
    String name;

    @Option(names = "--namespace", paramLabel = "NS", description = "Namespace of the objects (default: none, kubectl's).")
    String namespace;

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "1", description = "Copies of the server (default: ${DEFAULT-VALUE}; more than one shares a ReadWriteMany cache).")
    int replicas;

    @Option(names = "--cache-pvc", paramLabel = "NAME", description = "An existing PersistentVolumeClaim (Compose: volume) for the model cache instead of creating one.")
    String cachePvc;

    @Option(names = "--cache-size", paramLabel = "SIZE", description = "Size of the cache claim to create, a quantity like 200Gi (default: the checkpoint x 1.25).")
    String cacheSize;

    @Option(names = "--hf-token-secret", paramLabel = "NAME", defaultValue = "hf-token", description = "Secret whose key hf-token holds the Hugging Face token (default: ${DEFAULT-VALUE}; optional at run time).")
    String hfTokenSecret;

    @Option(names = "--api-key-secret", paramLabel = "NAME", defaultValue = "aim-api-key", description = "Secret whose key api-key holds the API key that protects the engine (AIM_API_KEY; default: ${DEFAULT-VALUE}; optional: without it the API is open).")
    String apiKeySecret;

    @Mixin
    PortMixin port;

    @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "30", description = "run's --grace; the platform's grace period is longer (default: ${DEFAULT-VALUE}).")
    int grace;

    @Option(names = "--gpu-group", paramLabel = "GID", split = ",", description = "Supplemental group that may open the GPU devices (repeatable; default: 44, video, on AMD; add the node's render group id).")
    List<Long> gpuGroups;

    @Option(names = "--output", paramLabel = "DIR|-", defaultValue = "-", description = "- for one multi-document YAML on stdout (default), or a folder for one file per object.")
    String output;

    @Option(names = "--explain", description = "Print the plan's explanation on stderr.")
    boolean explain;

    @Override
    protected int execute() throws Exception {
        PlanSetup setup = new PlanSetup(context(), plan, false);
        int enginePort = port.resolve(setup);
        DeploySettings settings = new DeploySettings(DeployTarget.parse(target), name, namespace, image, replicas,
                cachePvc, cacheSize, hfTokenSecret, apiKeySecret, enginePort, grace, gpuGroups,
                RunSettings.defaultTimeout(context()), DeploySettings.IMAGE_UID, plan.trust.flags());
        Plan result = setup.plan(enginePort, "0.0.0.0");
        if (explain || !result.feasible()) {
            err().print(PlanText.render(result, result.feasible() ? setup.cacheStatus(result) : null, true));
        }
        if (!result.feasible()) {
            throw new ExitException(ExitCodes.NO_PLAN, "no workable plan for " + plan.model + "; nothing written");
        }
        // The usable product, not the recipe's target: a general recipe names an architecture (gfx942).
        Hardware hardware = setup.hardware().byKey(result.usable().product()).orElseThrow();
        ServingUnit unit = new ServingUnits(setup.deploySizing()).build(result, hardware, settings);
        if (!plan.data.rules.isEmpty() || !plan.data.models.isEmpty()) {
            // The pod plans again with what its image holds; folders given here are not in it.
            err().println("warning: the --rules and --models folders given here are not in the image; the pod plans"
                    + " without them unless the image adds them");
        }
        if (plan.trust.policy != null) {
            err().println("warning: the --trust-policy file given here is not in the image; the pod applies the image's"
                    + " trust policy unless the image adds this one");
        }
        List<Manifest> manifests = settings.target().writer().write(unit);
        if (output.equals("-")) {
            out().print(ManifestYaml.render(manifests, unit.notes()));
            out().flush();
        } else {
            List<Path> written = ManifestFolder.write(context().workingDirectory().resolve(output), manifests,
                    unit.notes());
            written.forEach(p -> err().println("wrote " + p));
        }
        return ExitCodes.OK;
    }
}
