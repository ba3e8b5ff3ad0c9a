// The one version number, read from Cargo.toml for the JavaScript side.
import fs from 'node:fs';

/** The `version` of `[workspace.package]` in Cargo.toml: the one version number. */
export function workspaceVersion() {
  const manifest = fs.readFileSync(new URL('../Cargo.toml', import.meta.url), 'utf8');
  const table = manifest.split(/^\[workspace\.package\]$/m)[1]?.split(/^\[/m)[0] ?? '';
  const version = table.match(/^version = "([^"]+)"$/m)?.[1];
  if (!version) throw new Error('Cargo.toml has no [workspace.package] version');
  return version;
}
