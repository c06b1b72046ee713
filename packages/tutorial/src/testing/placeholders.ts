/**
 * The tutorial's YAML with the cheat-sheet placeholders filled in, as the tutorial asks you to.
 *
 * @example
 * ```ts
 * fillPlaceholders('nets: [<loadbalancer_IP>/32]', TUTORIAL_DEFAULTS); // 'nets: [169.46.10.20/32]'
 * ```
 */
export function fillPlaceholders(
  text: string,
  params: { readonly clientIp: string; readonly loadBalancerIp: string },
): string {
  return text
    .replaceAll('<loadbalancer_IP>', params.loadBalancerIp)
    .replaceAll('<client_address>', params.clientIp);
}
