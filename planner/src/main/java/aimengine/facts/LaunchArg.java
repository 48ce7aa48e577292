package aimengine.facts;

/**
 * An engine flag a rule puts on a candidate's command (it replaces the recipe's flag of the same name).
 *
 * @param candidate candidate key
 * @param flag      with its leading dashes, e.g. "--load-format"
 * @param value     null for a bare switch
 * @param rule      the rule that asked for it
 */
public record LaunchArg(String candidate, String flag, String value, String rule) {
}
