#!/usr/bin/env python3
"""Offline checks of Satu's rendered manifests and monitoring, run by scripts/infra-check.sh.

  validate.py manifests NAME=RENDERED.yaml ...   schemas, then consistency within each render
  validate.py rules PROMETHEUSRULE.yaml OUT.yml  the rule file promtool reads (the CR's spec)
  validate.py monitoring REPO OUT.yml            dashboards: JSON, provisioning, queries; metric names
  validate.py satu-env RENDERED.yaml DIR         satu.toml and each role's environment, for `satu`

Every failure prints one line starting with FAIL and makes the command exit 1.
"""

import functools
import glob
import json
import os
import re
import sys

import yaml

# The oldest Kubernetes the manifests support (preStop `sleep` is on by default from 1.30) and
# the newest kubernetes-validate knows.
K8S_VERSIONS = ["1.30.0", "1.37.0"]
SCHEMA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "k8s", "schemas")
# Secrets the operator creates (docs/operations.md, "Secrets"); everything else must be rendered.
EXTERNAL_SECRETS = {"satu-secrets", "satu-metrics", "satu-smtp", "satu-midtrans", "satu-google"}
FAILURES = []


def fail(where, message):
    FAILURES.append(f"FAIL {where}: {message}")


def finish(ok_message):
    for line in FAILURES:
        print(line)
    if FAILURES:
        print(f"{len(FAILURES)} problem(s)")
        sys.exit(1)
    print(ok_message)


def load_all(path):
    with open(path) as f:
        return [d for d in yaml.safe_load_all(f) if d]


def base_name(name):
    """A generated ConfigMap's or Secret's name without kustomize's hash suffix."""
    return re.sub(r"-[a-z0-9]{10}$", "", name)


# --- schemas --------------------------------------------------------------------------------

def custom_schemas():
    import jsonschema  # noqa: F401  (kubernetes-validate's dependency)
    schemas = {}
    for path in glob.glob(os.path.join(SCHEMA_DIR, "*.json")):
        with open(path) as f:
            schema = json.load(f)
        props = schema["properties"]
        schemas[(props["apiVersion"]["const"], props["kind"]["const"])] = schema
    return schemas


def validate_schemas(render, docs):
    import jsonschema
    from kubernetes_validate import utils

    # Each call reads the same large definition files again; the content never changes.
    utils.schema_contents = functools.lru_cache(maxsize=None)(utils.schema_contents)
    custom = custom_schemas()
    for d in docs:
        where = f"{render}: {d.get('kind')}/{d.get('metadata', {}).get('name')}"
        key = (d.get("apiVersion"), d.get("kind"))
        if key in custom:
            errors = sorted(jsonschema.Draft202012Validator(custom[key]).iter_errors(d), key=str)
            for e in errors:
                fail(where, f"{'.'.join(map(str, e.path))}: {e.message}")
            continue
        for version in K8S_VERSIONS:
            try:
                utils.validate(d, version, strict=True)
            except utils.SchemaNotFoundError:
                fail(where, f"no schema for {key[0]} {key[1]}: add one to infra/k8s/schemas/")
                break
            except utils.ValidationError as e:
                fail(where, f"Kubernetes {e.version}: {'.'.join(map(str, e.path))}: {e.message}")


# --- consistency ----------------------------------------------------------------------------

def matches(selector, labels):
    for k, v in (selector.get("matchLabels") or {}).items():
        if labels.get(k) != v:
            return False
    for expr in selector.get("matchExpressions") or []:
        value, op = labels.get(expr["key"]), expr["operator"]
        if op == "In" and value not in expr["values"]:
            return False
        if op == "NotIn" and value in expr["values"]:
            return False
        if op == "Exists" and value is None:
            return False
        if op == "DoesNotExist" and value is not None:
            return False
    return True


def pod_specs(docs):
    """(kind/name, pod template labels, pod spec) of every workload."""
    for d in docs:
        kind = d["kind"]
        if kind in ("Deployment", "StatefulSet", "Job"):
            t = d["spec"]["template"]
            yield f"{kind}/{d['metadata']['name']}", t["metadata"].get("labels", {}), t["spec"], d


