/** ANSI styling that turns itself off when nobody is looking (pipes, CI logs, NO_COLOR). */
import type { CliStream } from '../io.js';

/**
 * Text styles; every one is the identity function when colors are off.
 *
 * @example
 * ```ts
 * const c = palette(true);
 * c.red('Deny'); // '\u001b[31mDeny\u001b[39m'
 * ```
 */
export interface Palette {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const style =
  (enabled: boolean, open: number, close: number) =>
  (text: string): string =>
    enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;

/**
 * A palette, on or off.
 *
 * @example
 * ```ts
 * palette(false).bold('x'); // 'x'
 * ```
 */
export function palette(enabled: boolean): Palette {
  return {
    enabled,
    bold: style(enabled, 1, 22),
    dim: style(enabled, 2, 22),
    red: style(enabled, 31, 39),
    green: style(enabled, 32, 39),
    yellow: style(enabled, 33, 39),
    cyan: style(enabled, 36, 39),
  };
}

/**
 * Whether to color a stream: only a TTY, never with `NO_COLOR` or `TERM=dumb`; `FORCE_COLOR`
 * (not `0`) forces it on, `--no-color` (`requested === false`) forces it off.
 *
 * @example
 * ```ts
 * const piped: CliStream = { write: (t) => void process.stdout.write(t), isTTY: false };
 * useColor(piped, {}, undefined); // false: nobody is watching
 * useColor(piped, { FORCE_COLOR: '1' }, undefined); // true
 * useColor(piped, { FORCE_COLOR: '1' }, false); // false: --no-color wins
 * ```
 */
export function useColor(
  stream: CliStream,
  env: Readonly<Record<string, string | undefined>>,
  requested: boolean | undefined,
): boolean {
  if (requested === false) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY;
}

/**
 * Colors a verdict: Allow green, Deny red, Mixed yellow.
 *
 * @example
 * ```ts
 * verdictText(palette(false), 'Deny'); // 'Deny'
 * ```
 */
export function verdictText(c: Palette, verdict: string): string {
  if (verdict === 'Allow') return c.green(verdict);
  if (verdict === 'Deny') return c.red(verdict);
  return c.yellow(verdict);
}
