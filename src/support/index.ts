export { type ChromiumInfo, chromiumArgs, findChromium } from './find-chromium.js';
export { findPackageRoot, readPackageVersion } from './find-package-root.js';
