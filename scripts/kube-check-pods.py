"""Turns the rendered dev overlay into what scripts/kube-check.sh plays with podman: one file per pod with its fixed
address (a Deployment's init container becomes a migrate pod played first) (podman has no Service DNS, so every pod gets hostAliases for the names it calls), the infrastructure pods, the
Secret's keys as the JSON podman reads ({key: base64}), and the list of kinds podman does not run.
Usage: kube-check-pods.py <rendered.yaml> <pods folder> <secret.json>; the rest comes from KUBE_* variables."""
import base64
import json
import os
import sys
from collections import Counter

import yaml

rendered, pods, secret_path = sys.argv[1:4]
env = os.environ
prefix, tag, secret = env["KUBE_PREFIX"], env["KUBE_TAG"], env["KUBE_SECRET"]
addresses = {"postgres": 10, "redis": 11, "rabbitmq": 12, "smtp": 13, "simulator": 14,
             "identity": 20, "chat": 21, "inference-worker": 22, "moderation": 23, "billing": 24}
host_aliases = [{"ip": f"{prefix}.{n}", "hostnames": [name]} for name, n in addresses.items()]
pg, redis, rabbit = env["KUBE_POSTGRES_PASSWORD"], env["KUBE_REDIS_PASSWORD"], env["KUBE_RABBITMQ_PASSWORD"]


def write(name, document, address=""):
    with open(os.path.join(pods, f"{name}.yaml"), "w") as f:
        yaml.safe_dump(document, f, sort_keys=False)
    if address is not None:
        with open(os.path.join(pods, f"{name}.ip"), "w") as f:
            f.write(f"{prefix}.{addresses[name]}")


ignored = Counter()
for document in yaml.safe_load_all(open(rendered)):
    if not document:
        continue
    if document["kind"] != "Deployment":
        ignored[document["kind"]] += 1
        continue
    name = document["metadata"]["name"]
    document["metadata"]["name"] = f"chatbot-deploy-kube-{name}"
    spec = document["spec"]["template"]["spec"]
    spec["hostAliases"] = host_aliases
    document["spec"]["replicas"] = 1
    for container in spec["containers"]:
        # podman publishes every containerPort on the host (8080 is taken there); the pods are reached on their own
        # addresses, so the ports go and the probes name the numbers instead.
        numbers = {p["name"]: p["containerPort"] for p in container.pop("ports", []) if "name" in p}
        for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
            action = container.get(probe, {}).get("httpGet")
            if action and action["port"] in numbers:
                action["port"] = numbers[action["port"]]
    for container in spec.get("initContainers", []) + spec["containers"]:
        container["image"] = container["image"].replace(":0.1.0-dev", f":{tag}")
        for variable in container.get("env", []):
            ref = variable.get("valueFrom", {}).get("secretKeyRef")
            if ref:
                ref["name"] = secret
    # podman 4.3 failed to remove its init container under load ("cannot remove container ... as it is running"):
    # the migration runs as a pod of its own, played and awaited first, as the init container would run before the pod.
    init = spec.pop("initContainers", [])
    if init:
        write(f"{name}-migrate", {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": f"chatbot-deploy-kube-{name}-migrate"},
                                  "spec": {"hostAliases": host_aliases, "restartPolicy": "Never", "containers": init,
                                           "volumes": spec.get("volumes", [])}}, address=None)
    write(name, document)


def pod(name, container):
    write(name, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": f"chatbot-deploy-kube-{name}"},
                 "spec": {"hostAliases": host_aliases, "containers": [{"name": name, **container}],
                          **({"volumes": container.pop("_volumes")} if "_volumes" in container else {})}})


def env_list(values):
    return [{"name": k, "value": v} for k, v in values.items()]


pod("postgres", {"image": "localhost/chatbot/postgres:0.1.0",
                 "env": env_list({"POSTGRES_USER": "postgres", "POSTGRES_PASSWORD": pg}),
                 "volumeMounts": [{"name": "init", "mountPath": "/docker-entrypoint-initdb.d/10-databases.sql", "readOnly": True}],
                 "_volumes": [{"name": "init", "hostPath": {"path": env["KUBE_INIT_SQL"], "type": "File"}}]})
pod("redis", {"image": "localhost/chatbot/redis:0.1.0", "args": ["redis-server", "--requirepass", redis]})
pod("rabbitmq", {"image": "localhost/chatbot/rabbitmq:0.1.0",
                 "env": env_list({"RABBITMQ_DEFAULT_USER": "chatbot", "RABBITMQ_DEFAULT_PASS": rabbit, "RABBITMQ_EXTRA_VHOSTS": "simulator"})})
pod("smtp", {"image": "localhost/chatbot/smtp:0.1.0"})
pod("simulator", {"image": f"localhost/chatbot/inference-worker:{tag}", "env": env_list({
    "ASPNETCORE_ENVIRONMENT": "Production", "ASPNETCORE_URLS": "http://+:8080", "OTEL_SERVICE_NAME": "simulator",
    "ConnectionStrings__redis": f"redis:6379,password={redis},defaultDatabase=1",
    "ConnectionStrings__rabbitmq": f"amqp://chatbot:{rabbit}@rabbitmq:5672/simulator",
    "services__identity__http__0": "http://identity:8080", "Identity__RequireHttpsMetadata": "false",
    "Inference__Providers__0__Type": "Simulator", "Inference__Providers__0__Name": "simulator"})})

keys = {f"ConnectionStrings__{db}": f"Host=postgres;Port=5432;Database={db};Username=postgres;Password={pg}"
        for db in ("identitydb", "chatdb", "moderationdb", "billingdb")}
keys |= {"ConnectionStrings__redis": f"redis:6379,password={redis}",
         "ConnectionStrings__rabbitmq": f"amqp://chatbot:{rabbit}@rabbitmq:5672",
         "ServiceAuth__Credential": env["KUBE_SERVICE_CREDENTIAL"], "PublicBaseUrl": "http://localhost:5080",
         "Email__SmtpHost": "smtp", "Email__SmtpPort": "1025", "Inference__Providers__0__Endpoint": "http://simulator:8080/v1"}
with open(secret_path, "w") as f:
    json.dump({k: base64.b64encode(v.encode()).decode() for k, v in keys.items()}, f)
with open(os.path.join(pods, "ignored.txt"), "w") as f:
    f.write(", ".join(f"{kind} x{n}" for kind, n in sorted(ignored.items())))
