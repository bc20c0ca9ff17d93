import { bashCompletion } from './bash-completion.js';
import type { CompletionTree } from './command-tree.js';

/** zsh runs the bash function through bashcompinit: one logic, two shells. */
export function zshCompletion(tree: CompletionTree): string {
  return `#compdef ovh-pca
# ovh-pca zsh completion. Install: ovh-pca completion zsh > "\${fpath[1]}/_ovh-pca", or eval "$(ovh-pca completion zsh)"
autoload -U +X bashcompinit && bashcompinit
${bashCompletion(tree)}# Autoloaded from fpath as _ovh-pca by the first Tab: complete that Tab too, not only the next ones.
if [[ \${funcstack[1]-} == _ovh-pca ]]; then _bash_complete -o default -F _ovh_pca; fi
`;
}
