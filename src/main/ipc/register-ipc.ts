import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { ELECTRON_EVENT_CHANNEL, ELECTRON_INVOKE_CHANNEL } from '../../shared/ipc/api';
import { IPC_EVENTS, type IpcEvent } from '../../shared/ipc/events';
import { IPC_ERROR_CODES } from '../../shared/ipc/result';
import type { DesktopCore } from '../../desktop/core/desktop-core';
import type { CoreLogger } from '../../desktop/core/logger';
import { isAppUrl, type AppOrigin } from '../electron/security';
import { createIpcHandlers, dispatchIpc } from '../../desktop/ipc/ipc-handlers';

/**
 * THE one module that touches ipcMain. Every call is checked: the sending frame
 * must be our own renderer page, then dispatchIpc validates channel, arguments,
 * session and result. Events go to the window with their payload validated.
 */
export function registerIpc(
  core: DesktopCore,
  origin: AppOrigin,
  target: () => WebContents | undefined,
  logger: CoreLogger,
): () => void {
  const handlers = createIpcHandlers(core);
  ipcMain.handle(
    ELECTRON_INVOKE_CHANNEL,
    async (event: IpcMainInvokeEvent, channel: unknown, args: unknown) => {
      if (!isAppUrl(event.senderFrame?.url, origin)) {
        logger.warn('ipc: refused a call from a foreign frame');
        return {
          ok: false,
          error: { code: IPC_ERROR_CODES.unknownChannel, message: 'Not allowed from this page.' },
        };
      }
      return dispatchIpc(handlers, core, channel, args, logger);
    },
  );
  const unsubscribe = core.events.onAny((event: IpcEvent, payload: unknown) => {
    const contents = target();
    const checked = IPC_EVENTS[event].safeParse(payload);
    if (contents && !contents.isDestroyed() && checked.success)
      contents.send(ELECTRON_EVENT_CHANNEL, event, checked.data);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(ELECTRON_INVOKE_CHANNEL);
  };
}
