package aimengine.facts;

/** A model the trust policy allows to run its own code (a Hugging Face id pattern, '*' a wildcard). */
public record RemoteCodeAllowed(String pattern, String at) {

    public boolean allows(String model) {
        return Wildcard.matches(pattern, model, true);
    }
}