def toml_grace(docs):
    import tomllib
    for d in docs:
        if d["kind"] == "ConfigMap" and base_name(d["metadata"]["name"]) == "satu-config":
            config = tomllib.loads(d["data"]["satu.toml"])
            return config.get("server", {}).get("shutdown_grace_secs", 30)
    return 30


def check_consistency(render, docs):
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d["kind"], {})[d["metadata"]["name"]] = d
    configmaps = by_kind.get("ConfigMap", {})
    secrets = set(by_kind.get("Secret", {}))
    workloads = list(pod_specs(docs))
    grace_default = toml_grace(docs)

    for d in by_kind.get("Deployment", {}).values():
        name = f"Deployment/{d['metadata']['name']}"
        if not matches(d["spec"]["selector"], d["spec"]["template"]["metadata"].get("labels", {})):
            fail(render, f"{name}: selector does not match its pod labels")

    for where, labels, spec, d in workloads:
        volumes = {v["name"]: v for v in spec.get("volumes", [])}
        for claim in d["spec"].get("volumeClaimTemplates", []):
            volumes[claim["metadata"]["name"]] = {"persistentVolumeClaim": {}}
        is_satu = labels.get("app.kubernetes.io/name") == "satu"
        pod_sc = spec.get("securityContext", {})
        for c in spec["containers"]:
            sc = c.get("securityContext", {})
            cname = f"{where} container {c['name']}"
            if not (pod_sc.get("runAsNonRoot") or sc.get("runAsNonRoot")):
                fail(render, f"{cname}: not runAsNonRoot")
            if sc.get("allowPrivilegeEscalation") is not False:
                fail(render, f"{cname}: allowPrivilegeEscalation is not false")
            if sc.get("readOnlyRootFilesystem") is not True:
                fail(render, f"{cname}: root filesystem is not read-only")
            if "ALL" not in (sc.get("capabilities", {}).get("drop") or []):
                fail(render, f"{cname}: capabilities not dropped")
            mounts = {m["mountPath"]: m for m in c.get("volumeMounts", [])}
            for m in mounts.values():
                if m["name"] not in volumes:
                    fail(render, f"{cname}: mounts unknown volume {m['name']}")
            # Every SATU__…_FILE names a file some mounted volume provides.
            for env in c.get("env", []):
                if env["name"].endswith("_FILE") and "value" in env:
                    check_file_env(render, cname, env, mounts, volumes)
                ref = env.get("valueFrom", {}).get("secretKeyRef")
                if ref and not ref.get("optional"):
                    need_secret(render, cname, ref["name"], secrets)
            for src in c.get("envFrom", []):
                if "configMapRef" in src and src["configMapRef"]["name"] not in configmaps:
                    fail(render, f"{cname}: envFrom names missing ConfigMap {src['configMapRef']['name']}")
            if is_satu and d["kind"] == "Deployment":
                check_satu_pod(render, cname, c, spec, grace_default)
        for v in volumes.values():
            if "configMap" in v and v["configMap"]["name"] not in configmaps:
                fail(render, f"{where}: volume {v['name']} names missing ConfigMap {v['configMap']['name']}")
            if "secret" in v:
                need_secret(render, where, v["secret"]["secretName"], secrets)
                generated = by_kind.get("Secret", {}).get(v["secret"]["secretName"])
                if generated:
                    for item in v["secret"].get("items", []):
                        if item["key"] not in generated.get("data", {}) and item["key"] not in generated.get("stringData", {}):
                            fail(render, f"{where}: Secret {v['secret']['secretName']} has no key {item['key']}")

    services = by_kind.get("Service", {})
    for name, s in services.items():
        selector = {"matchLabels": s["spec"].get("selector", {})}
        targets = [(w, spec) for w, labels, spec, d in workloads if d["kind"] != "Job" and matches(selector, labels)]
        if not targets:
            fail(render, f"Service/{name}: selects no pods")
        for port in s["spec"]["ports"]:
            tp = port.get("targetPort", port["port"])
            for w, spec in targets:
                ports = [p for c in spec["containers"] for p in c.get("ports", [])]
                if not any(p.get("name") == tp or p["containerPort"] == tp for p in ports):
                    fail(render, f"Service/{name}: targetPort {tp} is not a port of {w}")

    for name, ing in by_kind.get("Ingress", {}).items():
        for rule in ing["spec"].get("rules", []):
            for path in rule["http"]["paths"]:
                backend = path["backend"]["service"]
                svc = services.get(backend["name"])
                if not svc:
                    fail(render, f"Ingress/{name}: backend Service {backend['name']} is missing")
                    continue
                port = backend["port"]
                if not any(p.get("name") == port.get("name") or p["port"] == port.get("number") for p in svc["spec"]["ports"]):
                    fail(render, f"Ingress/{name}: Service {backend['name']} has no port {port}")

    for kind in ("HorizontalPodAutoscaler",):
        for name, hpa in by_kind.get(kind, {}).items():
            ref = hpa["spec"]["scaleTargetRef"]
            if ref["name"] not in by_kind.get(ref["kind"], {}):
                fail(render, f"{kind}/{name}: target {ref['kind']}/{ref['name']} is missing")
            elif "replicas" in by_kind[ref["kind"]][ref["name"]]["spec"]:
                fail(render, f"{kind}/{name}: {ref['name']} sets replicas, which would fight the HPA on every apply")

    for name, pdb in by_kind.get("PodDisruptionBudget", {}).items():
        if not any(matches(pdb["spec"]["selector"], labels) for _, labels, _, d in workloads if d["kind"] != "Job"):
            fail(render, f"PodDisruptionBudget/{name}: selects no pods")

    for name, sm in by_kind.get("ServiceMonitor", {}).items():
        selected = [s for s in services.values() if matches(sm["spec"]["selector"], s["metadata"].get("labels", {}))]
        if not selected:
            fail(render, f"ServiceMonitor/{name}: selects no Service")
        for ep in sm["spec"]["endpoints"]:
            for s in selected:
                if not any(p.get("name") == ep.get("port") for p in s["spec"]["ports"]):
                    fail(render, f"ServiceMonitor/{name}: Service {s['metadata']['name']} has no port {ep.get('port')}")
            cred = ep.get("authorization", {}).get("credentials")
            if cred:
                need_secret(render, f"ServiceMonitor/{name}", cred["name"], secrets)

    for name, np in by_kind.get("NetworkPolicy", {}).items():
        selector = np["spec"]["podSelector"]
        if selector and not any(matches(selector, labels) for _, labels, _, _ in workloads):
            fail(render, f"NetworkPolicy/{name}: selects no pods")


