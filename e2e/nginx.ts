import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

// Debian's nginx as a round-robin ingress on loopback, with a config of the test's own (the
// same proxying as deploy/nginx/ringdown.conf, without TLS). Each response says which server
// process answered it (X-Upstream), so a test knows where a browser's socket landed.

export type Ingress = { url: string; child: ChildProcess; close(): Promise<void> };

export async function startNginx(port: number, upstreams: string[]): Promise<Ingress> {
  const prefix = await mkdtemp(path.join(tmpdir(), 'ringdown-nginx-'));
  await mkdir(path.join(prefix, 'logs'));
  const config = `
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  upstream ringdown {
${upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=5s;`).join('\n')}
  }
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://ringdown;
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_read_timeout 1h;
      proxy_next_upstream error timeout http_502 http_503;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
  const file = path.join(prefix, 'nginx.conf');
  await writeFile(file, config);
  const child = spawn('/usr/sbin/nginx', ['-p', prefix, '-c', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) break;
    if (tries > 100) throw new Error(`nginx did not answer: ${stderr}`);
    await sleep(100);
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url,
    child,
    async close() {
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
    },
  };
}
