import { execFileSync } from 'node:child_process';
import { createConnection, createServer, type Server } from 'node:net';
import { createInterface } from 'node:readline';

// Runs as the first process of a private network namespace (`unshare --net`): brings up
// loopback and one LAN-like address on a veth pair that never leaves the namespace, then
// relays TCP between the namespace's loopback and Unix sockets, which cross namespaces
// because they live in the file system. Commands on stdin, one per line:
//   into <port> <socket>   127.0.0.1:<port> here -> <socket> (reach something outside)
//   out <socket> <port>    <socket> -> 127.0.0.1:<port> here (reach something inside)
// Each is answered with `ok` or `error <message>` on stdout.

const [lanIp] = process.argv.slice(2);
const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'inherit'] });
ip('link', 'set', 'lo', 'up');
ip('link', 'add', 'lan0', 'type', 'veth', 'peer', 'name', 'lan1');
ip('addr', 'add', `${lanIp}/24`, 'dev', 'lan0');
ip('link', 'set', 'lan0', 'up');
ip('link', 'set', 'lan1', 'up');
// A default route makes the address look like a real LAN's; packets for anywhere else die on lan1.
ip('route', 'add', 'default', 'dev', 'lan0');

const servers: Server[] = [];
function relay(listen: (server: Server) => void, connect: () => ReturnType<typeof createConnection>): Promise<void> {
  const server = createServer((client) => {
    const upstream = connect();
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  servers.push(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => resolve());
    listen(server);
  });
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, a, b] = line.trim().split(/\s+/);
  const done =
    command === 'into'
      ? relay((s) => s.listen(Number(a), '127.0.0.1'), () => createConnection(b!))
      : command === 'out'
        ? relay((s) => s.listen(a!), () => createConnection(Number(b), '127.0.0.1'))
        : Promise.reject(new Error(`unknown command ${command}`));
  done.then(
    () => process.stdout.write('ok\n'),
    (error: Error) => process.stdout.write(`error ${error.message}\n`),
  );
});
process.stdin.on('end', () => process.exit(0));
process.stdout.write('ready\n');