def need_secret(render, where, name, secrets):
    if name not in secrets and name not in EXTERNAL_SECRETS:
        fail(render, f"{where}: Secret {name} is neither rendered nor one the operator creates")


def check_file_env(render, cname, env, mounts, volumes):
    path = env["value"]
    directory, filename = os.path.dirname(path), os.path.basename(path)
    mount = mounts.get(directory)
    if not mount:
        fail(render, f"{cname}: {env['name']} reads {path}, but nothing is mounted at {directory}")
        return
    volume = volumes.get(mount["name"], {})
    items = volume.get("secret", volume.get("configMap", {})).get("items")
    if items is not None and filename not in [i["path"] for i in items]:
        fail(render, f"{cname}: {env['name']} reads {filename}, which volume {mount['name']} does not project")


def check_satu_pod(render, cname, c, spec, grace_default):
    probes = {"livenessProbe": "/healthz", "readinessProbe": "/readyz"}
    ports = [p.get("name") for p in c.get("ports", [])]
    for probe, path in probes.items():
        http = c.get(probe, {}).get("httpGet", {})
        if http.get("path") != path or http.get("port") not in ports:
            fail(render, f"{cname}: {probe} must GET {path} on a declared port")
    grace = grace_default
    for env in c.get("env", []):
        if env["name"] == "SATU__SERVER__SHUTDOWN_GRACE_SECS":
            grace = int(env["value"])
    pre_stop = c.get("lifecycle", {}).get("preStop", {}).get("sleep", {}).get("seconds", 0)
    # Satu's own close timeout after the grace period is 5 s (src/app.rs CLOSE_TIMEOUT).
    needed = pre_stop + grace + 5
    tgps = spec.get("terminationGracePeriodSeconds", 30)
    if tgps <= needed:
        fail(render, f"{cname}: terminationGracePeriodSeconds {tgps} must exceed preStop {pre_stop} s "
                     f"+ shutdown_grace_secs {grace} s + 5 s")


