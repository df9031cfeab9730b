import { parentPort } from 'node:worker_threads';
import { PaddleOcr } from './paddleOcr.js';
import { PageReader, type ReadRequest } from './pageReader.js';

/**
 * Worker-thread side of `OcrPool`: loads the models once, then reads one page per message (draw,
 * find pictures, recognise). onnxruntime and pdf.js block the thread they run on; in a worker that is
 * this thread, never the ingest's, and a page that hangs costs only this worker.
 */
interface Job {
  id: number;
  request: ReadRequest;
}

const port = parentPort;
if (!port) throw new Error('ocrWorker must run in a worker thread');
// The models are loaded on the first page that has something to read: most pages sent only to have
// their pictures located have none, and loading costs about a second and a gigabyte.
const reader = new PageReader(() => PaddleOcr.load());
port.on('message', (job: Job) => {
  void (async () => {
    try {
      const reading = await reader.read(job.request);
      port.postMessage({ id: job.id, reading });
    } catch (error) {
      port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
    }
  })();
});
