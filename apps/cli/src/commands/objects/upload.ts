import { UsageError } from '../../cli-errors.js';
import { defineCommand } from '../../command-definition.js';
import { ExitCode } from '../../exit-codes.js';

export const upload = defineCommand<{ prefix?: string; segmentSize?: string; segmentThreshold?: string }>({
  path: ['upload'],
  usage: '[options] <path...> <archive>',
  description: 'upload files and folders into an archive; large files go in segments, a re-run resumes',
  arguments: [
    {
      syntax: '<paths...>',
      description:
        'files or folders (a folder keeps its name: photos/2024/a.jpg), then the archive: NAME, REGION/NAME or PROJECT/REGION/NAME',
    },
  ],
  options: [
    { flags: '--prefix <prefix>', description: 'put every key below this folder (a / is added)' },
    { flags: '--segment-size <size>', description: 'bytes per segment of a large file (default 128MiB)' },
    {
      flags: '--segment-threshold <size>',
      description: 'files larger than this go in segments (default: the segment size)',
    },
  ],
  examples: [
    'ovh-pca upload dump.sql.gz archives-gra --prefix backups/db',
    'ovh-pca upload photos/ videos/ GRA/archives-gra --segment-size 256MiB --json',
  ],
  async run(context, { args, options }) {
    const core = await import('@ovh-pca/core');
    const typed = Array.isArray(args[0]) ? args[0] : [];
    if (typed.length < 2) {
      throw new UsageError('Name the files or folders, then the archive: upload PATH... ARCHIVE');
    }
    // Every input checked, and every file found, before anything is sent.
    const address = core.parseArchiveAddress(typed[typed.length - 1]);
    const { parseByteSize } = await import('../../input/byte-size.js');
    const sizes = core.uploadSizes({
      segmentSize:
        options.segmentSize === undefined ? undefined : parseByteSize('--segment-size', options.segmentSize),
      segmentThreshold:
        options.segmentThreshold === undefined
          ? undefined
          : parseByteSize('--segment-threshold', options.segmentThreshold),
    });
    const { collectUploadSources } = await import('@ovh-pca/platform-node');
    const sources = await collectUploadSources(typed.slice(0, -1), { prefix: options.prefix });
    if (sources.length === 0) throw new UsageError('Nothing to upload: the folders named hold no file.');

    const { openArchive } = await import('../../runtime/archive-target.js');
    const { archive, backend } = await openArchive(context, address);
    if (!core.hasCapability(backend, 'upload') || !backend.uploadObjects) {
      throw new UsageError(
        `${archive.product} archives take no uploads from ovh-pca: upload into a Cloud Archive container (archives create NAME --region R).`,
      );
    }
    const view = await import('../../output/upload-view.js');
    const total = sources.reduce((sum, source) => sum + source.bytes, 0);
    const sent = new Map<string, number>();
    let done = 0;
    let sentBytes = 0;
    const progress = await context.progress(view.uploadProgressText(0, total, 0, sources.length));
    const redraw = () => progress.update(view.uploadProgressText(sentBytes, total, done, sources.length));
    let results: Awaited<ReturnType<NonNullable<typeof backend.uploadObjects>>>;
    try {
      results = await backend.uploadObjects(archive, sources, {
        ...sizes,
        signal: context.signal,
        onProgress: (event) => {
          sentBytes += event.sentBytes - (sent.get(event.key) ?? 0);
          sent.set(event.key, event.sentBytes);
          redraw();
        },
        onObject: (result) => {
          done += 1;
          // An unchanged file counts as whole, so the total is reached.
          sentBytes += result.bytes - (sent.get(result.key) ?? 0);
          sent.set(result.key, result.bytes);
          redraw();
        },
      });
    } finally {
      progress.stop();
    }
    const label = core.formatArchiveAddress(archive);
    for (const failed of results.filter((result) => result.outcome === 'failed')) {
      context.log.error(`${failed.key}: ${failed.error?.message ?? 'failed'}`);
    }
    context.output.list({ rows: results, columns: view.UPLOAD_COLUMNS, json: view.uploadJson });
    if (context.output.format !== 'json') context.log.success(view.uploadSummary(results, label));
    const failures = results.filter((result) => result.outcome === 'failed').length;
    if (failures === 0) return undefined;
    return failures === results.length ? ExitCode.failed : ExitCode.partial;
  },
});
