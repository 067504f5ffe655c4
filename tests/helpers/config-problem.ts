import { expect } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

/** The message loadConfig refuses an environment with; fails the test when it accepts it or throws anything else. */
export function configProblem(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('loadConfig accepted an invalid configuration');
}