def cmd_manifests(pairs):
    for pair in pairs:
        render, path = pair.split("=", 1)
        docs = load_all(path)
        if not docs:
            fail(render, "renders nothing")
            continue
        validate_schemas(render, docs)
        check_consistency(render, docs)
        print(f"{render}: {len(docs)} objects checked")
    finish("manifests: ok")


# --- monitoring -----------------------------------------------------------------------------

def cmd_rules(rule_path, out):
    (cr,) = load_all(rule_path)
    with open(out, "w") as f:
        yaml.safe_dump(cr["spec"], f, sort_keys=False)


def exported_metrics(repo):
    """Names the Rust code registers (counter!/gauge!/histogram! and the name constants)."""
    names = set()
    for path in glob.glob(os.path.join(repo, "*", "src", "**", "*.rs"), recursive=True) + \
            glob.glob(os.path.join(repo, "src", "**", "*.rs"), recursive=True):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        names.update(re.findall(r'(?:counter|gauge|histogram)!\(\s*"(satu_[a-z0-9_]+)"', text))
        names.update(re.findall(r'const [A-Z_]+: &str = "(satu_[a-z0-9_]+)"', text))
    return names


def used_metrics(expr):
    """Raw satu_* series an expression reads (recording rules' names contain a colon)."""
    found = set()
    for m in re.finditer(r"(?<![:\w])(satu_[a-z0-9_]+)(?![:\w])", expr):
        name = m.group(1)
        for suffix in ("_bucket", "_sum", "_count"):
            if name.endswith(suffix) and name[: -len(suffix)].endswith("_seconds"):
                name = name[: -len(suffix)]
        found.add(name)
    return found


def cmd_monitoring(repo, out):
    exported = exported_metrics(repo)
    if not exported:
        fail("metrics", "found no metric in the Rust sources")
    exprs = []
    (cr,) = load_all(os.path.join(repo, "infra/monitoring/prometheusrule.yaml"))
    for group in cr["spec"]["groups"]:
        for rule in group["rules"]:
            exprs.append((f"rule {rule.get('record') or rule.get('alert')}", rule["expr"]))

    kustomization = load_all(os.path.join(repo, "infra/monitoring/kustomization.yaml"))[0]
    provisioned = {f for g in kustomization.get("configMapGenerator", []) for f in g.get("files", [])}
    uids = {}
    for path in sorted(glob.glob(os.path.join(repo, "infra/monitoring/dashboards/*.json"))):
        rel = os.path.relpath(path, os.path.join(repo, "infra/monitoring"))
        try:
            with open(path) as f:
                board = json.load(f)
        except json.JSONDecodeError as e:
            fail(rel, f"not JSON: {e}")
            continue
        if rel not in provisioned:
            fail(rel, "no ConfigMap in infra/monitoring/kustomization.yaml provisions it")
        for key in ("uid", "title", "panels"):
            if key not in board:
                fail(rel, f"has no {key}")
        if board.get("uid") in uids:
            fail(rel, f"uid {board['uid']} is also {uids[board['uid']]}'s")
        uids[board.get("uid")] = rel
        for panel in board.get("panels", []):
            for target in panel.get("targets", []):
                # Grafana variables become plain values so Prometheus' parser can read them.
                expr = target["expr"].replace("$namespace", "satu")
                exprs.append((f"{rel} panel '{panel['title']}'", expr))
    for f in sorted(provisioned):
        if not os.path.exists(os.path.join(repo, "infra/monitoring", f)):
            fail("infra/monitoring/kustomization.yaml", f"provisions {f}, which does not exist")

    # Every runbook link lands on an anchor of docs/operations.md.
    with open(os.path.join(repo, "docs/operations.md"), encoding="utf-8") as f:
        anchors = set(re.findall(r'<a id="([^"]+)"></a>', f.read()))
    for group in cr["spec"]["groups"]:
        for rule in group["rules"]:
            link = rule.get("annotations", {}).get("runbook")
            if "alert" in rule and not link:
                fail(f"rule {rule['alert']}", "has no runbook annotation")
            elif link:
                page, _, anchor = link.partition("#")
                if page != "docs/operations.md" or anchor not in anchors:
                    fail(f"rule {rule['alert']}", f"runbook {link} is not an anchor in docs/operations.md")

    for where, expr in exprs:
        for name in sorted(used_metrics(expr) - exported):
            fail(where, f"{name} is not a metric the binary exports")
    # Every query as a recording rule: `promtool check rules` then parses them all.
    rules = [{"record": f"satu_check:query_{i}", "expr": expr} for i, (_, expr) in enumerate(exprs)]
    with open(out, "w") as f:
        yaml.safe_dump({"groups": [{"name": "queries", "rules": rules}]}, f, sort_keys=False)
    finish(f"monitoring: {len(uids)} dashboards, {len(exprs)} queries, metrics all exported")


