/** Options that take a verdict (`--expect`, `search --verdict`), read in any case as a flows file is. */
import { InvalidArgumentError, Option } from 'commander';

const VERDICT_WORDS = ['allow', 'deny', 'mixed'] as const;

/**
 * An option whose value is `allow`, `deny` or `mixed` in any letter case (`Deny`, as the
 * evaluator prints verdicts and a flows-file line may end), lower-cased; anything else is a
 * usage error. The choices stay on the option for `--help`.
 *
 * @example
 * ```ts
 * cmd.addOption(verdictOption('--expect <verdict>', 'exit 1 unless every flow gets this verdict'));
 * // --expect Deny → opts.expect === 'deny'
 * ```
 */
export function verdictOption(flags: string, description: string): Option {
  return new Option(flags, description).choices(VERDICT_WORDS).argParser((value: string) => {
    const word = value.toLowerCase();
    if (!(VERDICT_WORDS as readonly string[]).includes(word))
      throw new InvalidArgumentError(`Allowed choices are ${VERDICT_WORDS.join(', ')} (any case).`);
    return word;
  });
}
