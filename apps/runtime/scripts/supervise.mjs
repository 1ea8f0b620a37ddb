// `pnpm start`: runs the server (src/main.ts) in a child process and starts it again if it dies.
// Why: a rule that grows a plain object without bound can exhaust an isolate's heap in a way
// V8 treats as fatal for the whole process (isolated-vm cannot contain that case; see
// docs/rules.md, "Limits"). The supervisor turns such a crash into a restart of a few seconds
// instead of an outage. A normal stop (SIGINT/SIGTERM, exit 0) stops the supervisor too.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const MAX_RESTARTS_PER_MINUTE = 5;
const restarts = [];
let child = null;
let stopping = false;

function start() {
  child = spawn(process.execPath, ['--no-node-snapshot', '--import', 'tsx', main], { stdio: 'inherit', env: process.env });
  child.on('exit', (code, signal) => {
    if (stopping || code === 0) process.exit(code ?? 0);
    const now = Date.now();
    while (restarts.length && now - restarts[0] > 60_000) restarts.shift();
    if (restarts.length >= MAX_RESTARTS_PER_MINUTE) {
      console.error(`[kiln] the server died ${restarts.length + 1} times within a minute (last: ${signal ?? `exit ${code}`}); giving up.`);
      process.exit(code ?? 1);
    }
    restarts.push(now);
    console.error(`[kiln] the server died (${signal ?? `exit ${code}`}); starting it again.`);
    start();
  });
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    stopping = true;
    child?.kill(sig);
  });
}
start();
