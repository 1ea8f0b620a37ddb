import { boot } from './boot.js';
import { loadConfig } from './config.js';
import { buildServer } from './server.js';

/** `pnpm start`: migrate, create the first admin, serve studio + runtime on PORT. */
const config = loadConfig();
const { ctx, database, createdAdmin } = await boot(config);
const app = await buildServer(ctx);
if (createdAdmin) app.log.info({ email: config.adminEmail }, 'created the first admin');
if (!process.env.KILN_ADMIN_PASSWORD) app.log.warn('KILN_ADMIN_PASSWORD is not set: the admin uses the default password "kiln-admin"; change it before exposing Kiln.');
if (config.testClock) app.log.warn('KILN_TEST_CLOCK=1: the manual test clock is ON (never in production).');
const close = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', close);
process.on('SIGTERM', close);
await app.listen({ port: config.port, host: config.host });
app.log.info(`Kiln is up on ${database.kind}: studio http://localhost:${config.port}/studio  operator http://localhost:${config.port}/app`);
