import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SpawnHost } from './spawn-host.js';

describe('SpawnHost', () => {
  it('runs a command and gives back its output, with the environment it was given', async () => {
    const host = new SpawnHost();
    const out = await host.run('/bin/bash', ['-c', 'printf "%s" "$GREETING"; printf "\\x00\\xff"'], { env: { GREETING: 'hello "$HOME"' } });
    expect(out.subarray(0, -2).toString()).toBe('hello "$HOME"');
    expect([...out.subarray(-2)]).toEqual([0, 255]);
    host.close();
  });

  it('gives back output that 16-bit samples can be read from, whatever its length (regression: odd offsets lost replies)', async () => {
    const host = new SpawnHost();
    for (const bytes of [2, 74, 4_094, 100_002]) {
      const out = await host.run('/bin/bash', ['-c', `head -c ${bytes} /dev/zero`]);
      expect(new Int16Array(out.buffer, out.byteOffset, out.length >> 1)).toHaveLength(bytes / 2);
    }
    host.close();
  });

  it('feeds a command what it is given on its standard input', async () => {
    const host = new SpawnHost();
    expect((await host.run('/usr/bin/wc', ['-c'], { input: new Uint8Array(70_000) })).toString().trim()).toBe('70000');
    host.close();
  });

  it('rejects a failing command with its exit and what it wrote to stderr', async () => {
    const host = new SpawnHost();
    await expect(host.run('/bin/bash', ['-c', 'echo broken >&2; exit 3'])).rejects.toMatchObject({ code: 'command_failed', retryable: true, message: expect.stringMatching(/exit 3: broken/) });
    await expect(host.run('/no/such/command', [])).rejects.toMatchObject({ code: 'command_failed' });
    host.close();
  });

  it('kills a command past its timeout, and one whose caller gave up', async () => {
    const host = new SpawnHost();
    await expect(host.run('/bin/sleep', ['5'], { timeoutMs: 200 })).rejects.toMatchObject({ message: expect.stringMatching(/SIGTERM/) });
    const abort = new AbortController();
    const pending = host.run('/bin/sleep', ['5'], { signal: abort.signal });
    setTimeout(() => abort.abort(new Error('caller gave up')), 100);
    await expect(pending).rejects.toThrow('caller gave up');
    expect((await host.run('/bin/echo', ['still working'])).toString()).toBe('still working\n');
    host.close();
  });

  it('fails what is in flight when the host dies, and starts a new host for the next command', async () => {
    const host = new SpawnHost();
    const pending = host.run('/bin/sleep', ['5']);
    await new Promise((r) => setTimeout(r, 300));
    host.close();
    await expect(pending).rejects.toMatchObject({ code: 'command_failed', retryable: true, message: expect.stringMatching(/spawn host stopped/) });
    expect((await host.run('/bin/echo', ['again'])).toString()).toBe('again\n');
    host.close();
  });

  it('runs commands at a lower priority when asked', async () => {
    const host = new SpawnHost();
    expect((await host.run('/bin/bash', ['-c', 'nice'], { nice: 10 })).toString().trim()).toBe('10');
    host.close();
  });

  it('keeps its process alive while a command runs, and not once it is idle', () => {
    const script = `import { SpawnHost } from './media/spawn-host.ts';
      const out = await SpawnHost.shared().run('/bin/bash', ['-c', 'sleep 0.3; echo done']);
      console.log(out.toString().trim());`;
    const started = Date.now();
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(run.stdout.trim()).toBe('done');
    expect(run.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000); // exits by itself, the idle host does not hold it
  });
});
