package aimengine.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * The trust policy (rules/trust.yaml, or the file --trust-policy names): which models may load, what they may run.
 * The rules read it as facts: this record with its settings, and one fact per source, remote-code entry and advisory.
 *
 * @param file            the policy file, for messages
 * @param sources         allowed model sources
 * @param sourcesAt       where the sources are written (file:line)
 * @param remoteCode      models allowed to run their own code
 * @param remoteCodeAt    where that list is written
 * @param pickleAllowed   pickle-only checkpoints may load
 * @param pickleAt        where that is written
 * @param requireRevision a Hub model must be planned from a known snapshot commit
 * @param requireRevisionAt where that is written
 * @param advisories      known engine vulnerabilities
 */
public record TrustPolicy(String file, List<AllowedSource> sources, String sourcesAt,
                          List<RemoteCodeAllowed> remoteCode, String remoteCodeAt, boolean pickleAllowed,
                          String pickleAt, boolean requireRevision,
                          String requireRevisionAt, List<Advisory> advisories) {

    public TrustPolicy {
        sources = List.copyOf(sources);
        remoteCode = List.copyOf(remoteCode);
        advisories = List.copyOf(advisories);
    }

    /** The allowed sources of one kind as written, for messages: "meta-llama/*, Qwen/*" or "none". */
    public String sourcesText(String kind) {
        List<String> p = sources.stream().filter(s -> s.kind().equals(kind)).map(AllowedSource::pattern).toList();
        return p.isEmpty() ? "none" : String.join(", ", p);
    }

    /** Where the sources of one kind are written ("trust.yaml:3 (sources.hub)"), else where the sources are. */
    public String sourcesAt(String kind) {
        return sources.stream().filter(s -> s.kind().equals(kind)).map(AllowedSource::at).findFirst().orElse(sourcesAt);
    }

    /** Everything to insert into the rules session. */
    public List<Object> facts() {
        List<Object> all = new ArrayList<>();
        all.add(this);
        all.addAll(sources);
        all.addAll(remoteCode);
        all.addAll(advisories);
        return all;
    }
}
