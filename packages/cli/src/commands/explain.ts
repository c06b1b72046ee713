/** `calico-dsl explain <manifests…> --flow …`: why a flow gets its verdict, as readable text. */
import { addFlowOptions, type EvalOptions, runFlowCommand } from './eval.js';
import type { Register } from './register.js';

/**
 * Adds `explain` to the program: `eval` with every step printed and the deciding rule marked ▶.
 *
 * @example
 * ```ts
 * registerExplain(program, run);
 * ```
 */
export const registerExplain: Register = (program, run) => {
  addFlowOptions(
    program
      .command('explain')
      .description('Explain why a flow gets its verdict: every step, the deciding rule highlighted'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ calico-dsl explain world.yaml deny-nodeports.yaml --flow 'tcp 198.51.100.7:40000 -> 169.46.7.10:31024'
  $ calico-dsl explain world.yaml policies/*.yaml --flow 'tcp 10.0.0.5 -> 172.21.10.10:80' --via worker-2`,
    )
    .action(
      run(([manifests]: [string[]], opts: EvalOptions, ctx) =>
        runFlowCommand(manifests, opts, ctx, 'explain'),
      ),
    );
};
