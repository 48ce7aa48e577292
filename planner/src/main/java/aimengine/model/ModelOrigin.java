package aimengine.model;

import java.util.Optional;

/**
 * Where a model comes from and what its files say about trust, as far as aimengine can see before loading it.
 *
 * @param model    the model as requested
 * @param local    true for a local model folder, false for a Hugging Face id
 * @param location the Hugging Face id, or the local folder (absolute)
 * @param commit   the cached snapshot's commit the plan is made from; null when not cached (or a local folder)
 * @param code     what config.json says about code (cache, folder or catalog); empty when no config is known
 * @param weights  the weight files of the snapshot or folder; empty when there are no files to look at
 */
public record ModelOrigin(String model, boolean local, String location, String commit, Optional<ConfigCode> code,
                          Optional<WeightFiles> weights) {
}
