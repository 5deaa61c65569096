import { Injectable } from '@nestjs/common';

/**
 * The time every volunteer rule is judged at (windows, QR rotation, daily caps). One injectable seam so
 * tests can stand at a chosen moment of an activity instead of waiting for it.
 */
@Injectable()
export class VolunteerClock {
  now(): Date {
    return new Date();
  }
}
