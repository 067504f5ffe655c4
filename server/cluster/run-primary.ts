import cluster, { type Worker } from 'node:cluster';
import { ClusterMemoryStorePrimary } from '@express-rate-limit/cluster-memory-store';
import type { Logger } from 'pino';
import { restartDelayMs, RESTART_WINDOW_MS } from './restart-delay.ts';

/** Workers still running this long after SIGTERM are killed. */
const SHUTDOWN_GRACE_MS = 10_000;

export interface PrimaryOptions {
  workers: number;
  /** Rate limits are shared through Redis: the primary keeps no counts of its own. */
  sharedThroughRedis: boolean;
  logger: Logger;
  /** Called once, when the first worker listens (the start-up line for the console). */
  onListening: (address: { address: string; port: number }) => void;
}

/**
 * The cluster's primary: starts `workers` workers that share one port (node:cluster), replaces any that exits
 * (logged, after a delay that grows while they keep dying), and on SIGTERM/SIGINT stops them gracefully and exits.
 * It answers no requests; without Redis it holds the rate-limit counts the workers share.
 */
export function runPrimary(options: PrimaryOptions): void {
  const { logger } = options;
  if (!options.sharedThroughRedis) new ClusterMemoryStorePrimary().init();
  let exitTimes: number[] = [];
  let stopping = false;
  let announced = false;

  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.once('listening', (address) => {
      logger.info({ worker: worker.id, workerPid: worker.process.pid }, 'worker listening');
      if (!announced) {
        announced = true;
        options.onListening({ address: address.address ?? '', port: address.port });
      }
    });
    return worker;
  };

  cluster.on('exit', (worker, code, signal) => {
    const exit = { worker: worker.id, workerPid: worker.process.pid, code, signal };
    if (stopping) {
      logger.info(exit, 'worker stopped');
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    exitTimes = [...exitTimes.filter((time) => now - time < RESTART_WINDOW_MS), now];
    const delayMs = restartDelayMs(exitTimes, now);
    logger.error({ ...exit, restartInMs: delayMs }, 'worker exited; starting a replacement');
    // Not unref'd: with every worker gone, this timer is what keeps the primary alive to replace them.
    setTimeout(() => {
      if (!stopping) fork();
    }, delayMs);
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping the workers');
    const running = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
    if (running.length === 0) process.exit(0);
    for (const worker of running) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  logger.info({ workers: options.workers }, 'starting workers');
  for (let started = 0; started < options.workers; started += 1) fork();
}
