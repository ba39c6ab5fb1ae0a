import type { ChildProcess } from 'node:child_process';

export function isPortOpen(host: string, port: number, timeoutMs?: number): Promise<boolean>;
export function ensureDatabase(databaseUrl: string): Promise<void>;
export function startPrivatePostgres(
  dataDir: string,
  port: number,
  children: ChildProcess[],
): Promise<string | null>;
export function startPrivateRedis(
  dataDir: string,
  port: number,
  children: ChildProcess[],
): Promise<string | null>;
export const missingServicesHelp: string;
export function resolveServices(
  root: string,
  children: ChildProcess[],
  log: (text: string) => void,
): Promise<{ databaseUrl: string; redisUrl: string } | null>;
