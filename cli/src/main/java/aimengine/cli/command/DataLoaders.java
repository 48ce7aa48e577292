package aimengine.cli.command;

import aimengine.cli.base.AimPaths;
import aimengine.cli.base.CliContext;
import aimengine.data.DataLoader;

/**
 * The data loader of a command: the folders of its {@link DataMixin}, with their YAML kept in compact form in the
 * aim-engine cache, so that a folder read once (AMD's 170 AIM profiles, say) costs later runs only its hashing. Apart
 * from DataMixin so that commands which only show their options (--help) never load the data classes.
 */
final class DataLoaders {
    private DataLoaders() {
    }

    static DataLoader of(DataMixin data, CliContext context) {
        return new DataLoader(data.toOptions(context.workingDirectory()), AimPaths.of(context).cache());
    }
}
