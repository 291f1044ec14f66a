import { envSchema, type Config } from './env-schema.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the environment once at boot. A wrong value stops the boot with a message that names the
 * variable and the rule it breaks, never the value itself (it may be a secret).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const variable = issue.path.join('.') || '(environment)';
    return `  ${variable}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
}
