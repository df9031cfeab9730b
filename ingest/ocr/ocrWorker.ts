import { parentPort } from 'node:worker_threads';
import { PaddleOcr, type RgbaImage } from './paddleOcr.js';

/**
 * Worker-thread side of `OcrPool`: loads the models once, then recognises one page image per message.
 * onnxruntime blocks the thread it runs on; in a worker that is this thread, never the ingest's.
 */
interface Job {
  id: number;
  image: RgbaImage;
}

const port = parentPort;
if (!port) throw new Error('ocrWorker must run in a worker thread');
const engine = PaddleOcr.load();
port.on('message', (job: Job) => {
  void (async () => {
    try {
      const boxes = await (await engine).recognise(job.image);
      port.postMessage({ id: job.id, boxes });
    } catch (error) {
      port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
    }
  })();
});
