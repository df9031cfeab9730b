import { AnalyseRequestSchema, describeError, type ChildReply, type Outcome } from './childProtocol.js';

/**
 * The child side of the runner's protocol: says `ready`, then answers each `analyse` request with the
 * outcome of `analyse(file, maxBytes, ocrPages)`, one at a time. An exception nobody awaited is reported as
 * `fatal` before the child exits, so the runner can name it; the child leaves when the runner
 * disconnects.
 */
export async function serveChild(analyse: (file: string, maxBytes: number, ocrPages: number) => Promise<Outcome>): Promise<void> {
  const send = (reply: ChildReply) =>
    new Promise<void>((resolve) => {
      if (!process.send) return resolve();
      process.send(reply, undefined, undefined, () => resolve());
    });
  const fatal = async (error: unknown) => {
    await send({ type: 'fatal', ...describeError(error) });
    process.exit(70);
  };
  process.on('unhandledRejection', (error) => void fatal(error));
  process.on('uncaughtException', (error) => void fatal(error));
  process.on('disconnect', () => process.exit(0));
  process.on('message', (message: unknown) => {
    const request = AnalyseRequestSchema.safeParse(message);
    if (!request.success) return void fatal(new Error(`robustness child: unexpected message ${JSON.stringify(message)}`));
    const { id, file, maxBytes, ocrPages } = request.data;
    void analyse(file, maxBytes, ocrPages).then(
      async (outcome) => {
        // A rejection left behind by this file is reported once the microtasks drain; waiting one
        // macrotask lets its `fatal` go out first, so it is charged to this file and not to the next.
        await new Promise((resolve) => setImmediate(resolve));
        await send({ type: 'result', id, outcome, rssBytes: process.memoryUsage.rss() });
      },
      (error: unknown) => fatal(error),
    );
  });
  await send({ type: 'ready' });
}
