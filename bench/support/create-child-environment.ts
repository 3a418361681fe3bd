/**
 * The environment of a child the benchmarks start: only what Node needs, so a
 * developer's own DATABASE_URL, PREPKIT_DATA, HOST or PORT cannot point a
 * benchmark at another database or address.
 */
export function createChildEnvironment(): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  if (process.env.TMPDIR !== undefined) environment.TMPDIR = process.env.TMPDIR;
  return environment;
}
