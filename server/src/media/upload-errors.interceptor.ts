import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { MediaErrors } from './media-errors';

/**
 * Multer's "one file, in field `file`" complaints as Nest passes them on. Nest keeps only the message
 * (e.g. "Unexpected file field - photo"), whose wording varies between multer releases, hence a pattern.
 */
const FIELD_PROBLEM = /^(Unexpected (file )?field|Too many (files|parts|fields))/;

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
        if (error instanceof BadRequestException && FIELD_PROBLEM.test(error.message)) {
          return throwError(() => MediaErrors.unexpectedField());
        }
        return throwError(() => error);
      }),
    );
  }
}
