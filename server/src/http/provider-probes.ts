// `/ready` checks of the hosted providers, made without spending money: an OpenAI-compatible
// endpoint lists its models (reachable, the key accepted, each configured model offered); a
// Coqui TTS server answers its front page (it has no list that costs nothing to ask for).

const PROBE_TIMEOUT_MS = 1500;

export type ModelsProbe = { models: string[] };

/** Resolves when the endpoint answers, accepts the key and offers every model in `models`; throws the reason otherwise. */
export async function probeModels(baseUrl: string, apiKey: string, models: string[]): Promise<ModelsProbe> {
  const url = `${baseUrl.replace(/\/+$/, '')}/models`;
  const res = await reach(url, { authorization: `Bearer ${apiKey}` });
  if (res.status === 401 || res.status === 403) throw new Error(`${url}: the API key was refused (${res.status})`);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  const body = (await res.json().catch(() => null)) as { data?: { id?: unknown }[] } | null;
  if (!Array.isArray(body?.data)) throw new Error(`${url} did not answer a model list`);
  const offered = new Set(body.data.map((m) => m.id));
  const missing = models.filter((m) => !offered.has(m));
  if (missing.length > 0) throw new Error(`not offered by ${baseUrl}: ${missing.join(', ')}`);
  return { models };
}

/** Resolves when the Coqui TTS server answers its front page. */
export async function probeCoqui(baseUrl: string): Promise<void> {
  const res = await reach(new URL('/', baseUrl).href, {});
  await res.body?.cancel();
  if (!res.ok) throw new Error(`${baseUrl} answered ${res.status}`);
}

async function reach(url: string, headers: Record<string, string>): Promise<Response> {
  try {
    return await fetch(url, { headers, signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`${url} is unreachable: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
}
