import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { ProcessingQueue } from './processing-queue';

/**
 * The one queue every photo decode in this process goes through (MEDIA_PROCESS_CONCURRENCY at once,
 * MEDIA_PROCESS_QUEUE waiting), so a burst of large uploads costs a bounded amount of memory.
 */
@Injectable()
export class PhotoProcessingGate extends ProcessingQueue {
  constructor(config: AppConfig) {
    super(config.mediaProcessConcurrency, config.mediaProcessQueue);
  }
}
