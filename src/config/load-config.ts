import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { PrepkitError } from '../domain/index.js';

/** The settings prepkit runs with, after flags and environment are merged and checked. */
export interface Config {
  /** Folder of the embedded database and other local state. */
  dataDir: string;
  storage: 'embedded' | 'postgres';
  /** Set when storage is `postgres`. */
  databaseUrl: string | undefined;
  host: string;
  port: number;
  model: ModelConfig | undefined;
}

/** A language model the user chose, as `provider:model`. */
export interface ModelConfig {
  provider: 'openai' | 'anthropic' | 'openai-compatible';
  model: string;
  baseUrl: string | undefined;
  /** Whether the provider's key is in the environment (the key itself is never kept here). */
  hasApiKey: boolean;
}

/** Values given as command-line flags; they win over the environment. */
export interface ConfigFlags {
  port?: string | undefined;
  host?: string | undefined;
  data?: string | undefined;
}

const portSchema = z
  .string()
  .regex(/^\d+$/, 'must be a whole number from 0 to 65535')
  .transform(Number)
  .refine((port) => port <= 65_535, 'must be a whole number from 0 to 65535');

const hostSchema = z
  .string()
  .regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or an IP address, such as 127.0.0.1');

const databaseUrlSchema = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}, 'must look like postgres://user:password@host:5432/database');

const modelSchema = z
  .string()
  .regex(
    /^(openai|anthropic|openai-compatible):\S+$/,
    'must be provider:model, with provider openai, anthropic or openai-compatible',
  );

const baseUrlSchema = z
  .string()
  .refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), 'must be an http(s) URL');

/**
 * Reads configuration from flags, then the environment, and validates it.
 * A bad value is a PrepkitError with code INVALID_CONFIG and a one-line message
 * naming the setting, the value and what is expected.
 *
 * @example
 * const config = loadConfig({ port: '8080' }, process.env);
 */
export function loadConfig(flags: ConfigFlags, env: NodeJS.ProcessEnv): Config {
  const pick = (flag: string | undefined, name: string) => {
    if (flag !== undefined) return { value: flag, source: `--${flagNames[name] ?? name}` };
    const fromEnv = env[name];
    return fromEnv === undefined || fromEnv.trim() === ''
      ? undefined
      : { value: fromEnv.trim(), source: name };
  };

  const port = pick(flags.port, 'PORT');
  const host = pick(flags.host, 'HOST');
  const data = pick(flags.data, 'PREPKIT_DATA');
  const databaseUrl = pick(undefined, 'DATABASE_URL');
  const model = pick(undefined, 'PREPKIT_MODEL');
  const baseUrl = pick(undefined, 'PREPKIT_MODEL_BASE_URL');

  const modelValue = model ? check(modelSchema, model) : undefined;
  let modelConfig: ModelConfig | undefined;
  if (modelValue) {
    const separator = modelValue.indexOf(':');
    const provider = modelValue.slice(0, separator) as ModelConfig['provider'];
    const keyName = provider === 'anthropic' ? 'ANTHROPIC_API_KEY' : 'OPENAI_API_KEY';
    modelConfig = {
      provider,
      model: modelValue.slice(separator + 1),
      baseUrl: baseUrl ? check(baseUrlSchema, baseUrl) : undefined,
      hasApiKey: Boolean(env[keyName]?.trim()),
    };
  }

  const databaseUrlValue = databaseUrl ? check(databaseUrlSchema, databaseUrl) : undefined;
  return {
    dataDir: resolveDataDir(data?.value),
    storage: databaseUrlValue ? 'postgres' : 'embedded',
    databaseUrl: databaseUrlValue,
    host: host ? check(hostSchema, host) : '127.0.0.1',
    port: port ? check(portSchema, port) : defaultPort,
    model: modelConfig,
  };
}

/** The port prepkit serves on when none is given. */
export const defaultPort = 4310;

const flagNames: Record<string, string> = { PORT: 'port', HOST: 'host', PREPKIT_DATA: 'data' };

function check<Schema extends z.ZodType>(
  schema: Schema,
  setting: { value: string; source: string },
): z.output<Schema> {
  const result = schema.safeParse(setting.value);
  if (result.success) return result.data;
  const reason = result.error.issues[0]?.message ?? 'is not valid';
  const shown = setting.source === 'DATABASE_URL' ? redactPassword(setting.value) : setting.value;
  throw new PrepkitError(
    'INVALID_CONFIG',
    `invalid ${setting.source} ${JSON.stringify(shown)}: ${reason}`,
    { issues: [{ path: setting.source, message: reason }] },
  );
}

function redactPassword(value: string): string {
  return value.replace(/(\/\/[^:/@]*:)[^@/]*@/, '$1***@');
}

function resolveDataDir(value: string | undefined): string {
  if (!value) return join(homedir(), '.prepkit');
  if (value === '~') return homedir();
  if (value.startsWith('~/')) return join(homedir(), value.slice(2));
  return isAbsolute(value) ? value : resolve(value);
}