# --- satu's own view of its configuration -----------------------------------------------------

def cmd_satu_env(render_path, directory):
    """Writes satu.toml and one env file per role, `_FILE` secrets pointed at stand-ins, so
    `satu --config satu.toml schema` loads each role's configuration as the pod would."""
    docs = load_all(render_path)
    configmaps = {base_name(d["metadata"]["name"]): d for d in docs if d["kind"] == "ConfigMap"}
    with open(os.path.join(directory, "satu.toml"), "w") as f:
        f.write(configmaps["satu-config"]["data"]["satu.toml"])
    # Most specific first: REDIS__URL also ends in URL.
    stand_ins = {"REDIS__URL": "redis://127.0.0.1:6379", "SMTP_URL": "smtp://127.0.0.1:25",
                 "DATABASE__URL": "postgres://satu@127.0.0.1:5432/satu"}
    for where, labels, spec, d in pod_specs(docs):
        if labels.get("app.kubernetes.io/name") != "satu":
            continue
        role = labels["app.kubernetes.io/component"]
        env = {}
        for c in spec["containers"]:
            for src in c.get("envFrom", []):
                env.update(configmaps[base_name(src["configMapRef"]["name"])]["data"])
            for e in c.get("env", []):
                if "value" not in e:
                    continue  # secretKeyRef: optional ones are unset in the common case
                if e["name"] == "SATU_CONFIG":
                    continue
                if e["name"].endswith("_FILE"):
                    key = e["name"][len("SATU__"):-len("_FILE")]
                    value = next((v for k, v in stand_ins.items() if key.endswith(k)), "stand-in-secret")
                    path = os.path.join(directory, f"{role}-{key.lower()}")
                    with open(path, "w") as f:
                        f.write(value + "\n")
                    env[e["name"]] = path
                else:
                    env[e["name"]] = e["value"]
        with open(os.path.join(directory, f"{role}.env"), "w") as f:
            for k, v in sorted(env.items()):
                f.write(f"{k}={v}\n")


def main(argv):
    if len(argv) >= 2 and argv[0] == "manifests":
        cmd_manifests(argv[1:])
    elif len(argv) == 3 and argv[0] == "rules":
        cmd_rules(argv[1], argv[2])
    elif len(argv) == 3 and argv[0] == "monitoring":
        cmd_monitoring(argv[1], argv[2])
    elif len(argv) == 3 and argv[0] == "satu-env":
        cmd_satu_env(argv[1], argv[2])
    else:
        print(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv[1:])
