import type { CompletionTree } from './command-tree.js';

/** A bash completion function; also used by zsh through bashcompinit. */
export function bashCompletion(tree: CompletionTree): string {
  const verbCases = Object.entries(tree.verbs)
    .map(([group, verbs]) => `      ${group}) words="${verbs.map((verb) => verb.name).join(' ')}" ;;`)
    .join('\n');
  const optionCases = Object.entries(tree.options)
    .map(([key, options]) => `    "${key}") words="${options.join(' ')}" ;;`)
    .join('\n');
  const choiceCases = Object.entries(tree.choices)
    .map(([key, choices]) => `    "${key}") words="${choices.join(' ')}" ;;`)
    .join('\n');
  return `# ovh-pca bash completion. Install: ovh-pca completion bash > ~/.local/share/bash-completion/completions/ovh-pca
_ovh_pca() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" words="" first="" second="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${tree.optionsWithValue.join('|')}) ((i++)) ;;
      -*) ;;
      *) if [[ -z "$first" ]]; then first="\${COMP_WORDS[i]}"; elif [[ -z "$second" ]]; then second="\${COMP_WORDS[i]}"; fi ;;
    esac
  done
  if [[ -z "$first" ]]; then
    words="${tree.top.map((entry) => entry.name).join(' ')} ${tree.globalOptions.join(' ')} --help --version"
  elif [[ -z "$second" ]]; then
    case "$first" in
${verbCases}
    esac
  fi
  local key="$first"
  [[ -n "$second" ]] && key="$first $second"
  if [[ -z "$words" && "$cur" != -* ]]; then
    case "$key" in
${choiceCases}
    esac
  fi
  if [[ -z "$words" || "$cur" == -* ]]; then
    case "$key" in
${optionCases}
    esac
  fi
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F _ovh_pca ovh-pca
`;
}
