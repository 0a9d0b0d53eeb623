/**
 * The YAML parser for config files, in a module of its own that project-config.ts imports
 * lazily: a static import here gives the CLI bundle (esbuild) yaml's named exports, where a
 * dynamic `import('yaml')` of the CommonJS package gets only a default export there.
 */
export { parse, YAMLParseError } from 'yaml';
