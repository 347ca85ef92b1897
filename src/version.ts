/** The product version, shown by `b2c --version` and sent in the User-Agent. Keep in step with package.json. */
export const VERSION = '0.1.0';
