export { type AppOptions, createApp, defaultMaxBodyBytes } from './create-app.js';
export { errorStatus } from './error-status.js';
export { loadWebAssets, type WebAsset, type WebAssets } from './load-web-assets.js';
export { type RunningServer, type StartServerOptions, startServer } from './start-server.js';
