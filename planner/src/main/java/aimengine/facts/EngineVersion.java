package aimengine.facts;

/** The version of an engine that will run the plan (--engine-version, or what the installed engine reports). */
public record EngineVersion(String backend, String version) {
}
