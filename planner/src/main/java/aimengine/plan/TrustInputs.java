package aimengine.plan;

import aimengine.facts.EngineVersion;
import aimengine.facts.NativeArchitectures;
import aimengine.facts.TrustPolicy;
import aimengine.facts.TrustRequest;
import java.util.List;

/**
 * What the trust rules need besides the model: the policy, the engines' native architectures, what the operator
 * allowed on this command, and the engine versions that will run (empty when unknown: advisories then stay silent).
 */
public record TrustInputs(TrustPolicy policy, List<NativeArchitectures> natives, TrustRequest request,
                          List<EngineVersion> engineVersions) {

    public TrustInputs {
        natives = List.copyOf(natives);
        engineVersions = List.copyOf(engineVersions);
    }
}
