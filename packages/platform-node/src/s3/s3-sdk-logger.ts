import type { Logger } from '@smithy/types';

/**
 * The AWS SDK's logger for ovh-pca's S3 clients. Without one, the SDK writes some warnings straight
 * to the console (e.g. "An error was encountered in a non-retryable streaming request." when a
 * streamed upload meets a fault), which breaks the CLI's output and the desktop's logs. Warnings and
 * errors go to the `--verbose` hook as text only: the SDK's info-level entries carry whole command
 * inputs and outputs, and any object could hold a header or a credential, so none is printed.
 */
export function s3SdkLogger(onDebug?: (line: string) => void): Logger {
  const quiet = () => {};
  const line =
    (level: string) =>
    (...content: unknown[]) => {
      const text = content.filter((part): part is string => typeof part === 'string').join(' ');
      if (onDebug && text) onDebug(`S3 SDK ${level}: ${text}`);
    };
  return { trace: quiet, debug: quiet, info: quiet, warn: line('warning'), error: line('error') };
}
