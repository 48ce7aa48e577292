#!/bin/sh
# The image's entry point, after tini: runs the command as the image's non-root user (AIM_USER, default aim).
#
# Started as root (the seed's `docker run --device=/dev/kfd --device=/dev/dri --group-add=video ...` names no user), it
# switches to that user in its own groups plus the groups that own the GPU device nodes Docker passed in. Those are
# the host's group ids: /dev/kfd and /dev/dri/renderD* usually belong to the host's `render` group, whose id differs
# from host to host and which --group-add=video does not cover, so a fixed USER in the image could not open them.
# Started as another user (docker run --user, Kubernetes runAsUser with supplementalGroups), it runs the command as is.
# AIM_DEVICES lists the device nodes to look at (default: the AMD and NVIDIA ones).
set -eu
user="${AIM_USER:-aim}"
if [ "$(id -u)" != 0 ]; then
  exec "$@"
fi
groups="$(id -G "$user" | tr ' ' ',')"
for dev in ${AIM_DEVICES:-/dev/kfd /dev/dri/card* /dev/dri/renderD* /dev/nvidia*}; do
  if [ -e "$dev" ]; then groups="$groups,$(stat -c %g "$dev")"; fi
done
exec setpriv --reuid="$(id -u "$user")" --regid="$(id -g "$user")" --groups="$groups" --inh-caps=-all -- "$@"
