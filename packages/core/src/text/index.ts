// The start-up path (main, bin) imports only this small module, not the whole core.
// Public surface of the text helpers: echoing user input safely in messages.
export {
  escapeControlCharacters,
  hasControlCharacters,
  MAX_ECHOED_CHARS,
  MAX_MESSAGE_CHARS,
  quoteInput,
  safeMessage,
} from './quote-input.js';
