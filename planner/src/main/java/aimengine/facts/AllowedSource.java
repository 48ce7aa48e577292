package aimengine.facts;

/**
 * One allowed model source of the trust policy: a Hugging Face id pattern (org/*, org/name) or a local folder
 * pattern; '*' matches any run of characters, Hub ids compare case-insensitively.
 *
 * @param kind    "hub" or "local"
 * @param pattern the pattern as written
 * @param at      where it is written (file:line), for messages
 */
public record AllowedSource(String kind, String pattern, String at) {

    public boolean allows(ModelSource source) {
        return kind.equals(source.kind()) && Wildcard.matches(pattern, source.location(), source.hub());
    }
}
