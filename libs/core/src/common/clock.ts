/** The time source, replaceable in tests (the clock is one of the few true edges we fake). */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
