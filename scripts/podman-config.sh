# Sourced by the scripts that run podman. This sandbox allows at most 20,000 open files, refuses higher process limits
# and has a cgroup layout crun rejects; without systemd, events go to a file. chatbot_podman_config writes that
# /etc/containers/containers.conf (once; an existing file is kept) and checks that podman is installed.
chatbot_podman_config() {
  command -v podman >/dev/null || { echo "error: podman is missing: sudo apt-get install -y podman runc podman-compose debootstrap" >&2; return 1; }
  local conf=/etc/containers/containers.conf
  if [ ! -s "$conf" ]; then
    mkdir -p /etc/containers
    cat > "$conf" <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
  fi
}
