/**
 * The URL hash holds what the page shows, so that a link reproduces it (contract "Playground
 * app"): `#manifests=<base64url of the YAML text>&flow=<flow text as the CLI takes it>`.
 */

/**
 * What a link carries. Absent fields keep the page's defaults.
 *
 * @example
 * ```ts
 * const s: HashState = { manifests: 'kind: Pod\n', flow: 'tcp 10.0.0.1 -> 10.0.0.2:80' };
 * ```
 */
export interface HashState {
  readonly manifests?: string;
  readonly flow?: string;
}

/**
 * A hash read back, with a note for each part that could not be read (shown to the user).
 *
 * @example
 * ```ts
 * readHash('#manifests=%%%').problems; // ['manifests: not base64url text …']
 * ```
 */
export interface HashRead {
  readonly state: HashState;
  readonly problems: readonly string[];
}

/**
 * UTF-8 text as base64url without padding (RFC 4648 §5), as the acceptance checks write it.
 *
 * @example
 * ```ts
 * encodeBase64Url('kind: Pod'); // 'a2luZDogUG9k'
 * ```
 */
export function encodeBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  // Chunks keep String.fromCharCode's argument list short for large manifests.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * base64url (or plain base64, padded or not) back to UTF-8 text; `undefined` when it is not.
 *
 * @example
 * ```ts
 * decodeBase64Url('a2luZDogUG9k'); // 'kind: Pod'
 * ```
 */
export function decodeBase64Url(encoded: string): string | undefined {
  const b64 = encoded.replace(/-/g, '+').replace(/_/g, '/').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.replace(/=+$/, '').length % 4 === 1) return undefined;
  try {
    const body = b64.replace(/=+$/, '');
    const binary = atob(body + '='.repeat((4 - (body.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Reads `location.hash`. Unknown keys are ignored; an unreadable part is reported, never thrown.
 *
 * @example
 * ```ts
 * readHash('#flow=tcp%2010.0.0.1%20-%3E%2010.0.0.2%3A80').state.flow; // 'tcp 10.0.0.1 -> 10.0.0.2:80'
 * ```
 */
export function readHash(hash: string): HashRead {
  const problems: string[] = [];
  let manifests: string | undefined;
  let flow: string | undefined;
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq);
    const raw = part.slice(eq + 1);
    if (key === 'manifests') {
      // base64url needs no URL decoding, but a link pasted through a mail client may carry %3D.
      const text = decodeBase64Url(decodeComponent(raw) ?? raw);
      if (text === undefined) {
        problems.push('manifests: the link does not hold base64url UTF-8 text; copy the link again');
      } else manifests = text;
    } else if (key === 'flow') {
      // A flow has no '+': one in a hand-written link is a space (form encoding).
      const text = decodeComponent(raw.replace(/\+/g, ' '));
      if (text === undefined) problems.push('flow: the link holds a broken %-escape; copy the link again');
      else flow = text;
    }
  }
  const state: HashState = {
    ...(manifests !== undefined ? { manifests } : {}),
    ...(flow !== undefined ? { flow } : {}),
  };
  return { state, problems };
}

/**
 * The hash for a state (without `#`).
 *
 * @example
 * ```ts
 * writeHash({ manifests: 'kind: Pod', flow: 'tcp 10.0.0.1 -> 10.0.0.2:80' });
 * // 'manifests=a2luZDogUG9k&flow=tcp%2010.0.0.1%20-%3E%2010.0.0.2%3A80'
 * ```
 */
export function writeHash(state: HashState): string {
  const parts: string[] = [];
  if (state.manifests !== undefined) parts.push(`manifests=${encodeBase64Url(state.manifests)}`);
  if (state.flow !== undefined) parts.push(`flow=${encodeURIComponent(state.flow)}`);
  return parts.join('&');
}
