import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { MediaErrors } from './media-errors';

/** Multer's "one file only" complaints, as Nest passes them on. */
const FIELD_PROBLEMS = new Set(['Unexpected field', 'Too many files', 'Too many parts', 'Too many fields']);

/**
 * Placed before the multer FileInterceptor so multer's English framework errors (file too large, wrong
 * field) become the media module's own errors with messages a resident can read.
 */
@Injectable()
export class UploadErrorsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof PayloadTooLargeException) return throwError(() => MediaErrors.tooLarge());
        if (error instanceof BadRequestException && FIELD_PROBLEMS.has(error.message)) {
          return throwError(() => MediaErrors.unexpectedField());
        }
        return throwError(() => error);
      }),
    );
  }
}
