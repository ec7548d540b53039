import type { TestProject } from 'vitest/node';
import { startEmbeddedCluster, type EmbeddedCluster } from './embedded-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL URL whose role may create databases (see test-database.ts). */
    postgresAdminUrl: string;
  }
}

/**
 * Vitest global setup of the PostgreSQL test projects: TEST_DATABASE_URL when
 * given (a server IT or a developer runs), else ONE embedded PostgreSQL for the
 * whole run, stopped (and its data folder removed) when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresAdminUrl', given);
    return async () => undefined;
  }
  const started = performance.now();
  const cluster: EmbeddedCluster = await startEmbeddedCluster();
  console.log(
    `embedded PostgreSQL ready on 127.0.0.1:${cluster.port} in ${Math.round(performance.now() - started)} ms`,
  );
  project.provide('postgresAdminUrl', cluster.url);
  return () => cluster.destroy();
}
