package aimengine.rules;

import static aimengine.rules.RuleHarness.candidate;
import static aimengine.rules.RuleHarness.decisionRules;
import static aimengine.rules.RuleHarness.reason;
import static aimengine.rules.RuleHarness.rejectedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.facts.Advisory;
import aimengine.facts.AllowedSource;
import aimengine.facts.Candidate;
import aimengine.facts.CodeRequest;
import aimengine.facts.EngineVersion;
import aimengine.facts.ModelCode;
import aimengine.facts.ModelSource;
import aimengine.facts.NativeArchitectures;
import aimengine.facts.RecipeGroup;
import aimengine.facts.RemoteCodeAllowed;
import aimengine.facts.TrustPolicy;
import aimengine.facts.TrustRequest;
import aimengine.facts.WeightFormats;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each trust rule, where it fires and where it must not. */
class TrustRulesTest {
    private static final String MODEL = RuleHarness.LLAMA_70B.id();
    private static final NativeArchitectures VLLM_NATIVE = new NativeArchitectures("vllm", Set.of("LlamaForCausalLM"),
            "architectures.yaml:1");
    private static final ModelSource CACHED = new ModelSource(MODEL, "hub", MODEL, "abc123");
    private static final ModelSource NOT_CACHED = new ModelSource(MODEL, "hub", MODEL, null);
    private static final ModelCode CUSTOM = new ModelCode(MODEL, List.of("CustomForCausalLM"),
            List.of("modeling_custom.CustomForCausalLM"));
    private static final ModelCode NATIVE_WITH_AUTO_MAP = new ModelCode(MODEL, List.of("LlamaForCausalLM"),
            List.of("modeling_llama.LlamaForCausalLM"));
    private static final TrustRequest NOTHING_ALLOWED = new TrustRequest(false, false);
    private final Candidate c = candidate("llama", "mi300x", "bf16", 8);

    private static TrustPolicy policy(List<String> hub, List<String> remoteCode, boolean pickle, boolean revision,
                                      List<Advisory> advisories) {
        return new TrustPolicy("trust.yaml", hub.stream().map(p -> new AllowedSource("hub", p, "trust.yaml:2")).toList(),
                "trust.yaml:1 (sources)", remoteCode.stream().map(p -> new RemoteCodeAllowed(p, "trust.yaml:4")).toList(),
                "trust.yaml:4 (remote_code)", pickle, "trust.yaml:5 (pickle)", revision,
                "trust.yaml:6 (require_revision)", advisories);
    }

    private static TrustPolicy open() {
        return policy(List.of("*"), List.of(), false, false, List.of());
    }

    private RuleHarness harness(TrustPolicy p, Object... more) {
        RuleHarness h = new RuleHarness().host("mi300x", 8, 8, 8).model(RuleHarness.LLAMA_70B).add(c);
        h.facts(p.facts().toArray());
        return h.facts(VLLM_NATIVE).facts(more);
    }

    private static List<String> launchArgs(PlanningSession.Outcome o, Candidate c) {
        return o.launchArgs().getOrDefault(c.key(), List.of()).stream()
                .map(a -> a.flag() + (a.value() == null ? "" : " " + a.value())).toList();
    }

    @Test
    void aSourceThePolicyDoesNotListIsRefusedNamingTheEntry() {
        var o = harness(policy(List.of("Qwen/*"), List.of(), false, false, List.of()), CACHED, NOTHING_ALLOWED).run();
        assertEquals("trust/source-refused", rejectedBy(o, c));
        assertTrue(reason(o, c).contains("trust.yaml:2 allows hub sources Qwen/*"), reason(o, c));
        assertTrue(decisionRules(o).contains("trust/source-not-allowed"));
        assertNull(o.selection());
    }

    @Test
    void aSourceMatchingAWildcardLoads() {
        var o = harness(policy(List.of("meta-llama/*"), List.of(), false, false, List.of()), CACHED, NOTHING_ALLOWED).run();
        assertNull(rejectedBy(o, c));
        assertNotNull(o.selection());
    }

    @Test
    void autoMapWithAnArchitectureTheEngineLacksIsNotTrusted() {
        var o = harness(open(), CACHED, CUSTOM, NOTHING_ALLOWED).run();
        assertEquals("trust/remote-code-not-trusted", rejectedBy(o, c));
        assertTrue(reason(o, c).startsWith("model code from the Hub is not trusted: config.json has auto_map"),
                reason(o, c));
        assertFalse(launchArgs(o, c).contains("--trust-remote-code"));
    }

