import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EvalRunError, parseCliCommand, parseContractLine, runBatch } from '../../../scripts/eval/runCli.js';
import { AskResultSchema as AskLineSchema } from '../../../src/answer/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const stub = (mode: string) => parseCliCommand(`node --import tsx ${path.join(here, 'fixtures', 'stubCli.ts')} ${mode} eval/dev`);
const options = { echoStderr: false, timeoutMs: 30_000 };
const questions = ['志愿者占在校生的比例是多少？', '图书馆藏书有多少册？'];

describe('parseCliCommand', () => {
  it('splits the default contract command into program and arguments', () => {
    expect(parseCliCommand('npm run --silent cli --')).toEqual({ command: 'npm', args: ['run', '--silent', 'cli', '--'] });
  });
});

describe('parseContractLine', () => {
  it('names the line and the missing fields when a line is not the ask shape', () => {
    expect(() => parseContractLine(AskLineSchema, '{"question":"q","found":true}', 'ask line 3 (q009)')).toThrow(/ask line 3 \(q009\): not the contract shape — answer/);
  });

  it('refuses a line that is not JSON', () => {
    expect(() => parseContractLine(AskLineSchema, '{oops', 'ask line 1')).toThrow(EvalRunError);
  });
});

describe('runBatch', () => {
  it('returns one stdout line per question in order when the CLI keeps the contract', async () => {
    const { lines } = await runBatch(stub('oracle'), 'ask', questions, [], options);
    const parsed = lines.map((line, i) => parseContractLine(AskLineSchema, line, `line ${i + 1}`));
    expect(parsed.map((p) => [p.question, p.found])).toEqual([
      [questions[0], true],
      [questions[1], false],
    ]);
  });

  it('fails the run when the CLI prints fewer lines than questions', async () => {
    await expect(runBatch(stub('short'), 'ask', questions, [], options)).rejects.toThrow('2 inputs but 1 JSON lines');
  });

  it('fails the run with the CLI stderr when the CLI exits non-zero', async () => {
    await expect(runBatch(stub('fail'), 'ask', questions, [], options)).rejects.toThrow(/exited with 3\nits stderr ends:\nstub: index is broken/);
  });
});
