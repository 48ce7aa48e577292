package aimengine.facts;

/** A step of the decision trail: a rule's statement about the plan as a whole (usable GPUs, fallbacks, choice). */
public record Decision(String rule, String message) {
}
