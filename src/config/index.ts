export {
  type Config,
  type ConfigFlags,
  defaultPort,
  loadConfig,
  type ModelConfig,
} from './load-config.js';
