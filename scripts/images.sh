#!/usr/bin/env bash
# Builds every image of the system with podman, from nothing but Debian, NuGet and this repository (no image registry):
#   base      debootstrap --variant=minbase bookworm (+ ICU, OpenSSL, tzdata, CA certificates), trimmed, podman import
#   runtime   FROM scratch: only the files of libc6 (without gconv), libgcc-s1, libstdc++6, libssl3, zlib1g, ca-certificates
#             and tzdata from that tree (no shell, apt, dpkg, perl or ICU: the services run with InvariantGlobalization)
#             + the .NET and ASP.NET Core runtimes of this machine's SDK (without the debugger and dump libraries and the
#             standalone GCs) + user app (1654); one layer, shared by the services
#   services  runtime + `dotnet publish -r linux-x64` of each service without .pdb, .dbg and XML docs (non-root, OCI labels)
#   infra     postgres, redis, rabbitmq, an SMTP sink and haproxy (the rolling-update check's load balancer) from Debian
#             packages (base + apt-get)
# Every image is tagged <version>-<commit> (VERSION file; commit = git HEAD, "-dirty" when the tree has changes).
# Prints the tag on its last line. Usage: scripts/images.sh [--services-only]
# State (the debootstrap tree, publish output): $CHATBOT_IMAGE_CACHE, default /var/tmp/chatbot-images.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
cache="${CHATBOT_IMAGE_CACHE:-/var/tmp/chatbot-images}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
services_only=0
[ "${1:-}" = "--services-only" ] && services_only=1

source scripts/podman-config.sh
chatbot_podman_config

version="$(tr -d ' \n' < VERSION)"
commit="$(git rev-parse --short=12 HEAD)"
git diff --quiet HEAD -- . ':!deploy/.env' 2>/dev/null || commit="$commit-dirty"
tag="$version-$commit"
created="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
mkdir -p "$cache"

build() { # title description podman-build-arguments... (OCI labels: version, revision, created, title, description)
  local title="$1" description="$2"; shift 2
  podman build -q --label "org.opencontainers.image.title=$title" --label "org.opencontainers.image.description=$description" \
    --label "org.opencontainers.image.version=$version" --label "org.opencontainers.image.revision=$(git rev-parse HEAD)" \
    --label "org.opencontainers.image.created=$created" --label "org.opencontainers.image.vendor=Chatbot.Aspire" "$@" >/dev/null
}

# 1. Base: a Debian minbase tree without apt caches, documentation and locales (the infrastructure images build on it).
rootfs() { # the debootstrap tree, made once
  if [ ! -e "$cache/rootfs/.chatbot-complete" ]; then
    rm -rf "$cache/rootfs"
    debootstrap --variant=minbase --include=libicu72,libssl3,tzdata,ca-certificates bookworm "$cache/rootfs" "$mirror" >"$cache/debootstrap.log"
    touch "$cache/rootfs/.chatbot-complete"
  fi
}
if ! podman image exists localhost/chatbot/base:bookworm; then
  echo "== base (debootstrap bookworm minbase)"
  rootfs
  rm -rf "$cache"/rootfs/var/cache/apt/* "$cache"/rootfs/var/lib/apt/lists/* "$cache"/rootfs/usr/share/{doc,man,info,locale,lintian}/* \
    "$cache"/rootfs/var/log/*.log "$cache"/rootfs/var/cache/debconf/*-old
  echo "deb $mirror bookworm main" > "$cache/rootfs/etc/apt/sources.list"
  tar -C "$cache/rootfs" --exclude=./.chatbot-complete -c . | podman import --change 'CMD ["/bin/bash"]' - localhost/chatbot/base:bookworm >/dev/null
fi

# 2. Runtime: FROM scratch, the few Debian files .NET loads (libc, libstdc++, libgcc_s, OpenSSL, zlib, CA certificates,
# time zones) plus the machine SDK's shared runtimes (the same ones the tests ran on). No shell: nothing runs in it at
# build time, and the compose and Kubernetes probes are HTTP.
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
runtime_version="$(ls "$dotnet_root/shared/Microsoft.AspNetCore.App" | sort -V | tail -1)"
runtime_image="localhost/chatbot/runtime:$runtime_version-slim"
if ! podman image exists "$runtime_image"; then
  echo "== runtime $runtime_version (slim)"
  rootfs
  context="$cache/runtime-slim"
  tree="$context/rootfs"
  rm -rf "$context" && mkdir -p "$tree/usr/lib" "$tree/usr/lib64" "$tree/usr/bin" "$tree/etc" "$tree/tmp" "$tree/app"
  chmod 1777 "$tree/tmp"
  for link in bin sbin lib lib64; do if [ -L "$cache/rootfs/$link" ]; then cp -a "$cache/rootfs/$link" "$tree/"; fi; done
  for package in libc6:amd64 libgcc-s1:amd64 libstdc++6:amd64 libssl3:amd64 zlib1g:amd64 ca-certificates tzdata; do
    grep -vE '^/(usr/)?s?bin/|/gconv/|^/usr/share/(doc|man|info|locale|lintian|bug|debconf)/|^/usr/libexec/|^/etc/(ld.so|default|init.d)' \
      "$cache/rootfs/var/lib/dpkg/info/$package.list" | while read -r file; do
      if [ -d "$cache/rootfs$file" ] && [ ! -L "$cache/rootfs$file" ]; then continue; fi
      if [ -e "$tree$file" ] || [ -L "$tree$file" ]; then continue; fi # e.g. /lib64, already the merged-/usr link
      if [ -e "$cache/rootfs$file" ] || [ -L "$cache/rootfs$file" ]; then (cd "$cache/rootfs" && cp -a --parents ".$file" "$tree/"); fi
    done
  done
  # The CA bundle and OpenSSL's configuration are made by update-ca-certificates and the openssl package, not listed.
  cp -a "$cache/rootfs/etc/ssl" "$cache/rootfs/etc/nsswitch.conf" "$tree/etc/"
  cp -a "$cache/rootfs/usr/lib/ssl" "$tree/usr/lib/"
  printf 'root:x:0:0:root:/root:/usr/sbin/nologin\napp:x:1654:1654:app:/app:/usr/sbin/nologin\n' > "$tree/etc/passwd"
  printf 'root:x:0:\napp:x:1654:\n' > "$tree/etc/group"
  mkdir -p "$tree/usr/share/dotnet/shared"
  cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$tree/usr/share/dotnet/"
  cp -a "$dotnet_root/shared/Microsoft.NETCore.App" "$dotnet_root/shared/Microsoft.AspNetCore.App" "$tree/usr/share/dotnet/shared/"
  find "$tree/usr/share/dotnet/shared" -mindepth 2 -maxdepth 2 -type d ! -name "$runtime_version" -exec rm -rf {} +
  # Not loaded by a service: the debugger and dump-writer libraries (dotnet-dump, createdump) and the standalone GCs
  # (only with DOTNET_GCName); LTTng tracing needs liblttng-ust, which the image does not have.
  rm -f "$tree"/usr/share/dotnet/shared/Microsoft.NETCore.App/*/{libmscordaccore.so,libmscordbi.so,createdump,libclrgc.so,libclrgcexp.so,libcoreclrtraceptprovider.so}
  ln -s /usr/share/dotnet/dotnet "$tree/usr/bin/dotnet"
  cat > "$context/Containerfile" <<'EOF'
