/** How a lesson app prints on the process's own stdout and stderr. */

// One printer per process stream, however many lessons run in the process: one error listener each.
const printers = new Map<NodeJS.WriteStream, (text: string) => void>();

/**
 * A line printer on a process stream. A reader that leaves early (`npm start | head`) closes the
 * pipe (EPIPE): later lines are dropped and the lesson still finishes, so an `--apply` is never
 * cut short. Any other failed write (`> log.txt` on a full disk) loses output: stderr says so
 * once and the exit status becomes 1 (an app's `main.ts` keeps it).
 *
 * @example
 * ```ts
 * const print = linePrinter(process.stdout);
 * print('== Lesson 2: Block incoming traffic to all node ports =='); // one line on stdout
 * ```
 */
export function linePrinter(stream: NodeJS.WriteStream): (text: string) => void {
  const known = printers.get(stream);
  if (known !== undefined) return known;
  let open = true;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (!open) return; // lines written before the first failure fail too: it was said once
    open = false;
    if (error.code === 'EPIPE') return;
    process.exitCode = 1;
    if (stream !== process.stderr) process.stderr.write(`lesson output lost: ${error.message}\n`);
  });
  const print = (text: string) => {
    if (open) stream.write(`${text}\n`);
  };
  printers.set(stream, print);
  return print;
}
