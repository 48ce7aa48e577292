package aimengine.probe;

import java.util.Optional;
import java.util.stream.Collectors;

/** The one check every command that plans on the probed host makes: is there any GPU the catalog knows? */
public final class MissingGpus {
    private MissingGpus() {
    }

    /** Why the host offers no GPU to plan for (one line for the user), or empty when it has at least one. */
    public static Optional<String> problem(HostView view) {
        if (!view.groups().isEmpty()) {
            return Optional.empty();
        }
        if (view.devices().isEmpty()) {
            String why = view.views().stream().filter(v -> v.layer().equals("host") && v.error() != null)
                    .map(GpuView::error).findFirst().map(e -> " (" + e + ")").orElse("");
            return Optional.of("no GPU found on this machine" + why
                    + "; use --host FILE to plan for a machine described in a host profile");
        }
        String unknown = view.devices().stream()
                .map(GpuDevice::label)
                .distinct().limit(4).collect(Collectors.joining(", "));
        return Optional.of("found " + view.devices().size() + " GPU" + (view.devices().size() == 1 ? "" : "s")
                + " but none is in the hardware catalog (" + unknown + "); add the product to rules/hardware/*.yaml "
                + "or use --host FILE");
    }
}