FROM scratch
COPY rootfs /
ENV DOTNET_RUNNING_IN_CONTAINER=true DOTNET_gcServer=0 DOTNET_NOLOGO=1 ASPNETCORE_URLS=http://+:8080 TZ=UTC HOME=/tmp \
    PATH=/usr/bin:/bin
EOF
  build chatbot-runtime ".NET $runtime_version runtime on the Debian bookworm libraries it loads" --network=none -t "$runtime_image" "$context"
fi

# 3. Services: one publish each, on top of the shared runtime layer.
declare -A projects=(
  [identity]=services/Identity/Chatbot.Identity.csproj
  [chat]=services/Chat/Chatbot.Chat.csproj
  [inference-worker]=services/InferenceWorker/Chatbot.InferenceWorker.csproj
  [moderation]=services/Moderation/Chatbot.Moderation.csproj
  [billing]=services/Billing/Chatbot.Billing.csproj
)
for service in identity chat inference-worker moderation billing; do
  project="${projects[$service]}"
  assembly="$(basename "$project" .csproj).dll"
  context="$cache/publish/$service"
  echo "== $service:$tag"
  rm -rf "$context" && mkdir -p "$context"
  # linux-x64: no native libraries of other platforms; no symbols or XML documentation in the image.
  dotnet publish "$root/$project" -c Release -r linux-x64 --self-contained false -o "$context/app" -p:UseAppHost=false -nologo -v q >/dev/null
  find "$context/app" \( -name '*.pdb' -o -name '*.dbg' \) -delete
  for doc in "$context"/app/*.xml; do [ -e "${doc%.xml}.dll" ] && rm -f "$doc"; done
  cat > "$context/Containerfile" <<EOF
FROM $runtime_image
WORKDIR /app
COPY app /app
USER 1654:1654
EXPOSE 8080
ENTRYPOINT ["dotnet", "/app/$assembly"]
EOF
  build "chatbot-$service" "Chatbot.Aspire $service" --network=none -t "localhost/chatbot/$service:$tag" "$context"
done
[ "$services_only" = 1 ] && { echo "$tag"; exit 0; }

# 4. Infrastructure and test doubles from Debian packages (apt-get inside the base; the mirror must answer).
build_debian_image() { # name tag packages... (reads the rest of the Containerfile from stdin)
  local name="$1" image_tag="$2"; shift 2
  local context="$cache/infra/$name"
  rm -rf "$context" && mkdir -p "$context"
  { echo "FROM localhost/chatbot/base:bookworm"
    echo "RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $* >/dev/null \\"
    echo " && rm -rf /var/lib/apt/lists/* /var/cache/apt/* /usr/share/doc/* /usr/share/man/*"
    cat; } > "$context/Containerfile"
  cp deploy/images/"$name"/* "$context/" 2>/dev/null || true
  build "chatbot-$name" "$name for Chatbot.Aspire (Debian packages)" --network=host -t "localhost/chatbot/$name:$image_tag" "$context"
}
for name in postgres redis rabbitmq smtp haproxy; do
  if podman image exists "localhost/chatbot/$name:$version"; then continue; fi
  echo "== $name:$version"
  build_debian_image "$name" "$version" $(cat "deploy/images/$name/packages") < "deploy/images/$name/Containerfile.tail"
done

echo "== sizes"
podman images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep 'localhost/chatbot/' | sort
echo "$tag"
