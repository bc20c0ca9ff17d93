import type { CommandShape, OptionDefinition } from '../command-shape.js';
import { GLOBAL_OPTION_DEFINITIONS, GLOBAL_OPTIONS_WITH_VALUE } from '../global-options.js';
import { LEGACY_FLAGS_WITH_VALUE } from '../legacy-flags.js';

/** What completion scripts need: words at each level and the long options of each command. */
export interface CompletionTree {
  /** First words: groups (`sessions`) and single commands (`usage`). */
  top: Array<{ name: string; description: string }>;
  /** Second words per group. */
  verbs: Record<string, Array<{ name: string; description: string }>>;
  /** Options per command key (`sessions list`, `usage`), globals included. */
  options: Record<string, string[]>;
  /** Fixed argument values per command key (`completion` → bash zsh fish). */
  choices: Record<string, string[]>;
  globalOptions: string[];
  /** Options, global or legacy (`-d`), whose next word is their value, not a command. */
  optionsWithValue: string[];
}

export function buildCompletionTree(
  registry: readonly CommandShape[],
  groups: Readonly<Record<string, string>>,
): CompletionTree {
  const globalOptions = GLOBAL_OPTION_DEFINITIONS.flatMap(optionWords);
  const optionsWithValue = [...GLOBAL_OPTIONS_WITH_VALUE, ...LEGACY_FLAGS_WITH_VALUE];
  const tree: CompletionTree = {
    top: [],
    verbs: {},
    options: {},
    choices: {},
    globalOptions,
    optionsWithValue,
  };
  for (const definition of registry) {
    const [first, second] = definition.path;
    if (second === undefined) {
      tree.top.push({ name: first, description: definition.description });
    } else {
      if (!tree.verbs[first]) {
        tree.verbs[first] = [];
        tree.top.push({ name: first, description: groups[first] ?? '' });
      }
      tree.verbs[first].push({ name: second, description: definition.description });
    }
    tree.options[definition.path.join(' ')] = [
      ...(definition.options ?? []).flatMap(optionWords),
      ...globalOptions,
      '--help',
    ];
    const choices = (definition.arguments ?? []).flatMap((argument) => argument.choices ?? []);
    if (choices.length) tree.choices[definition.path.join(' ')] = choices;
  }
  return tree;
}

/** `-y, --yes` → `--yes`, `-y`; `--no-color` stays as is. */
function optionWords(option: OptionDefinition): string[] {
  return option.flags
    .split(/[ ,|]+/)
    .filter((word) => word.startsWith('-'))
    .sort((a, b) => b.length - a.length);
}

/** Shell-safe single-quoted text. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
