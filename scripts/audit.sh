#!/usr/bin/env bash
# Fails on a known-vulnerable dependency: every NuGet package of the solution (direct and transitive, through
# `dotnet list package --vulnerable --include-transitive`) and every npm lock file's packages (`npm audit`), except the
# advisories accepted in Directory.Audit.props, each of which must give a Reason.
#   scripts/audit.sh [solution-or-project]      (default Chatbot.Aspire.sln; AUDIT_ALLOWLIST overrides the allow-list)
# The advisories come from the package sources' VulnerabilityInfo resource (nuget.org has it) or from `auditSources` in
# nuget.config. When no source offers one, nothing can be checked: a warning, or a failure with AUDIT_REQUIRE_DATA=1
# (the GitHub workflows set it).
# Restore already fails on a vulnerable package (NuGetAudit, Directory.Build.props); this is the explicit report.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:-$root/Chatbot.Aspire.sln}"
allowlist="${AUDIT_ALLOWLIST:-$root/Directory.Audit.props}"
status=0

# 1. The allow-list: one element per entry, each with a non-empty Reason.
entries="$(tr '\n' ' ' < "$allowlist" | sed 's/<!--.*-->//g' | grep -o '<\(NuGet\|Npm\)AuditSuppress [^>]*>' || true)"
allowed=()
while IFS= read -r entry; do
  [ -n "$entry" ] || continue
  url="$(sed -n 's/.*Include="\([^"]*\)".*/\1/p' <<< "$entry")"
  reason="$(sed -n 's/.*Reason="\([^"]*\)".*/\1/p' <<< "$entry" | tr -d '[:space:]')"
  if [ -z "$reason" ]; then
    echo "audit: allow-list entry $url has no Reason ($allowlist)" >&2
    status=1
  fi
  allowed+=("$url")
done <<< "$entries"
[ $status -eq 0 ] || exit 1
is_allowed() { local a; for a in "${allowed[@]}"; do [ "$a" = "$1" ] && return 0; done; return 1; }

# 2. NuGet. `dotnet list` needs the assets of a restore; the audit data comes from the package source.
echo "== NuGet audit: $target"
dotnet restore "$target" -nologo -v q -p:NuGetAudit=false > /dev/null || { echo "audit: restore of $target failed" >&2; exit 1; }
report="$(dotnet list "$target" package --no-restore --vulnerable --include-transitive 2>&1)"
list_status=$?
if [ $list_status -ne 0 ] || grep -qE '(^| )error( |:)' <<< "$report"; then
  echo "$report" >&2
  echo "audit: dotnet list package --vulnerable failed (is the package source reachable?)" >&2
  exit 1
fi
has_data=0
for source in $(sed -n '/sources were used/,$ s|^ *\(https\?://[^ ]*\)$|\1|p' <<< "$report"); do
  curl -fsS -m 60 --compressed "$source" 2>/dev/null | grep -q '"VulnerabilityInfo/' && has_data=1
done
if [ $has_data -eq 0 ]; then
  echo "audit: WARNING: no package source offers vulnerability data (VulnerabilityInfo); NuGet packages were not checked" >&2
  [ "${AUDIT_REQUIRE_DATA:-0}" = 1 ] && status=1
fi
for url in $(grep -o 'https://github.com/advisories/GHSA-[A-Za-z0-9-]*' <<< "$report" | sort -u); do
  if is_allowed "$url"; then
    echo "allowed: $url"
  else
    grep -F "$url" <<< "$report" | head -3 | sed 's/^ */vulnerable: /' >&2
    status=1
  fi
done

# 3. npm, wherever a lock file is committed (none today; the web page uses no npm packages).
while IFS= read -r lock; do
  [ -n "$lock" ] || continue
  dir="$(dirname "$lock")"
  echo "== npm audit: $dir"
  command -v npm > /dev/null || { echo "audit: $lock needs npm to be audited" >&2; status=1; continue; }
  for url in $( (cd "$dir" && npm audit --package-lock-only --json 2>/dev/null) | grep -o '"url": *"https://github.com/advisories/GHSA-[A-Za-z0-9-]*"' \
      | grep -o 'https://[^"]*' | sort -u); do
    if is_allowed "$url"; then echo "allowed: $url"; else echo "vulnerable (npm, $dir): $url" >&2; status=1; fi
  done
done < <(cd "$root" && git ls-files '*package-lock.json' 2>/dev/null)

[ $status -eq 0 ] && echo "audit: no known-vulnerable dependency"
exit $status
