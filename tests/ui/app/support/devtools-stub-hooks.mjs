// Module resolution hook for end-to-end runs of the bundled b2c: ink's optional devtools module is
// bundled with a top-level `import "react-devtools-core"` (an external that is not installed), so
// the bundle cannot load. This answers that one specifier with an empty module. Test-only
// workaround until scripts/build.mjs stubs ink's devtools import (reported to the lead).
export async function resolve(specifier, context, next) {
  if (specifier === 'react-devtools-core') {
    return { url: 'data:text/javascript,export default { initialize() {}, connectToDevTools() {} };', shortCircuit: true };
  }
  return next(specifier, context);
}
