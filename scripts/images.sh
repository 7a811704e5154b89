#!/usr/bin/env bash
# Builds every image of the system with podman, from nothing but Debian, NuGet and this repository (no image registry):
#   base      debootstrap --variant=minbase bookworm (+ ICU, OpenSSL, tzdata, CA certificates), trimmed, podman import
#   runtime   base + the .NET and ASP.NET Core runtimes of this machine's SDK + user app (1654); shared by the services
#   services  runtime + `dotnet publish` of each service (non-root, OCI labels version + revision)
#   infra     postgres, redis, rabbitmq and an SMTP sink from Debian packages (base + apt-get)
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

# 1. Base: a Debian minbase tree with what .NET needs at run time, without apt caches, documentation and locales.
if ! podman image exists localhost/chatbot/base:bookworm; then
  echo "== base (debootstrap bookworm minbase)"
  if [ ! -e "$cache/rootfs/.chatbot-complete" ]; then
    rm -rf "$cache/rootfs"
    debootstrap --variant=minbase --include=libicu72,libssl3,tzdata,ca-certificates bookworm "$cache/rootfs" "$mirror" >"$cache/debootstrap.log"
    touch "$cache/rootfs/.chatbot-complete"
  fi
  rm -rf "$cache"/rootfs/var/cache/apt/* "$cache"/rootfs/var/lib/apt/lists/* "$cache"/rootfs/usr/share/{doc,man,info,locale,lintian}/* \
    "$cache"/rootfs/var/log/*.log "$cache"/rootfs/var/cache/debconf/*-old
  echo "deb $mirror bookworm main" > "$cache/rootfs/etc/apt/sources.list"
  tar -C "$cache/rootfs" --exclude=./.chatbot-complete -c . | podman import --change 'CMD ["/bin/bash"]' - localhost/chatbot/base:bookworm >/dev/null
fi

# 2. Runtime: the machine SDK's shared runtimes (the same ones the tests ran on).
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
runtime_version="$(ls "$dotnet_root/shared/Microsoft.AspNetCore.App" | sort -V | tail -1)"
if ! podman image exists "localhost/chatbot/runtime:$runtime_version"; then
  echo "== runtime $runtime_version"
  context="$cache/runtime"
  rm -rf "$context" && mkdir -p "$context/dotnet/shared"
  cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$context/dotnet/"
  cp -a "$dotnet_root/shared/Microsoft.NETCore.App" "$dotnet_root/shared/Microsoft.AspNetCore.App" "$context/dotnet/shared/"
  find "$context/dotnet/shared" -mindepth 2 -maxdepth 2 -type d ! -name "$runtime_version" -exec rm -rf {} +
  cat > "$context/Containerfile" <<'EOF'
FROM localhost/chatbot/base:bookworm
COPY dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
 && groupadd --gid 1654 app && useradd --uid 1654 --gid 1654 --no-create-home --home-dir /app --shell /usr/sbin/nologin app
ENV DOTNET_RUNNING_IN_CONTAINER=true DOTNET_gcServer=0 DOTNET_NOLOGO=1 ASPNETCORE_URLS=http://+:8080 TZ=UTC
EOF
  build chatbot-runtime ".NET $runtime_version runtime on Debian bookworm" --network=none -t "localhost/chatbot/runtime:$runtime_version" "$context"
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
  dotnet publish "$root/$project" -c Release -o "$context/app" -p:UseAppHost=false -nologo -v q >/dev/null
  cat > "$context/Containerfile" <<EOF
FROM localhost/chatbot/runtime:$runtime_version
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
for name in postgres redis rabbitmq smtp; do
  if podman image exists "localhost/chatbot/$name:$version"; then continue; fi
  echo "== $name:$version"
  build_debian_image "$name" "$version" $(cat "deploy/images/$name/packages") < "deploy/images/$name/Containerfile.tail"
done

echo "== sizes"
podman images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep 'localhost/chatbot/' | sort
echo "$tag"
