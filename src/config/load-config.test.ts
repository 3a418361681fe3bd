import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPrepkitError } from '../domain/index.js';
import { loadConfig } from './load-config.js';

function configError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isPrepkitError(error, 'INVALID_CONFIG')) return error.message;
    throw error;
  }
  throw new Error('expected an INVALID_CONFIG error');
}

describe('loadConfig', () => {
  it('defaults to the embedded database in ~/.prepkit on 127.0.0.1:4310', () => {
    expect(loadConfig({}, {})).toEqual({
      dataDir: join(homedir(), '.prepkit'),
      storage: 'embedded',
      databaseUrl: undefined,
      host: '127.0.0.1',
      port: 4310,
      model: undefined,
    });
  });

  it('reads PREPKIT_DATA, PORT and HOST from the environment, expanding ~ and relative paths', () => {
    const config = loadConfig({}, { PREPKIT_DATA: '~/prep', PORT: '8080', HOST: '0.0.0.0' });
    expect(config).toMatchObject({ dataDir: join(homedir(), 'prep'), port: 8080, host: '0.0.0.0' });
    expect(loadConfig({}, { PREPKIT_DATA: 'rel/dir' }).dataDir).toBe(resolve('rel/dir'));
  });

  it('lets flags win over the environment', () => {
    const config = loadConfig(
      { port: '0', data: '/srv/prepkit' },
      { PORT: '8080', PREPKIT_DATA: '/tmp/x' },
    );
    expect(config.port).toBe(0);
    expect(config.dataDir).toBe('/srv/prepkit');
  });

  it('treats empty environment values as unset', () => {
    expect(loadConfig({}, { PORT: '', DATABASE_URL: '  ' })).toMatchObject({
      port: 4310,
      storage: 'embedded',
    });
  });

  it('switches to PostgreSQL when DATABASE_URL is a postgres URL', () => {
    const config = loadConfig({}, { DATABASE_URL: 'postgresql://app:pw@db.internal:5432/prepkit' });
    expect(config.storage).toBe('postgres');
    expect(config.databaseUrl).toBe('postgresql://app:pw@db.internal:5432/prepkit');
  });

  it('rejects a bad PORT in one line naming the setting, the value and the range', () => {
    expect(configError(() => loadConfig({}, { PORT: 'eighty' }))).toBe(
      'invalid PORT "eighty": must be a whole number from 0 to 65535',
    );
    expect(configError(() => loadConfig({}, { PORT: '70000' }))).toMatch(/^invalid PORT "70000"/);
    expect(configError(() => loadConfig({ port: '-1' }, {}))).toMatch(/^invalid --port "-1"/);
  });

  it('rejects a DATABASE_URL that is not a postgres URL, without echoing its password', () => {
    const message = configError(() =>
      loadConfig({}, { DATABASE_URL: 'mysql://root:hunter2@localhost/db' }),
    );
    expect(message).toMatch(/^invalid DATABASE_URL/);
    expect(message).toContain('postgres://');
    expect(message).not.toContain('hunter2');
    expect(configError(() => loadConfig({}, { DATABASE_URL: 'not a url' }))).toMatch(
      /^invalid DATABASE_URL "not a url"/,
    );
  });

  it('rejects a HOST with characters no host name has', () => {
    expect(configError(() => loadConfig({}, { HOST: 'local host;rm' }))).toMatch(/^invalid HOST/);
  });

  it('reads a model as provider:model and notes whether its key is present, never the key', () => {
    const config = loadConfig(
      {},
      { PREPKIT_MODEL: 'anthropic:claude-sonnet', ANTHROPIC_API_KEY: 'sk-secret' },
    );
    expect(config.model).toEqual({
      provider: 'anthropic',
      model: 'claude-sonnet',
      baseUrl: undefined,
      hasApiKey: true,
    });
    expect(JSON.stringify(config)).not.toContain('sk-secret');
    expect(configError(() => loadConfig({}, { PREPKIT_MODEL: 'gpt-4o' }))).toMatch(
      /^invalid PREPKIT_MODEL "gpt-4o": must be provider:model/,
    );
    expect(
      configError(() =>
        loadConfig(
          {},
          { PREPKIT_MODEL: 'openai-compatible:llama3', PREPKIT_MODEL_BASE_URL: 'ftp://x' },
        ),
      ),
    ).toMatch(/^invalid PREPKIT_MODEL_BASE_URL/);
  });
});
