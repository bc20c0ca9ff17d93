import { quoteInput } from '@ovh-pca/core/text';
import { UsageError } from '../../cli-errors.js';
import { defineCommand } from '../../command-definition.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;

export const completion = defineCommand({
  path: ['completion'],
  description: 'print a shell completion script for bash, zsh or fish',
  arguments: [{ syntax: '<shell>', description: SHELLS.join(', '), choices: SHELLS }],
  examples: [
    'ovh-pca completion bash > ~/.local/share/bash-completion/completions/ovh-pca',
    'ovh-pca completion fish > ~/.config/fish/completions/ovh-pca.fish',
  ],
  async run(context, { args }) {
    const shell = String(args[0]);
    const { buildCompletionTree } = await import('../../completion/command-tree.js');
    const { COMMAND_GROUPS } = await import('../command-groups.js');
    const tree = buildCompletionTree(context.registry, COMMAND_GROUPS);
    const write = (script: string) => context.terminal.stdout.write(script);
    if (shell === 'bash') write((await import('../../completion/bash-completion.js')).bashCompletion(tree));
    else if (shell === 'zsh') write((await import('../../completion/zsh-completion.js')).zshCompletion(tree));
    else if (shell === 'fish')
      write((await import('../../completion/fish-completion.js')).fishCompletion(tree));
    else throw new UsageError(`Unknown shell ${quoteInput(shell)}: expected one of ${SHELLS.join(', ')}.`);
    return undefined;
  },
});
