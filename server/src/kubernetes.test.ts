import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Service } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { PROJECT_ROOT } from './config/config.js';

// deploy/k8s/ checked against the Kubernetes API schemas (no cluster can run here): every
// manifest is a known kind that validates, kustomization.yaml lists them all, and the
// settings the server relies on (probes, drain time, autoscaling) hold. The monitoring overlay's
// ServiceMonitor is checked against the Prometheus Operator's CRD schema.

const DIR = path.join(PROJECT_ROOT, 'deploy/k8s');
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/Ingress': Ingress,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Service': Service,
};

type Manifest = { apiVersion: string; kind: string; [field: string]: any };

async function manifests(): Promise<Record<string, Manifest>> {
  const byFile: Record<string, Manifest> = {};
  for (const file of (await readdir(DIR)).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')) {
    const docs = parseAllDocuments(await readFile(path.join(DIR, file), 'utf8'));
    expect(docs, file).toHaveLength(1);
    byFile[file] = docs[0]!.toJS() as Manifest;
  }
  return byFile;
}

describe('the Kubernetes manifests', () => {
  it('validate against the API schemas and are all in the kustomization', async () => {
    const all = await manifests();
    for (const [file, manifest] of Object.entries(all)) {
      const Model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
      expect(Model, `${file}: ${manifest.apiVersion} ${manifest.kind}`).toBeDefined();
      expect(() => new Model!(manifest as never).validate(), file).not.toThrow();
    }
    const kustomization = parseAllDocuments(await readFile(path.join(DIR, 'kustomization.yaml'), 'utf8'))[0]!.toJS() as { resources: string[] };
    expect([...kustomization.resources].sort()).toEqual(Object.keys(all).sort());
  });

  it('probe /health and /ready, drain a pod longer than DRAIN_TIMEOUT_MS, and scale 3-10 on CPU at 70 % with a 5-minute scale-down', async () => {
    const all = await manifests();
    const pod = all['deployment.yaml']!.spec.template.spec;
    const container = pod.containers[0];
    expect(container.livenessProbe.httpGet.path).toBe('/health');
    expect(container.readinessProbe.httpGet.path).toBe('/ready');
    expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(Number(all['configmap.yaml']!.data.DRAIN_TIMEOUT_MS));
    expect(pod.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey).toBe('kubernetes.io/hostname');
    const hpa = all['hpa.yaml']!.spec;
    expect(hpa).toMatchObject({ minReplicas: 3, maxReplicas: 10, behavior: { scaleDown: { stabilizationWindowSeconds: 300 } } });
    expect(hpa.metrics[0].resource).toMatchObject({ name: 'cpu', target: { averageUtilization: 70 } });
  });

  it('refuses a manifest with a wrong field (the check is real)', () => {
    expect(() => new Service({ metadata: { name: 'x' }, spec: { ports: [{ port: 'eighty' }] } } as never).validate()).toThrow();
    expect(() => new ServiceMonitor({ metadata: { name: 'x' }, spec: { selector: {}, endpoints: [{ scheme: 'gopher' }] } } as never).validate()).toThrow();
  });

  it('have Prometheus scrape /metrics on every pod with the bearer token from the Secret (the monitoring overlay)', async () => {
    const read = async (file: string) => parseAllDocuments(await readFile(path.join(DIR, 'monitoring', file), 'utf8'))[0]!.toJS() as Manifest;
    const monitor = await read('servicemonitor.yaml');
    expect(() => new ServiceMonitor(monitor as never).validate()).not.toThrow();
    expect((await read('kustomization.yaml')).resources).toEqual(['..', 'servicemonitor.yaml']);

    const { 'service.yaml': service, 'deployment.yaml': deployment } = await manifests();
    expect(monitor.spec.selector.matchLabels).toEqual(service!.metadata.labels);
    const [endpoint] = monitor.spec.endpoints;
    expect(service!.spec.ports.map((p: { name: string }) => p.name)).toContain(endpoint.port);
    expect(endpoint).toMatchObject({ path: '/metrics', scheme: 'https', authorization: { type: 'Bearer', credentials: { key: 'METRICS_TOKEN' } } });
    // The token the pods check (their env comes from this Secret) is the one Prometheus sends.
    const secrets = deployment!.spec.template.spec.containers[0].envFrom.map((from: { secretRef?: { name: string } }) => from.secretRef?.name);
    expect(secrets).toContain(endpoint.authorization.credentials.name);
  });
});