    @Test
    void trustRemoteCodeOnTheCommandAllowsItAndPutsTheFlagOnTheCommand() {
        var o = harness(open(), CACHED, CUSTOM, new TrustRequest(true, false)).run();
        assertNull(rejectedBy(o, c));
        assertTrue(launchArgs(o, c).contains("--trust-remote-code"));
        assertTrue(decisionRules(o).contains("trust/runs-remote-code"));
    }

    @Test
    void thePolicysRemoteCodeListAllowsIt() {
        var o = harness(policy(List.of("*"), List.of("meta-llama/*"), false, false, List.of()), CACHED, CUSTOM,
                NOTHING_ALLOWED).run();
        assertNull(rejectedBy(o, c));
        assertTrue(launchArgs(o, c).contains("--trust-remote-code"));
    }

    @Test
    void autoMapWithANativeArchitectureRunsWithoutRemoteCode() {
        var o = harness(open(), CACHED, NATIVE_WITH_AUTO_MAP, NOTHING_ALLOWED).run();
        assertNull(rejectedBy(o, c));
        assertFalse(launchArgs(o, c).contains("--trust-remote-code"));
        assertTrue(decisionRules(o).contains("trust/native-architecture"));
    }

    @Test
    void aRecipeAskingForRemoteCodeOfAnUnknownArchitectureIsNotTrusted() {
        var o = harness(open(), CACHED, NOTHING_ALLOWED, new CodeRequest(c.key(), "recipe llama")).run();
        assertEquals("trust/remote-code-not-trusted", rejectedBy(o, c));
        assertTrue(reason(o, c).contains("recipe llama asks for --trust-remote-code"), reason(o, c));
    }

    @Test
    void aRecipeGroupBringsItsRequestsForRemoteCodeIn() {
        var group = new RecipeGroup(c.modelId(), c.checkpoint(), List.of(c), List.of(),
                List.of(new CodeRequest(c.key(), "recipe llama")));
        var h = new RuleHarness().host("mi300x", 8, 8, 8).model(RuleHarness.LLAMA_70B).facts(group)
                .facts(open().facts().toArray()).facts(VLLM_NATIVE, CACHED, NOTHING_ALLOWED);
        var o = h.run();
        assertEquals("trust/remote-code-not-trusted", rejectedBy(o, c));
        assertTrue(reason(o, c).contains("recipe llama asks for --trust-remote-code"), reason(o, c));
    }

    @Test
    void aRecipeAskingForRemoteCodeOfANativeArchitectureRunsWithoutIt() {
        var o = harness(open(), CACHED, NOTHING_ALLOWED, new CodeRequest(c.key(), "recipe llama"),
                new ModelCode(MODEL, List.of("LlamaForCausalLM"), List.of())).run();
        assertNull(rejectedBy(o, c));
        assertFalse(launchArgs(o, c).contains("--trust-remote-code"));
        assertTrue(decisionRules(o).contains("trust/recipe-flag-left-out"));
    }

    @Test
    void pickleOnlyWeightsAreRefused() {
        var o = harness(open(), CACHED, NOTHING_ALLOWED, new WeightFormats(MODEL, 0, 2, "pytorch_model.bin")).run();
        assertEquals("trust/pickle-only", rejectedBy(o, c));
        assertTrue(reason(o, c).contains("pytorch_model.bin"));
    }

    @Test
    void pickleOnlyWeightsLoadWithAllowPickleOrThePolicy() {
        var weights = new WeightFormats(MODEL, 0, 2, "pytorch_model.bin");
        var byFlag = harness(open(), CACHED, new TrustRequest(false, true), weights).run();
        assertNull(rejectedBy(byFlag, c));
        assertTrue(decisionRules(byFlag).contains("trust/pickle-allowed"));
        var byPolicy = harness(policy(List.of("*"), List.of(), true, false, List.of()), CACHED, NOTHING_ALLOWED, weights).run();
        assertNull(rejectedBy(byPolicy, c));
    }

    @Test
    void safetensorsPinTheLoadFormatAndPickleNextToThemIsNoReason() {
        var o = harness(open(), CACHED, NOTHING_ALLOWED, new WeightFormats(MODEL, 30, 1, "original/consolidated.pth")).run();
        assertNull(rejectedBy(o, c));
        assertTrue(launchArgs(o, c).contains("--load-format safetensors"));
    }

    @Test
    void noWeightFilesSeenPinsNothing() {
        var o = harness(open(), NOT_CACHED, NOTHING_ALLOWED).run();
        assertEquals(List.of(), launchArgs(o, c));
    }

