// Types for bin/launch-decision.js, which runs untranspiled from bin/start.js.
export type Env = Record<string, string | undefined>;

export type LaunchDecision =
  | { mode: 'electron'; binary: string }
  | { mode: 'web'; reason: string; message: string; openBrowser: boolean };

export function electronBinaryPath(facts: { electronDir: string; env: Env; readText: (file: string) => string | null }): string | null;
export function hasDisplay(platform: string, env: Env): boolean;
export function decideLaunch(facts: {
  platform: string;
  env: Env;
  binary: string | null;
  binaryExists: boolean;
  binaryExecutable: boolean;
  isRoot: boolean;
}): LaunchDecision;
export function nativeBindingPath(root: string, electronVersion: string): string;
export function nodeGypCandidates(facts: { root: string; env: Env }): string[];
export function nodeGypArgs(electronVersion: string): string[];
