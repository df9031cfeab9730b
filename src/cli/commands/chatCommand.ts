import { AnswerServiceHolder } from '../../answer/answerServiceHolder.js';
import { runTerminalChat } from '../../chat/terminalChat.js';
import { openAnswerService } from '../../runtime/runtime.js';
import type { CliCommand } from '../cliContext.js';

/** `chat`: the terminal chat on the index (built first when there is none). */
const chat: CliCommand = async ({ config, indexDir, logger, stderr }) => {
  const holder = new AnswerServiceHolder(await openAnswerService(config, indexDir, logger, stderr));
  await runTerminalChat(holder, { input: process.stdin, output: process.stdout, logger, prompt: process.stdin.isTTY === true });
  await holder.current().index.lease.release();
  return 0;
};
export default chat;