    @Test
    void aCachedModelIsPinnedToItsSnapshotCommit() {
        var o = harness(open(), CACHED, NOTHING_ALLOWED).run();
        assertTrue(launchArgs(o, c).contains("--revision abc123"));
    }

    @Test
    void thePolicyCanRequireAPinnedRevision() {
        var required = policy(List.of("*"), List.of(), false, true, List.of());
        var o = harness(required, NOT_CACHED, NOTHING_ALLOWED).run();
        assertEquals("trust/revision-required", rejectedBy(o, c));
        assertTrue(reason(o, c).contains("trust.yaml:6 (require_revision)"));
        assertNull(rejectedBy(harness(required, CACHED, NOTHING_ALLOWED).run(), c));
    }

    @Test
    void anAdvisoryThatRejectsRefusesAnAffectedVersionUnderItsCondition() {
        var advisory = new Advisory("CVE-2026-22807", "vllm", "0.10.1", "0.14.0", Advisory.AUTO_MAP, true,
                "auto_map runs code", "trust.yaml:9");
        var p = policy(List.of("*"), List.of(), false, false, List.of(advisory));
        var affected = harness(p, CACHED, NATIVE_WITH_AUTO_MAP, NOTHING_ALLOWED, new EngineVersion("vllm", "0.13.2")).run();
        assertEquals("trust/advisory-rejects", rejectedBy(affected, c));
        assertTrue(reason(affected, c).startsWith("CVE-2026-22807: auto_map runs code; vllm 0.13.2 is affected"));
        var fixed = harness(p, CACHED, NATIVE_WITH_AUTO_MAP, NOTHING_ALLOWED, new EngineVersion("vllm", "0.14.0")).run();
        assertNull(rejectedBy(fixed, c));
        var noAutoMap = harness(p, CACHED, NOTHING_ALLOWED, new EngineVersion("vllm", "0.13.2")).run();
        assertNull(rejectedBy(noAutoMap, c));
    }

    @Test
    void anAdvisoryThatWarnsIsStatedForTheSelectedCandidate() {
        var advisory = new Advisory("CVE-2025-30202", "vllm", "0.5.2", "0.8.5", Advisory.MULTI_GPU, false,
                "socket on all interfaces", "trust.yaml:20");
        var p = policy(List.of("*"), List.of(), false, false, List.of(advisory));
        var o = harness(p, CACHED, NOTHING_ALLOWED, new EngineVersion("vllm", "0.8.4")).run();
        assertNull(rejectedBy(o, c));
        assertTrue(decisionRules(o).contains("trust/advisory-warning"));
        var single = candidate("llama1", "mi300x", "bf16", 1);
        var one = new RuleHarness().host("mi300x", 1, 1, 1).model(RuleHarness.LLAMA_70B).add(single)
                .facts(p.facts().toArray()).facts(CACHED, NOTHING_ALLOWED, new EngineVersion("vllm", "0.8.4")).run();
        assertFalse(decisionRules(one).contains("trust/advisory-warning"));
        var unknownVersion = harness(p, CACHED, NOTHING_ALLOWED).run();
        assertFalse(decisionRules(unknownVersion).contains("trust/advisory-warning"));
    }

    @Test
    void anAdvisoryForRemoteCodeOnlyHitsCandidatesThatRunIt() {
        var advisory = new Advisory("X-1", "vllm", "0.1", "9.0", Advisory.REMOTE_CODE, true, "bad", "trust.yaml:30");
        var p = policy(List.of("*"), List.of(), false, false, List.of(advisory));
        var runs = harness(p, CACHED, CUSTOM, new TrustRequest(true, false), new EngineVersion("vllm", "0.19.0")).run();
        assertEquals("trust/advisory-rejects", rejectedBy(runs, c));
        var doesNot = harness(p, CACHED, NATIVE_WITH_AUTO_MAP, new TrustRequest(true, false),
                new EngineVersion("vllm", "0.19.0")).run();
        assertNull(rejectedBy(doesNot, c));
    }

    @Test
    void anAdvisoryThatAlwaysAppliesHitsEveryCandidateOfItsEngine() {
        var advisory = new Advisory("X-2", "vllm", "0.1", "9.0", Advisory.ALWAYS, true, "bad", "trust.yaml:30");
        var p = policy(List.of("*"), List.of(), false, false, List.of(advisory));
        assertEquals("trust/advisory-rejects",
                rejectedBy(harness(p, CACHED, NOTHING_ALLOWED, new EngineVersion("vllm", "0.19.0")).run(), c));
        assertNull(rejectedBy(harness(p, CACHED, NOTHING_ALLOWED, new EngineVersion("sglang", "0.19.0")).run(), c));
    }
}
