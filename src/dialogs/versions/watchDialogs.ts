// Development: reloads dialogs/ a moment after a file changes (editors write in bursts), through the same check.
import { watch, type FSWatcher } from 'node:fs';

export function watchDialogs(dir: string, reload: () => Promise<unknown>, debounceMs = 300): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), debounceMs);
  });
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
