/**
 * Keeps the shown notification referenced until it is closed or replaced.
 * Electron delivers a toast's `click` to the JavaScript Notification object; if
 * nothing references that object the garbage collector may take it and a click
 * (on Windows, even later from the Action Center) does nothing. Only the newest
 * due-soon notification matters, so showing one closes the one before.
 */

/** The part of Electron's Notification used here (a port, tested without Electron). */
export interface ShownNotification {
  on(event: 'click', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'failed', listener: () => void): unknown;
  show(): void;
  close(): void;
}

export class NotificationKeeper<N extends ShownNotification> {
  private current: N | undefined;

  show(notification: N, onClick: () => void): void {
    this.current?.close();
    this.current = notification;
    const release = () => {
      if (this.current === notification) this.current = undefined;
    };
    notification.on('click', () => {
      release();
      onClick();
    });
    // Windows does not promise `close` for every toast; the next show() replaces it anyway.
    notification.on('close', release);
    notification.on('failed', release);
    notification.show();
  }

  /** The notification being kept alive, if any. */
  get kept(): N | undefined {
    return this.current;
  }
}
