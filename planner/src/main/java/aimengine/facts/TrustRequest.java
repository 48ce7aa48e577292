package aimengine.facts;

/**
 * What the operator allowed on this very command, beyond the trust policy.
 *
 * @param trustRemoteCode --trust-remote-code: the model's own code may run
 * @param allowPickle     --allow-pickle: pickle-only weights may load
 */
public record TrustRequest(boolean trustRemoteCode, boolean allowPickle) {
}
