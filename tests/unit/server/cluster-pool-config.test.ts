import { describe, expect, it } from 'vitest';
import { parseServerConfig } from '../../../src/server/config';

describe('the socket.io adapter pool between server nodes (--cluster-pool)', () => {
  it('defaults to 8 connections and takes the option or the environment', () => {
    const base = parseServerConfig([], {});
    expect(base.ok && base.value.clusterPoolSize).toBe(8);
    const flag = parseServerConfig(['--cluster-pool', '16'], {});
    expect(flag.ok && flag.value.clusterPoolSize).toBe(16);
    const env = parseServerConfig([], { AGENT_DESK_CLUSTER_POOL: '12' });
    expect(env.ok && env.value.clusterPoolSize).toBe(12);
  });

  it('refuses a pool that leaves no connection to publish with, saying why', () => {
    const one = parseServerConfig(['--cluster-pool', '1'], {});
    expect(!one.ok && one.error.message).toMatch(
      /^clusterPoolSize: the cluster pool needs at least 2 connections/,
    );
  });
});
