import { type CompletionTree, shellQuote } from './command-tree.js';

/** fish completions: subcommands with descriptions, then each command's options. */
export function fishCompletion(tree: CompletionTree): string {
  const groups = Object.keys(tree.verbs);
  const lines = [
    '# ovh-pca fish completion. Install: ovh-pca completion fish > ~/.config/fish/completions/ovh-pca.fish',
    'complete -c ovh-pca -f',
  ];
  for (const entry of tree.top) {
    lines.push(
      `complete -c ovh-pca -n __fish_use_subcommand -a ${entry.name} -d ${shellQuote(entry.description)}`,
    );
  }
  for (const [group, verbs] of Object.entries(tree.verbs)) {
    const names = verbs.map((verb) => verb.name).join(' ');
    for (const verb of verbs) {
      lines.push(
        `complete -c ovh-pca -n '__fish_seen_subcommand_from ${group}; and not __fish_seen_subcommand_from ${names}' -a ${verb.name} -d ${shellQuote(verb.description)}`,
      );
    }
  }
  for (const [key, options] of Object.entries(tree.options)) {
    const words = key.split(' ');
    const condition =
      words.length === 1 && !groups.includes(words[0]!)
        ? `__fish_seen_subcommand_from ${words[0]}`
        : `__fish_seen_subcommand_from ${words[0]}; and __fish_seen_subcommand_from ${words[1]}`;
    for (const option of options.filter((word) => word.startsWith('--'))) {
      lines.push(`complete -c ovh-pca -n ${shellQuote(condition)} -l ${option.slice(2)}`);
    }
  }
  for (const [command, choices] of Object.entries(tree.choices)) {
    lines.push(
      `complete -c ovh-pca -n ${shellQuote(`__fish_seen_subcommand_from ${command}`)} -a ${shellQuote(choices.join(' '))}`,
    );
  }
  for (const option of tree.globalOptions.filter((word) => word.startsWith('--'))) {
    lines.push(`complete -c ovh-pca -n __fish_use_subcommand -l ${option.slice(2)}`);
  }
  return `${lines.join('\n')}\n`;
}
