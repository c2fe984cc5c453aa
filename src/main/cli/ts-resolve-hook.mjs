// Module resolution hook for running the TypeScript sources directly with Node 22's type stripping:
// the sources import siblings without an extension (moduleResolution "Bundler"), so a relative specifier that
// does not resolve is retried with ".ts". No build step is needed after `npm ci`.
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (err) {
    const relative = specifier.startsWith('./') || specifier.startsWith('../');
    if (relative && !/\.[cm]?[jt]s$/.test(specifier)) return next(`${specifier}.ts`, context);
    throw err;
  }
}
