/**
 * How each error calicoctl collects can begin (libcalico-go `lib/errors/errors.go`, calicoctl
 * `resourcemgr`, and Kubernetes API status errors such as `globalnetworkpolicies.crd.projectcalico.org
 * "x" is forbidden`). calicoctl prints its error slice with Go's `%v`: `[err1 err2]`, joined by
 * single spaces, so these beginnings are the only reliable places to cut.
 */
const ERROR_START = new RegExp(
  [
    'resource does not exist: ',
    'resource already exists: ',
    'operation \\S+ is not supported on ',
    'connection is unauthorized: ',
    'error with field ',
    'error with the following fields:',
    'unknown validation error',
    "insufficient identifiers, missing '",
    'update conflict: ',
    'operation partially failed: ',
    'failed to parse datastore entry ',
    "resource version '",
    'admission webhook "',
    '[a-z0-9-]+(?:\\.[a-z0-9-]+)+ "[^"]*" (?:is |not found|already exists)',
  ]
    .map((p) => `(?:${p})`)
    .join('|'),
  'gi',
);

/**
 * Splits the error list calicoctl prints after `Hit error(s):` or `Failed to apply any resources:`
 * (brackets already removed) into one message per error, so each failed resource can carry its
 * own. A cut is made where a known error begins after the space Go puts between errors, never
 * after `: ` (an error that wraps another, e.g. `connection is unauthorized: <API error>`, stays
 * whole). Text with one error, or none recognised, comes back as one message.
 *
 * @example
 * ```ts
 * splitErrorList(
 *   'resource already exists: GlobalNetworkPolicy(a) resource does not exist: GlobalNetworkPolicy(b) with error: not found',
 * );
 * // ['resource already exists: GlobalNetworkPolicy(a)', 'resource does not exist: GlobalNetworkPolicy(b) with error: not found']
 * ```
 */
export function splitErrorList(text: string): string[] {
  const cuts: number[] = [];
  for (const m of text.matchAll(ERROR_START)) {
    const at = m.index;
    if (at === 0) continue;
    if (text[at - 1] !== ' ' || at < 2 || text[at - 2] === ':') continue;
    cuts.push(at);
  }
  const parts: string[] = [];
  let from = 0;
  for (const at of cuts) {
    parts.push(text.slice(from, at));
    from = at;
  }
  parts.push(text.slice(from));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}
