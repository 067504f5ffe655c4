import { describe, expect, it } from 'vitest';
import {
  MALLOC_TRIM_THRESHOLD,
  workerEnvironment,
} from '../../server/cluster/worker-environment.ts';

describe('the environment workers start with', () => {
  it('sets glibc’s trim threshold on Linux, so memory freed after loading the dictionaries is given back', () => {
    expect(workerEnvironment({}, 'linux')).toEqual({
      MALLOC_TRIM_THRESHOLD_: MALLOC_TRIM_THRESHOLD,
    });
  });

  it('keeps a threshold the deployer chose, and adds nothing on other systems', () => {
    expect(workerEnvironment({ MALLOC_TRIM_THRESHOLD_: '65536' }, 'linux')).toEqual({});
    expect(workerEnvironment({}, 'darwin')).toEqual({});
    expect(workerEnvironment({}, 'win32')).toEqual({});
  });
});
