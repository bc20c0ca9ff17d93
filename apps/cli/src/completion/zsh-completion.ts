import { bashCompletion } from './bash-completion.js';
import type { CompletionTree } from './command-tree.js';

/** zsh runs the bash function through bashcompinit: one logic, two shells. */
export function zshCompletion(tree: CompletionTree): string {
  return `#compdef ovh-pca
# ovh-pca zsh completion. Install: ovh-pca completion zsh > "\${fpath[1]}/_ovh-pca", or eval "$(ovh-pca completion zsh)"
autoload -U +X bashcompinit && bashcompinit
${bashCompletion(tree)}`;
}
